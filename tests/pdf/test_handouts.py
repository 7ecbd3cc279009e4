"""The handouts `make pdf` writes, read back with poppler (text, fonts) and zbar (QR codes)."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from kbsync.config import SITE_URL_VARIABLE, SiteConfig, load_site_config
from kbsync.languages import profile
from kbsync.pdf.paths import knowledge_base_pdf, page_pdf
from kbsync.pdf.plan import nav_pages
from kbsync.site.urls import SiteLanguages, go_link

pytestmark = pytest.mark.build

# The German change: in the section `basics` of the guideline, committed a day after the knowledge base.
PAGE = "guidelines/service-quality.md"
CHANGED_SECTION = "basics"
KB_DATE, CHANGE_DATE = datetime.date(2026, 11, 20), datetime.date(2026, 11, 21)


@dataclass(frozen=True)
class HandoutSite:
    root: Path
    site: Path
    config: SiteConfig
    built_on: tuple[datetime.date, ...]  # the day the PDFs were made (two if the run crossed midnight)
    stderr: str


@pytest.fixture(scope="module")
def handout_site(tmp_path_factory, kb_tools) -> HandoutSite:
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("handouts") / "kb")
    german = root / "docs/de" / PAGE
    german.write_text(german.read_text(encoding="utf-8").replace(
        "solange die Identifizierung nicht abgeschlossen ist.",
        "solange die Identifizierung nicht abgeschlossen ist, auch nicht per E-Mail."), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Identification: no data by e-mail either", date=f"{CHANGE_DATE}T10:00:00+00:00")
    environment = {key: value for key, value in os.environ.items() if key != SITE_URL_VARIABLE}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    environment["KB_PDF"] = "1"  # what `make pdf` sets: pages link to the handouts it writes
    before = datetime.date.today()
    # What `make pdf` runs: the build (make build), then the handouts.
    for command in (["-m", "kbsync.build.site", "--strict"], ["-m", "kbsync.pdf"]):
        result = subprocess.run([sys.executable, *command], cwd=root, capture_output=True, text=True, env=environment)
        assert result.returncode == 0, result.stderr[-4000:]
    assert "warning" not in result.stderr.lower(), result.stderr
    return HandoutSite(root=root, site=root / "site", config=load_site_config(root / "mkdocs.yml", environ={}),
                       built_on=tuple(sorted({before, datetime.date.today()})), stderr=result.stderr)


def pdf_text(path: Path, *options: str) -> str:
    """The PDF's text as poppler's pdftotext reads it (`-layout` keeps each printed line one line)."""
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def qr_codes(path: Path, page: int, tmp_path: Path) -> list[str]:
    """What zbar reads in the QR codes of a page of the PDF, rendered at 150 dpi by poppler."""
    image = tmp_path / f"{path.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(path),
                    str(image)], check=True)
    result = subprocess.run(["zbarimg", "--raw", "-q", f"{image}.png"], capture_output=True, text=True)
    return result.stdout.split()


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])


def nav_order(root: Path) -> list[str]:
    return nav_pages(load_config(str(root / "mkdocs.yml"))["nav"])


@pytest.fixture(scope="module")
def site_languages(handout_site) -> SiteLanguages:
    return SiteLanguages.of(handout_site.config)


def test_a_pdf_exists_for_every_page_and_language_and_one_of_the_whole_knowledge_base(handout_site, site_languages):
    config, site = handout_site.config, handout_site.site
    pages = sorted(path.relative_to(config.docs_dir / "de").as_posix() for path in (config.docs_dir / "de").rglob("*.md"))
    expected = {page_pdf(site_languages, lang, page) for lang in config.locales for page in pages}
    expected |= {knowledge_base_pdf(site_languages, lang) for lang in config.locales}
    assert len(expected) == 4 * len(pages) + 4 == 80
    written = {path.relative_to(site).as_posix() for path in site.rglob("*.pdf")}
    assert written == expected
    assert all((site / url).read_bytes().startswith(b"%PDF-") for url in expected)
    assert "80 PDFs written" in handout_site.stderr


@pytest.mark.parametrize("lang", ["de", "it", "fr", "en"])
def test_a_page_handout_gives_title_address_and_dates_in_its_language(handout_site, site_languages, lang):
    config = handout_site.config
    text = " ".join(pdf_text(handout_site.site / page_pdf(site_languages, lang, PAGE)).split())
    ui, formats = profile(lang).ui, profile(lang)
    assert front_matter(config.docs_dir / lang / PAGE)["title"] in text
    colon = formats.label_colon  # French: `\u00a0:`, folded into ` :` like every space of the text
    address = f"{config.canonical_url}{site_languages.page_url(lang, PAGE)}"
    assert " ".join(f"{ui['pdf_online_label']}{colon} {address}".split()) in text
    changed = CHANGE_DATE if lang == "de" else KB_DATE  # the German text changed; the translations did not
    assert " ".join(f"{ui['text_changed_label']}{colon} {formats.format_day(changed)}".split()) in text
    assert any(ui["pdf_built"].format(date=formats.format_day(day)) in text for day in handout_site.built_on)


def test_the_qr_code_of_a_page_in_any_language_is_its_link_for_all_languages(handout_site, site_languages, tmp_path):
    link = go_link(handout_site.config, PAGE, None)
    assert link == "https://kb.example.internal/go/guidelines/service-quality/"
    for lang in handout_site.config.locales:
        assert qr_codes(handout_site.site / page_pdf(site_languages, lang, PAGE), 1, tmp_path) == [link], lang
    assert qr_codes(handout_site.site / knowledge_base_pdf(site_languages, "fr"), 1, tmp_path) == [
        "https://kb.example.internal/go/"]


def test_the_whole_knowledge_base_has_contents_with_the_page_each_chapter_starts_on(handout_site, site_languages):
    config = handout_site.config
    book = handout_site.site / knowledge_base_pdf(site_languages, "it")
    text = pdf_text(book, "-layout")
    contents = dict(re.findall(r"^\s*(\S.*?)\s?\.{3,}\s*(\d+)\s*$", text, re.M))
    titles = [front_matter(config.docs_dir / "it" / page)["title"] for page in nav_order(handout_site.root)]
    assert list(contents) == titles, "every page, in the navigation's order"
    numbers = [int(contents[title]) for title in titles]
    assert numbers == sorted(numbers) and numbers[0] == 3, "after the cover and the contents"
    pages = text.split("\f")
    for title, number in zip(titles, numbers):
        top = [line.strip() for line in pages[number - 1].splitlines() if line.strip()][:3]
        assert any(line.startswith(title) for line in top), (title, number, top)


def test_outdated_sections_are_marked_in_one_line_each(handout_site, site_languages):
    config = handout_site.config
    german = " ".join(pdf_text(handout_site.site / page_pdf(site_languages, "de", PAGE)).split())
    assert profile("de").ui["outdated_title"] not in german
    for lang in config.translation_langs:
        ui, formats = profile(lang).ui, profile(lang)
        lines = pdf_text(handout_site.site / page_pdf(site_languages, lang, PAGE), "-layout").splitlines()
        banner = [line for line in lines if ui["outdated_title"] in line]
        section = _section_title(config.docs_dir / lang / PAGE, CHANGED_SECTION)
        assert len(banner) == 1 and section in banner[0], (lang, banner)
        assert ui["changed_on"].format(date=formats.format_day(CHANGE_DATE)) in banner[0]
        notes = [line for line in lines if ui["section_mark"] in line]
        assert len(notes) == 1 and ui["section_mark_link"] in notes[0], (lang, notes)


def _section_title(path: Path, section: str) -> str:
    match = re.search(rf"^##+ (.+?) \{{#{section}\}}", path.read_text("utf-8"), re.M)
    return match.group(1)


def test_every_font_is_embedded(handout_site, site_languages):
    for url in (knowledge_base_pdf(site_languages, "fr"), page_pdf(site_languages, "de", "glossary.md")):
        output = subprocess.run(["pdffonts", str(handout_site.site / url)], capture_output=True, text=True,
                                check=True).stdout
        fonts = [line.split() for line in output.splitlines()[2:]]
        assert fonts and all(row[-5] == "yes" for row in fonts), output
        assert {row[0].split("+")[-1] for row in fonts} <= {"Liberation-Sans", "Liberation-Sans-Bold",
                                                           "Liberation-Sans-Italic", "Liberation-Mono",
                                                           "DejaVuSans", "DejaVuSans-Bold"}, output


def test_each_page_links_to_its_handout_and_the_whole_knowledge_base_in_the_readers_language(handout_site, site_languages):
    config, site = handout_site.config, handout_site.site
    for lang in config.locales:
        ui = profile(lang).ui
        for page in ("index.md", PAGE, "metrics/nps.md"):
            url = site_languages.page_url(lang, page)
            html = BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")
            links = html.select("article .kb-pdf-link a")
            assert [link.get_text() for link in links] == [ui["pdf_page_link"], ui["pdf_book_link"]]
            targets = [urljoin(f"https://host/{url}", link["href"]).removeprefix("https://host/") for link in links]
            assert targets == [page_pdf(site_languages, lang, page), knowledge_base_pdf(site_languages, lang)]
            assert all((site / target).is_file() for target in targets)
