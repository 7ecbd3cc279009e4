"""Write the handouts with WeasyPrint, one job per PDF on every core (kbsync.parallel).

Each worker parses the stylesheets and sets up the fonts once, then renders PDFs: the whole
knowledge bases first, as they take longest, so that no worker is left with one at the end. Each
PDF is written beside its place and renamed into it, so a reader of the site never gets half a file.
WeasyPrint reads only files of the built site (`fetcher.SiteOnlyFetcher`); what it was refused is
reported.
"""

from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import lxml.html

from kbsync.config import SiteConfig
from kbsync.languages import profile
from kbsync.parallel import run_jobs
from kbsync.pdf.article import read_article
from kbsync.pdf.compose import handout_html
from kbsync.pdf.plan import Handout, plan_handouts

HANDOUT_CSS = Path(__file__).with_name("handout.css")


@dataclass(frozen=True)
class Written:
    """A PDF written, and what WeasyPrint read for it."""

    url: str  # site-relative, also its path inside the site folder
    lang: str
    book: bool
    size: int  # bytes
    pages: int
    fetched: tuple[str, ...]  # file URLs inside the site
    refused: tuple[str, ...]  # URLs it asked for and did not get


@dataclass(frozen=True)
class Settings:
    """What every worker needs (inherited by the forked workers, not pickled)."""

    config: SiteConfig
    site_dir: Path
    stylesheets: tuple[Path, ...]  # the site's print stylesheets, then handout.css
    today: datetime.date


def write_handouts(config: SiteConfig, site_dir: Path, pages: Mapping[str, Iterable[str]], nav: Any,
                   text_changed: Mapping[str, datetime.date], today: datetime.date) -> list[Written]:
    """Write every handout of the site built in `site_dir` (see `plan.plan_handouts`)."""
    site_dir = site_dir.resolve()
    handouts = plan_handouts(config, site_dir, pages, nav, text_changed)
    return render_handouts(handouts, settings_for(config, site_dir, handouts, today))


def settings_for(config: SiteConfig, site_dir: Path, handouts: list[Handout], today: datetime.date) -> Settings:
    """What the workers need to render `handouts` of the site in `site_dir`, built on `today`."""
    site_dir = site_dir.resolve()
    home = handouts[0].chapters[0].built if handouts and handouts[0].chapters else None
    return Settings(config=config, site_dir=site_dir, today=today,
                    stylesheets=(*(print_stylesheets(site_dir, home) if home else ()), HANDOUT_CSS))


def render_handouts(handouts: list[Handout], settings: Settings) -> list[Written]:
    """Render and write `handouts`, in the order given, on as many cores as pay off."""
    return run_jobs(_render, handouts, _start, (settings,))


def print_stylesheets(site_dir: Path, built_page: Path) -> list[Path]:
    """The stylesheets a built page links for print (`media="print"`), as files of the site."""
    root = lxml.html.document_fromstring(built_page.read_bytes())
    base = built_page.resolve().as_uri()
    found = []
    for link in root.iterfind(".//head/link[@rel='stylesheet'][@media='print']"):
        target = urlsplit(urljoin(base, link.get("href", "")))
        path = Path(target.path)
        if target.scheme == "file" and path.is_relative_to(site_dir) and path.is_file():
            found.append(path)
    return found


_worker: dict[str, Any] = {}


def _start(settings: Settings) -> None:
    """In each worker, once: the fonts and the parsed stylesheets, shared by every PDF it renders."""
    from weasyprint import CSS
    from weasyprint.logger import LOGGER
    from weasyprint.text.fonts import FontConfiguration

    # Refused requests are reported by the driver; WeasyPrint's notes on CSS it ignores are not for users.
    LOGGER.setLevel(logging.ERROR)
    fonts = FontConfiguration()
    _worker.update(settings=settings, fonts=fonts,
                   stylesheets=[CSS(filename=str(path), font_config=fonts) for path in settings.stylesheets])


def _render(handout: Handout) -> Written:
    from weasyprint import HTML

    from kbsync.pdf.fetcher import SiteOnlyFetcher

    settings: Settings = _worker["settings"]
    config, site_dir = settings.config, settings.site_dir
    chapter_ids = handout.chapter_ids()
    articles = [read_article(chapter, site_dir, config.canonical_url, chapter_ids) for chapter in handout.chapters]
    language = config.language(handout.lang)
    html = handout_html(handout, articles, profile(handout.lang), language.site_name or config.site_name,
                        language.name, settings.today)
    fetcher = SiteOnlyFetcher(site_dir)
    document = HTML(string=html, base_url=handout.chapters[0].built.as_uri(), url_fetcher=fetcher).render(
        stylesheets=_worker["stylesheets"], font_config=_worker["fonts"])
    target = site_dir / handout.url
    staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(staged)
        os.replace(staged, target)
    except OSError as error:  # named by the PDF, not by the staged file (the driver reports it)
        raise OSError(error.errno, f"cannot write the PDF: {error.strerror or error}",
                      str(config.relative(target))) from None
    finally:
        try:
            staged.unlink(missing_ok=True)
        except OSError:
            pass  # the folder was never made: nothing was staged
    return Written(url=handout.url, lang=handout.lang, book=handout.book, size=target.stat().st_size,
                   pages=len(document.pages), fetched=tuple(fetcher.fetched), refused=tuple(fetcher.refused))
