"""Where a page of a language lives on the site, and a link to it from another page.

Site-relative URLs, as MkDocs writes them with `use_directory_urls`: the default language at the
site's root, the others under their i18n `link` (`it/`). The language-neutral link of a page,
`go/<page>/`, opens it in the reader's language (kbsync.site.go_pages writes what it serves).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Mapping

from kbsync.config import SITE_URL_VARIABLE, SiteConfig
from kbsync.errors import ConfigError

#: Where the language-neutral links live, below the site's root: `go/<page path>/#<section>`.
GO_FOLDER = "go/"


@dataclass(frozen=True)
class SiteLanguages:
    """The site's languages in order, with the URL prefix of each (`""` for the default language)."""

    source: str
    prefixes: Mapping[str, str]  # locale -> "" or "it/"
    names: Mapping[str, str]

    @classmethod
    def of(cls, config: SiteConfig) -> SiteLanguages:
        built = config.built_languages
        return cls(source=config.source_lang, prefixes={language.locale: language.url_prefix for language in built},
                   names={language.locale: language.name for language in built})

    def page_url(self, lang: str, page: str) -> str:
        """Site-relative URL of `page` (a path inside a language folder) in `lang`, as MkDocs writes it."""
        return self.prefixes[lang] + page_folder(page)


def page_folder(page: str) -> str:
    """The URL path of `page` (`guidelines/service-quality.md`) inside a language's root, with directory
    URLs: `guidelines/service-quality/`; an index page is its folder (`guidelines/`, `""` for the home page)."""
    stem = page[:-3] if page.endswith(".md") else page
    directory, name = posixpath.split(stem)
    path = directory if name in ("index", "README") else stem
    return path + "/" if path else ""


def go_url(page: str) -> str:
    """Site-relative URL of the language-neutral link of `page`: `go/guidelines/service-quality/`."""
    return GO_FOLDER + page_folder(page)


def go_link(config: SiteConfig, page: str, section: str | None = None) -> str:
    """The absolute language-neutral link of `page` (and its `section`), for handouts and QR codes:
    `https://kb.example.internal/go/guidelines/service-quality/#quality-indicators`. It opens the page in
    the first of the reader's browser languages that the site has, in the source language otherwise."""
    if config.canonical_url is None:
        raise ConfigError(f"the site has no address for absolute links: set site_url in mkdocs.yml or the "
                          f"environment variable {SITE_URL_VARIABLE}", path=config.relative(config.config_path))
    return config.canonical_url + go_url(page) + (f"#{section}" if section else "")


def relative_url(target: str, from_url: str) -> str:
    """`target` (site-relative) as a link from the page at site-relative `from_url`."""
    depth = len([part for part in from_url.split("/") if part])
    return ("../" * depth) + target if (depth or target) else "./"
