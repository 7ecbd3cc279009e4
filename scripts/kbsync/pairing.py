"""The one place that maps pages to paths: `docs/<lang>/<page>` <-> (lang, page).

A translation's source is the page with the same `page` path in the source language's folder.
Nothing else in kbsync builds or splits page paths.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from kbsync.errors import UsageError
from kbsync.config import SiteConfig


def page_path(config: SiteConfig, lang: str, page: str) -> Path:
    """The file of `page` (a path inside a language folder, like `metrics/nps.md`) in `lang`."""
    return config.docs_dir / lang / PurePosixPath(page)


def split_page_path(config: SiteConfig, path: Path) -> tuple[str, str]:
    """(lang, page) for a file under `docs/<lang>/`; a usage error for anything else."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    absolute = Path(*absolute.parts).resolve()
    try:
        parts = absolute.relative_to(config.docs_dir).parts
    except ValueError:
        raise UsageError(f"{path} is outside {config.relative(config.docs_dir)}/",
                         hint=f"give a page under {config.relative(config.docs_dir)}/<language>/")
    if len(parts) < 2:
        raise UsageError(f"{path} is not inside a language folder",
                         hint=f"pages live at {config.relative(config.docs_dir)}/<language>/<page>.md")
    lang = parts[0]
    require_language(config, lang)
    return lang, PurePosixPath(*parts[1:]).as_posix()


def require_language(config: SiteConfig, lang: str) -> str:
    if lang not in config.locales:
        raise UsageError(f"unknown language `{lang}`",
                         hint=f"mkdocs.yml lists {', '.join(config.locales)}")
    return lang


def require_translation_language(config: SiteConfig, lang: str, work: str) -> str:
    """`lang`, a language of the site other than the source: what a command that works on
    translations (`work`: what it does, for the message) is given."""
    lang = require_language(config, lang)
    if lang == config.source_lang:
        raise UsageError(f"`{lang}` is the source language; {work}",
                         hint=f"give one of {', '.join(config.translation_langs)}")
    return lang


def resolve_page(config: SiteConfig, argument: str) -> str:
    """The page named by a command-line argument: a file in any language folder, or a page path."""
    candidate = Path(argument)
    absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
    inside_docs = absolute.resolve().is_relative_to(config.docs_dir)
    if inside_docs or candidate.is_absolute() or argument.startswith(".."):
        return split_page_path(config, candidate)[1]
    if candidate.exists():
        raise UsageError(f"{argument} is outside {config.relative(config.docs_dir)}/",
                         hint=f"give a page under {config.relative(config.docs_dir)}/<language>/")
    page = PurePosixPath(argument).as_posix()
    if not page.endswith(".md"):
        raise UsageError(f"{argument} is not a Markdown page", hint="pages end in .md")
    return page


def display_path(config: SiteConfig, lang: str, page: str) -> str:
    """How the file of `page` in `lang` is named to the user: `docs/<lang>/<page>`."""
    return f"{config.docs_prefix}/{lang}/{page}"
