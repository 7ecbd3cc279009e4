"""The kbsync-search MkDocs plugin: what a reader's browser gets from a site in several languages.

It only wires MkDocs events; the work sits in small modules: one search index per language
(``site_search_index``), one sitemap per language (``site_sitemap``), corrections to Material's page
markup (``site_page_html``). It also marks the content of a page shown in the source language
(a German fallback page) with that language, since the page itself is in the reader's language.

It must be listed after the i18n plugin and Material's search plugin.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import write_file

from kbsync.site.theme_fixes import ThemeMarkupError, correct_page
from kbsync.site.search_index import SearchEntryError, SearchLanguage, index_json, language_index
from kbsync.site.sitemap import sitemap_xml

_NOT_FOUND = "404.html"
_SEARCH = "material/search"


class SiteSearchPluginConfig(Config):
    # Words split at white space, hyphens and apostrophes (l'indice, dell'indicatore, l’enquête).
    separator = config_options.Type(str, default=r"[\s\-'’]+")


@dataclass
class _LanguageBuild:
    """What one language's build collects for its search index and sitemap."""

    language: SearchLanguage
    fallback_pages: list[str] = field(default_factory=list)
    page_urls: list[str] = field(default_factory=list)
    search_entries: list[dict] = field(default_factory=list)


class SiteSearchPlugin(BasePlugin[SiteSearchPluginConfig]):
    """Per-language search and sitemaps, corrected theme markup, and the language of fallback pages."""

    def __init__(self):
        super().__init__()
        # The i18n plugin runs the other languages' builds inside the default language's
        # on_post_build, so builds nest: the last one here is the one running.
        self._builds: list[_LanguageBuild] = []
        self._language_homes: list[dict] | None = None

    # After the i18n plugin (priority -100) has set the language being built.
    @event_priority(-200)
    def on_config(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("kbsync-search: the i18n plugin (mkdocs-static-i18n) must be listed in mkdocs.yml")
        if _SEARCH not in config.plugins:
            raise PluginError("kbsync-search: Material's search plugin ('- search' under plugins in mkdocs.yml) "
                              "is required")
        built = [lang for lang in i18n.config.languages if lang.build]
        source = next(lang for lang in built if lang.default)
        locale = config.theme["language"]
        _require_lunr_language(config, locale)
        root = "" if locale == source.locale else f"{locale}/"
        language = SearchLanguage(locale=locale, root=root, source_name=source.name, separator=self.config.separator)
        self._builds.append(_LanguageBuild(language))
        # The i18n plugin's language switcher as it is before any page adapts it: each language's home.
        self._language_homes = getattr(i18n, "extra_alternate", None)
        return config

    # Before any other plugin adds to the content: only the translated text is in the source language.
    @event_priority(100)
    def on_page_content(self, html, page, config, files):
        build = self._builds[-1]
        content_locale = getattr(page.file, "locale", build.language.locale)
        if content_locale == build.language.locale:
            return html
        build.fallback_pages.append(page.url)
        return f'<div lang="{content_locale}">\n{html}\n</div>'

    def on_page_context(self, context, page, config, nav):
        # As in MkDocs' own sitemap: a page's URL is known only when site_url is set.
        if url := page.canonical_url or page.abs_url:
            self._builds[-1].page_urls.append(url)
        return context

    def on_template_context(self, context, template_name, config):
        # The i18n plugin leaves the last page's language links in place for the 404 page;
        # a page that does not exist has no translation, so its switcher leads to each language's home.
        # Set as an attribute, as the i18n plugin does (on MkDocs' config, attribute and key differ).
        if template_name == _NOT_FOUND and self._language_homes:
            config.extra.alternate = copy.deepcopy(self._language_homes)
        return context

    def on_post_page(self, output, page, config):
        return self._correct(output, page.file.src_uri)

    # Before the kbsync plugin keeps each language's 404 page.
    @event_priority(50)
    def on_post_template(self, output_content, template_name, config):
        if template_name != _NOT_FOUND:
            return output_content
        return self._correct(output_content, _NOT_FOUND)

    # After Material's search plugin (0) indexed this language, before the i18n plugin (-100)
    # replaces its entries with every language's.
    @event_priority(-50)
    def _collect_search_entries(self, config):
        search = config.plugins[_SEARCH]
        try:
            self._builds[-1].search_entries = list(search.search_index.entries)
        except AttributeError:
            raise PluginError("kbsync-search: Material's search plugin keeps no search_index.entries "
                              "(a new version of mkdocs-material?)") from None

    # After the i18n plugin wrote its all-language index at the site's root.
    @event_priority(-150)
    def _write_language_files(self, config):
        build = self._builds.pop()
        try:
            index = language_index(build.search_entries, build.language, build.fallback_pages,
                                   config.plugins[_SEARCH].config.fields)
        except SearchEntryError as error:
            raise PluginError(f"kbsync-search: {error}") from None
        root = Path(config.site_dir) / build.language.root
        write_file(index_json(index).encode("utf-8"), str(root / "search" / "search_index.json"))
        # The default language's sitemap is the i18n plugin's, at the site's root.
        if build.language.root:
            write_file(sitemap_xml(build.page_urls).encode("utf-8"), str(root / "sitemap.xml"))

    on_post_build = CombinedEvent(_collect_search_entries, _write_language_files)

    def on_build_error(self, error):
        self._builds.clear()

    def _correct(self, html: str, source: str) -> str:
        try:
            return correct_page(html, language_root=self._builds[-1].language.root)
        except ThemeMarkupError as error:
            raise PluginError(f"kbsync-search: {source}: {error}") from None


def _require_lunr_language(config: MkDocsConfig, locale: str) -> None:
    """Material ships lunr's stemmer and stop words per language; English is built into lunr."""
    script = f"assets/javascripts/lunr/min/lunr.{locale}.min.js"
    if locale != "en" and not any((Path(folder) / script).is_file() for folder in config.theme.dirs):
        raise PluginError(
            f"kbsync-search: search has no stemmer for language '{locale}' (the i18n plugin's languages in "
            f"mkdocs.yml): the theme has no {script}"
        )
