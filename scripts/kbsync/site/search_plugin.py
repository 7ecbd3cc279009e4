"""The kbsync-search MkDocs plugin: one search index and one sitemap per language.

It only wires MkDocs events; the work sits in ``search_index`` (the index of one language) and
``sitemap`` (the sitemap of one language). Its option (``separator``) is read by ``kbsync.config``.
Corrections to the theme's markup belong to the kbsync plugin (``theme_fixes``), not here.

It must be listed after the i18n plugin and Material's search plugin.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import write_file

from kbsync.config import SearchOptions, SiteConfig, load_site_config
from kbsync.errors import KbsyncError
from kbsync.languages import profile
from kbsync.site.plugin import reporting_errors
from kbsync.site.search_index import SearchEntryError, SearchLanguage, index_json, language_index
from kbsync.site.sitemap import sitemap_xml

_SEARCH = "material/search"

# MkDocs only has to accept the options; kbsync.config reads and checks them, with their defaults.
SiteSearchPluginConfig = type("SiteSearchPluginConfig", (Config,), {
    option.name: config_options.Optional(config_options.Type(object)) for option in fields(SearchOptions)})


@dataclass
class _LanguageBuild:
    """What one language's build collects for its search index and sitemap."""

    language: SearchLanguage
    fallback_pages: list[str] = field(default_factory=list)
    page_urls: list[str] = field(default_factory=list)
    search_entries: list[dict] = field(default_factory=list)


@reporting_errors("kbsync-search")
class SiteSearchPlugin(BasePlugin[SiteSearchPluginConfig]):
    """Per-language search indexes and sitemaps."""

    def __init__(self):
        super().__init__()
        # The i18n plugin runs the other languages' builds inside the default language's
        # on_post_build, so builds nest: the last one here is the one running.
        self._builds: list[_LanguageBuild] = []
        self._site_config: SiteConfig | None = None

    # After the i18n plugin (priority -100) has set the language being built.
    @event_priority(-200)
    def on_config(self, config):
        if config.plugins.get("i18n") is None:
            raise PluginError("kbsync-search: the i18n plugin (mkdocs-static-i18n) must be listed in mkdocs.yml")
        if _SEARCH not in config.plugins:
            raise PluginError("kbsync-search: Material's search plugin ('- search' under plugins in mkdocs.yml) "
                              "is required")
        if self._site_config is None:
            try:
                self._site_config = load_site_config(Path(config.config_file_path))
            except KbsyncError as error:
                raise PluginError(f"kbsync-search: {error}") from None
        site = self._site_config
        locale = config.theme["language"]
        _require_lunr_language(config, locale)
        language = SearchLanguage(locale=locale, root=site.language(locale).site_root,
                                  source_name=site.language_name(site.source_lang), separator=site.search.separator)
        self._builds.append(_LanguageBuild(language))
        return config

    def on_page_context(self, context, page, config, nav):
        build = self._builds[-1]
        # A page built from the source language (the i18n plugin's fallback for a missing translation).
        if getattr(page.file, "locale", build.language.locale) != build.language.locale:
            build.fallback_pages.append(page.url)
        # As in MkDocs' own sitemap: a page's URL is known only when site_url is set.
        if url := page.canonical_url or page.abs_url:
            build.page_urls.append(url)
        return context

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
        _hand_i18n_this_language_only(config)

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


def _hand_i18n_this_language_only(config: MkDocsConfig) -> None:
    """Empty the i18n plugin's stack of search entries before it adds this language's (it runs
    after this event). It stacks every language's entries to write one index of all languages at
    the site's root, and first removes the entries a language shares with the default one by
    comparing each default entry with every other entry: quadratic. On 2,153 pages in each of
    four languages (about 45,000 entries each) `mkdocs build` was still at it after 40 minutes of
    processor time. That index is replaced by the default language's (_write_language_files), so
    the i18n plugin writes it from the last language's entries alone, in linear time."""
    entries = getattr(config.plugins.get("i18n"), "search_entries", None)
    if not isinstance(entries, list):
        raise PluginError("kbsync-search: the i18n plugin keeps no search_entries list "
                          "(a new version of mkdocs-static-i18n?)")
    entries.clear()


def _require_lunr_language(config: MkDocsConfig, locale: str) -> None:
    """Material ships lunr's stemmer and stop words per language; lunr's own pipeline is English."""
    script = f"assets/javascripts/lunr/min/lunr.{locale}.min.js"
    if not profile(locale).lunr_builtin and not any((Path(folder) / script).is_file() for folder in config.theme.dirs):
        raise PluginError(
            f"kbsync-search: search has no stemmer for language '{locale}' (the i18n plugin's languages in "
            f"mkdocs.yml): the theme has no {script}"
        )
