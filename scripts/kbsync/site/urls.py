"""Where a page of a language lives on the site, and a link to it from another page.

Site-relative URLs, as MkDocs writes them with `use_directory_urls`: the default language at the
site's root, the others under their i18n `link` (`it/`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Mapping

from kbsync.config import SiteConfig


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
        stem = page[:-3] if page.endswith(".md") else page
        directory, name = posixpath.split(stem)
        path = directory if name in ("index", "README") else stem
        return self.prefixes[lang] + (path + "/" if path else "")


def relative_url(target: str, from_url: str) -> str:
    """`target` (site-relative) as a link from the page at site-relative `from_url`."""
    depth = len([part for part in from_url.split("/") if part])
    return ("../" * depth) + target if (depth or target) else "./"
