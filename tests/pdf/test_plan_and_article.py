"""What the handouts hold, before WeasyPrint: which PDFs, in which order, and each page's article made for paper."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kbsync.config import load_site_config
from kbsync.errors import InputError
from kbsync.pdf.__main__ import main
from kbsync.pdf.article import read_article
from kbsync.pdf.paths import knowledge_base_pdf, page_pdf, pdf_links
from kbsync.pdf.plan import Chapter, nav_pages, plan_handouts
from kbsync.reading.docs_tree import scan
from kbsync.site.urls import SiteLanguages

REPO = Path(__file__).resolve().parents[2]
NAV = [{"Home": "index.md"}, {"Metrics": ["metrics/index.md", "metrics/nps.md", {"Elsewhere": "https://example.org/x.md"}]},
       "glossary.md"]


@pytest.fixture(scope="module")
def config():
    return load_site_config(REPO / "mkdocs.yml", environ={})


def test_handouts_live_in_each_language_folder_the_whole_knowledge_base_beside_them(config):
    languages = SiteLanguages.of(config)
    assert page_pdf(languages, "de", "metrics/nps.md") == "pdf/metrics/nps.pdf"
    assert page_pdf(languages, "it", "metrics/nps.md") == "it/pdf/metrics/nps.pdf"
    assert page_pdf(languages, "fr", "index.md") == "fr/pdf/index.pdf"
    assert page_pdf(languages, "en", "metrics/index.md") == "en/pdf/metrics/index.pdf"
    assert knowledge_base_pdf(languages, "de") == "knowledge-base.pdf"
    assert knowledge_base_pdf(languages, "it") == "it/knowledge-base.pdf"
    links = pdf_links(languages, "it", "metrics/nps.md", "it/metrics/nps/")
    assert (links.page, links.book) == ("../../../it/pdf/metrics/nps.pdf", "../../../it/knowledge-base.pdf")


def test_the_navigation_orders_the_pages_and_a_link_elsewhere_is_no_page():
    assert nav_pages(NAV) == ["index.md", "metrics/index.md", "metrics/nps.md", "glossary.md"]
    assert nav_pages(None) == []


def test_every_page_of_every_language_gets_a_handout_and_each_language_one_of_everything(config, tmp_path):
    pages = scan(config).pages
    languages = SiteLanguages.of(config)
    for lang in config.locales:
        for page in pages[config.source_lang]:
            built = tmp_path / languages.page_url(lang, page) / "index.html"
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_text("<article></article>", "utf-8")
    changed = {f"docs/it/metrics/nps.md": datetime.date(2026, 11, 21), "docs/de/metrics/nps.md": datetime.date(2026, 11, 1)}
    handouts = plan_handouts(config, tmp_path, {**pages, "it": pages["it"] - {"metrics/nps.md"}}, NAV, changed)
    books = [handout for handout in handouts if handout.book]
    source_pages = sorted(pages[config.source_lang])
    assert [book.lang for book in books] == list(config.locales)
    assert handouts[:len(books)] == books, "the longest to render come first"
    assert len(handouts) == len(books) + len(config.locales) * len(source_pages)
    italian = books[1]
    assert [chapter.page for chapter in italian.chapters][:4] == ["index.md", "metrics/index.md", "metrics/nps.md",
                                                                  "glossary.md"]
    assert sorted(chapter.page for chapter in italian.chapters) == source_pages
    assert italian.url == "it/knowledge-base.pdf" and italian.address == "https://kb.example.internal/it/"
    assert italian.go == "https://kb.example.internal/go/"
    nps = next(handout for handout in handouts if handout.url == "it/pdf/metrics/nps.pdf")
    (chapter,) = nps.chapters
    assert chapter.address == nps.address == "https://kb.example.internal/it/metrics/nps/"
    assert chapter.go == nps.go == "https://kb.example.internal/go/metrics/nps/"
    # Missing in Italian, the page is the German one: its date is the German file's.
    assert chapter.text_changed == datetime.date(2026, 11, 1)
    assert italian.text_changed == datetime.date(2026, 11, 1)


def test_a_site_not_built_is_a_message_naming_the_page_and_what_to_run(config, tmp_path, capsys):
    with pytest.raises(InputError, match=r"index\.html is missing: the site in .* is not built.*make pdf"):
        plan_handouts(config, tmp_path, scan(config).pages, NAV, {})
    assert main(["--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("kbsync.pdf: error: ") and "run `make pdf`" in error
    assert "Traceback" not in error


BUILT_PAGE = """<!doctype html><html lang="it"><head><meta charset="utf-8">
<meta name="description" content="Come si calcola l'NPS.">
<title>Net Promoter Score (NPS) - Qualità del servizio</title></head><body>
<article class="md-content__inner md-typeset">
<div class="kb-print-meta"><p>https://kb.example.internal/it/metrics/nps/</p></div>
<h1 id="nps">Net Promoter Score (<abbr title="Net Promoter Score">NPS</abbr>)<a class="headerlink" href="#nps">&para;</a><a class="headerlink kb-go-link" href="../../../go/metrics/nps/"><svg></svg></a></h1>
<h2 id="scale">Scala<a class="headerlink" href="#scale">&para;</a></h2>
<p>Vedi <a href="../csat/#scale">CSAT</a>, <a href="#sources">le fonti</a>, <a href="../../glossary/">il glossario</a>
e <a href="https://example.org/study">lo studio</a>.</p>
<p><img src="chart.png" alt="Grafico"></p>
<script>alert(1)</script>
<p class="kb-pdf-link"><a href="../../../it/pdf/metrics/nps.pdf">Questa pagina in PDF</a></p>
</article></body></html>"""


def _chapter(site: Path) -> Chapter:
    built = site / "it/metrics/nps/index.html"
    built.parent.mkdir(parents=True)
    built.write_text(BUILT_PAGE, "utf-8")
    return Chapter(page="metrics/nps.md", url="it/metrics/nps/", built=built,
                   address="https://kb.example.internal/it/metrics/nps/",
                   go="https://kb.example.internal/go/metrics/nps/", text_changed=None)


def test_a_page_handout_holds_the_article_with_every_link_at_its_canonical_address(tmp_path):
    article = read_article(_chapter(tmp_path), tmp_path, "https://kb.example.internal/")
    assert article.title == "Net Promoter Score (NPS)"
    assert article.description == "Come si calcola l'NPS."
    body = BeautifulSoup(article.body, "html.parser")
    assert body.select("h1, .headerlink, .kb-go-link, .kb-pdf-link, .kb-print-meta, script") == []
    links = {link.get_text(): (link["href"], link.get("data-print-url")) for link in body.select("a")}
    assert links == {
        "CSAT": ("https://kb.example.internal/it/metrics/csat/#scale",) * 2,
        "le fonti": ("#sources", None),
        "il glossario": ("https://kb.example.internal/it/glossary/",) * 2,
        "lo studio": ("https://example.org/study", None),
    }
    assert body.select_one("img")["src"] == (tmp_path / "it/metrics/nps/chart.png").as_uri()
    assert body.select_one("h2")["id"] == "scale"


def test_in_the_whole_knowledge_base_ids_are_the_chapters_own_and_links_stay_in_the_document(tmp_path):
    chapters = {"it/metrics/nps/": "chapter-3", "it/metrics/csat/": "chapter-4"}
    article = read_article(_chapter(tmp_path), tmp_path, "https://kb.example.internal/", chapters)
    body = BeautifulSoup(article.body, "html.parser")
    assert body.select_one("h2")["id"] == "chapter-3--scale"
    links = {link.get_text(): (link["href"], link.get("class")) for link in body.select("a")}
    assert links["CSAT"] == ("#chapter-4--scale", ["kb-in-document"])
    assert links["le fonti"] == ("#chapter-3--sources", None)
    assert links["il glossario"] == ("https://kb.example.internal/it/glossary/", None)  # not in this document


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cover_and_chapters_write_a_label_and_its_colon_the_languages_way(lang):
    # French puts a no-break space before the colon (`En ligne\u00a0: …`), as the site's footer does.
    from kbsync.languages import profile
    from kbsync.pdf.article import Article
    from kbsync.pdf.compose import handout_html
    from kbsync.pdf.plan import Handout

    language = profile(lang)
    day = datetime.date(2026, 3, 1)
    chapter = Chapter("metrics/nps.md", f"{lang}/metrics/nps/", Path("unused"), f"https://kb.example.internal/{lang}/metrics/nps/",
                      "https://kb.example.internal/go/metrics/nps/", day)
    article = Article("NPS", "", "<p>Text</p>")
    for book in (False, True):
        handout = Handout(lang, f"{lang}/pdf/metrics/nps.pdf", (chapter,), book, chapter.address, chapter.go)
        html = handout_html(handout, [article], language, "KB", "Language", day)
        ui, colon = language.ui, language.label_colon
        assert f"{ui['pdf_online_label']}{colon} <a href" in html
        assert html.count(f"{ui['text_changed_label']}{colon} <time") == (2 if book else 1)


def test_make_pdf_builds_the_site_then_writes_the_handouts():
    lines = (REPO / "Makefile").read_text("utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("pdf:"))
    recipe = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    assert lines[start].split() == ["pdf:", "$(STAMP)"]
    # The build links every page to its handouts (KB_PDF=1), then the handouts are written.
    assert recipe == ["sh scripts/install_system_packages.sh", "KB_PDF=1 $(BIN)/python -m kbsync.build.site --strict",
                      "$(BIN)/python -m kbsync.pdf"]
