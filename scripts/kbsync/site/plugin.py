"""The kbsync MkDocs plugin: wires MkDocs events to kbsync's modules, nothing more.

It computes nothing itself: what the site knows comes from `kbsync.site.state` (the check run behind
`kbsync check` and `kbsync status`, the termbase, git history), the glossary from `glossary`, banners,
section notes and local-section marks from `banners`, the generated pages from `status_page` and
`changes_page`, the footer from `page_meta`, what a printed page says of itself from `print_meta`,
the `go/` links from `go_links`, corrections to the theme's markup from `theme_fixes`, every string
and format from the reader's language profile. Its options are read by `kbsync.config`, which declares
them. It must be listed after the i18n plugin.
"""

from __future__ import annotations

import copy
import functools
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import write_file

from kbsync.config import KbsyncOptions, SiteConfig, load_site_config
from kbsync.errors import KbsyncError
from kbsync.languages import profile
from kbsync.pdf.paths import pdf_links
from kbsync.site import banners, glossary
from kbsync.site.changes_page import changes_section
from kbsync.site.go_links import add_go_links, go_pages, reserved_folder_users
from kbsync.site.page_meta import page_meta
from kbsync.site.print_meta import print_meta
from kbsync.site.redirects import redirect_pages
from kbsync.site.sections import fill_sections
from kbsync.site.state import PageView, SiteState, read_site_state
from kbsync.site.status_page import status_sections
from kbsync.site.theme_fixes import ThemeMarkupError, correct_page

_NOT_FOUND = "404.html"

# MkDocs only has to accept the options; kbsync.config reads and checks them, with their defaults.
KbsyncPluginConfig = type("KbsyncPluginConfig", (Config,), {
    option.name: config_options.Optional(config_options.Type(object)) for option in fields(KbsyncOptions)})


def reporting_errors(plugin_name: str) -> Callable[[type], type]:
    """A plugin class whose every event turns an unexpected exception into one PluginError naming
    the page being rendered (where there is one): the one handler of the plugin's entry points, so
    no traceback reaches a user. `KBSYNC_DEBUG=1` lets the exception through, with its traceback."""
    def guarded(method: Callable) -> Callable:
        @functools.wraps(method)  # keeps MkDocs' event priority
        def event(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except MkDocsException:
                raise
            except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
                if os.environ.get("KBSYNC_DEBUG"):
                    raise
                where = _page_source(kwargs.get("page"), kwargs.get("config"))
                raise PluginError(f"{plugin_name}: {where + ': ' if where else ''}internal error "
                                  f"({type(error).__name__}: {error}); run again with KBSYNC_DEBUG=1 for "
                                  "the traceback and report it") from None
        return event

    def decorate(cls: type) -> type:
        for name, value in list(vars(cls).items()):
            if isinstance(value, CombinedEvent):
                setattr(cls, name, CombinedEvent(*map(guarded, value.methods)))
            elif name.startswith("on_") and callable(value):
                setattr(cls, name, guarded(value))
        return cls
    return decorate


def _page_source(page: Any, config: Any) -> str | None:
    """The page's file as the user names it (`docs/it/metrics/nps.md`), or None outside a page."""
    file = getattr(page, "file", None)
    if file is None:
        return None
    try:
        return Path(file.abs_src_path).relative_to(Path(config.config_file_path).parent).as_posix()
    except (AttributeError, TypeError, ValueError):
        return file.src_uri


@reporting_errors("kbsync")
class KbsyncPlugin(BasePlugin[KbsyncPluginConfig]):
    """Glossary, tooltips, status banners and pages, review notices, per-language 404 pages, theme fixes."""

    def __init__(self):
        super().__init__()
        # Kept across the i18n plugin's per-language builds, which call on_config again.
        self._not_found: dict[str, str] = {}
        self._state: SiteState | None = None
        self._abbreviation_text: dict[str, str] = {}
        self._language_homes: list[dict] | None = None
        self._site_config: SiteConfig | None = None
        self._preview = False

    # Before the i18n plugin (priority -100) derives the language switcher's links from site_url.
    @event_priority(100)
    def _use_canonical_address(self, config):
        if self._site_config is None:
            try:
                self._site_config = load_site_config(Path(config.config_file_path))
            except KbsyncError as error:
                raise PluginError(f"kbsync: {error}") from None
        # `mkdocs serve` and the preview set site_url to the address they serve at: that stays, so that
        # serving works as MkDocs means it; printed pages still name the canonical address (kb_print).
        self._preview = _served(config)
        if self._site_config.canonical_url and not self._preview:
            config.site_url = self._site_config.canonical_url
        return config

    # After the i18n plugin (priority -100) has set the language being built.
    @event_priority(-200)
    def _read_state(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("kbsync: the i18n plugin (mkdocs-static-i18n) must be listed before kbsync in mkdocs.yml")
        if self._state is None:
            try:
                self._state = read_site_state(self._site_config)
            except KbsyncError as error:
                raise PluginError(f"kbsync: {error}") from None
            source = self._state.source
            if taken := reserved_folder_users(page for lang, page in self._state.run.outlines if lang == source):
                raise PluginError(f"kbsync: {self._site_config.docs_prefix}/{source}/{taken[0]}: the site's folder "
                                  "go/ holds the links for every language; move the page elsewhere")
        # Heading permalinks get their tooltip in the language being built.
        toc = config.mdx_configs.setdefault("toc", {})
        if toc.get("permalink"):
            toc["permalink_title"] = profile(config.theme["language"]).ui["permalink_title"]
        # The i18n plugin's language switcher as it is before any page adapts it: each language's home.
        self._language_homes = getattr(i18n, "extra_alternate", None)
        return config

    on_config = CombinedEvent(_use_canonical_address, _read_state)

    def on_page_markdown(self, markdown, page, config, files):
        state, view = self._state, self._view(page, config)
        options = state.config.kbsync
        if view.page == options.glossary_page:
            markdown = glossary.render_glossary(markdown, state.concepts, list(state.languages.names.items()),
                                                view.lang)
        elif view.page == options.status_page:
            markdown = fill_sections(markdown, status_sections(state, view))
        elif view.page == options.changes_page:
            generated = {options.glossary_page: {concept["id"] for concept in state.concepts}}
            markdown = fill_sections(markdown, {"recent-changes": changes_section(state, view, generated)})
        return markdown + self._abbreviations(view.lang)

    def _abbreviations(self, locale: str) -> str:
        if locale not in self._abbreviation_text:
            self._abbreviation_text[locale] = "\n\n" + glossary.abbreviations(self._state.concepts, locale) + "\n"
        return self._abbreviation_text[locale]

    # Before any other plugin adds to the content: only the translated text is in the source language.
    @event_priority(100)
    def _mark_fallback_language(self, html, page, config, files):
        view = self._view(page, config)
        if not view.fallback:
            return html
        return f'<div lang="{self._state.source}">\n{html}\n</div>'

    def _mark_sections(self, html, page, config, files):
        view = self._view(page, config)
        html = banners.alias_anchors(html, self._state, view)
        html = banners.mark_local_sections(html, self._state, view)
        return banners.mark_outdated_sections(html, self._state, view)

    def _link_all_languages(self, html, page, config, files):
        view, state = self._view(page, config), self._state
        outline = state.run.outlines.get((state.source, view.page))
        sections = [section_id for section_id, _ in outline.sections] if outline else []
        if view.page == state.config.kbsync.glossary_page:  # its entries' IDs are the termbase's, in every language
            sections += [concept["id"] for concept in state.concepts]
        return add_go_links(html, page=view.page, page_url=view.url, sections=sections,
                            title=view.ui["go_link_title"])

    on_page_content = CombinedEvent(_mark_fallback_language, _mark_sections, _link_all_languages)

    def on_template_context(self, context, template_name, config):
        # The i18n plugin leaves the last page's language links in place for the 404 page;
        # a page that does not exist has no translation, so its switcher leads to each language's home.
        # Set as an attribute, as the i18n plugin does (on MkDocs' config, attribute and key differ).
        if template_name == _NOT_FOUND and self._language_homes:
            config.extra.alternate = copy.deepcopy(self._language_homes)
        return self._add_ui(context, config)

    def on_page_context(self, context, page, config, nav):
        context = self._add_ui(context, config)
        state, view = self._state, self._view(page, config)
        context["kb_banners"] = banners.page_banners(state, view)
        file_locale = state.source if view.fallback else view.lang
        changed = state.last_changed.get(f"{state.config.docs_prefix}/{file_locale}/{view.page}")
        context["kb_page_meta"] = page_meta(page.meta, view.profile, changed)
        canonical = state.config.canonical_url
        context["kb_print"] = print_meta(canonical + view.url if canonical else None, view.profile, changed,
                                         self._preview)
        context["kb_pdf"] = (pdf_links(state.languages, view.lang, view.page, view.url)  # written by `make pdf`
                             if state.config.pdf_handouts else None)
        return context

    def on_post_page(self, output, page, config):
        return self._correct(output, page.file.src_uri, config)

    def on_post_template(self, output_content, template_name, config):
        # The i18n plugin renders every language's 404 page to the same site_dir/404.html;
        # keep each one and write it under its own language folder.
        if template_name == _NOT_FOUND:
            output_content = self._correct(output_content, _NOT_FOUND, config)
            locale = config.theme["language"]
            self._not_found[locale] = output_content
            if locale != self._state.source:
                write_file(output_content.encode("utf-8"), str(Path(config.site_dir) / locale / _NOT_FOUND))
        return output_content

    def on_post_build(self, config):
        # Every language's build overwrites site_dir/404.html; put the default language's back.
        source = self._state.source
        if source in self._not_found:
            write_file(self._not_found[source].encode("utf-8"), str(Path(config.site_dir) / _NOT_FOUND))
        locale = config.theme["language"]
        if locale == source:  # one set for the whole site, at its root
            self._write_go_pages(config)
        for path, html in redirect_pages(self._state.config.kbsync.redirects, self._state.languages, locale,
                                         profile(locale).ui).items():
            write_file(html.encode("utf-8"), str(Path(config.site_dir) / path))

    def _write_go_pages(self, config) -> None:
        state = self._state
        pages = [page for lang, page in state.run.outlines if lang == state.source]
        titles = {key: outline.title for key, outline in state.run.outlines.items()}
        # A moved page's old path keeps its go/ link: it leads to the redirect page of each language.
        pages += [old for old in state.config.kbsync.redirects if old not in pages]
        for path, html in go_pages(pages, state.languages, titles).items():
            write_file(html.encode("utf-8"), str(Path(config.site_dir) / path))

    def _view(self, page, config) -> PageView:
        locale = config.theme["language"]
        return PageView(lang=locale, page=_page_path(page), url=page.url,
                        fallback=getattr(page.file, "locale", locale) != locale, profile=profile(locale))

    def _add_ui(self, context, config):
        locale = config.theme["language"]
        context["kb_ui"] = profile(locale).ui
        context["kb_label_colon"] = profile(locale).label_colon
        context["kb_home_url"] = self._state.config.language(locale).link
        context["kb_source_lang"] = self._state.source
        return context

    def _correct(self, html: str, source: str, config) -> str:
        try:
            return correct_page(html, language_root=self._state.config.language(config.theme["language"]).site_root)
        except ThemeMarkupError as error:
            raise PluginError(f"kbsync: {source}: {error}") from None


def _served(config) -> bool:
    """Whether MkDocs is serving the site (`mkdocs serve`, `make serve`): site_url is then the server's address."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def _page_path(page) -> str:
    """The page's path inside its language folder (`guidelines/service-quality.md`)."""
    return page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else page.file.src_uri
