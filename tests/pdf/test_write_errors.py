"""A handout that cannot be written is one message naming the PDF, exit 2: no traceback, no staged file left."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.pdf.__main__ import main
from kbsync.reading.docs_tree import scan
from kbsync.site.urls import SiteLanguages

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.build  # WeasyPrint renders the first handouts (about 15 s)


def test_a_pdf_that_cannot_be_written_is_a_message_naming_it(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KBSYNC_DEBUG", raising=False)
    config = load_site_config(REPO / "mkdocs.yml", environ={})
    languages = SiteLanguages.of(config)
    site = tmp_path / "site"
    for lang in config.locales:  # every page built, as plain as a page can be
        for page in scan(config).pages[config.source_lang]:
            built = site / languages.page_url(lang, page) / "index.html"
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_text(f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{page}</title>"
                             f"</head><body><article class='md-typeset'><h1>{page}</h1><p>Text.</p></article>"
                             "</body></html>", "utf-8")
    (site / "knowledge-base.pdf").mkdir()  # where the German knowledge base goes, the first PDF rendered

    assert main(["--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(site), "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error == f"kbsync.pdf: error: {site / 'knowledge-base.pdf'}: cannot write the PDF: Is a directory\n"
    assert (site / "knowledge-base.pdf").is_dir()
    assert [path for path in site.rglob("*") if path.name.endswith(".tmp")] == [], "no staged PDF is left"
    assert all(pdf.read_bytes().startswith(b"%PDF-") for pdf in site.rglob("*.pdf") if pdf.is_file())
