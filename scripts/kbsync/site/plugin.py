"""The kbsync MkDocs plugin: wires MkDocs events to kbsync's modules, nothing more.

It must not compute content itself: translation status comes from `kbsync.checking.run_checks`
(the code behind `kbsync check` and `kbsync status`), history from `source_changes`, the glossary
from `site_glossary`, the readers' banners and status tables from `site_status`, strings from
`ui_text`. It must be listed after the i18n plugin.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import write_file

from kbsync.site import glossary as site_glossary
from kbsync.site import status_pages as site_status
from kbsync.cache import Cache
from kbsync.checks.runner import run_checks
from kbsync.errors import KbsyncError
from kbsync.history.git import HistoryUnavailable
from kbsync.site.page_meta import format_day, format_percent, page_meta
from kbsync.config import load_site_config
from kbsync.site.redirects import redirect_pages
from kbsync.site.sections import fill_sections
from kbsync.history.changes import last_changed, source_changes
from kbsync.reading.termbase import TermbaseError, load_termbase
from kbsync.ui_text import ui_text

_NOT_FOUND = "404.html"


class KbsyncPluginConfig(Config):
    termbase = config_options.Type(str, default="docs/termbase.yml")
    glossary_page = config_options.Type(str, default="glossary.md")
    status_page = config_options.Type(str, default="translation-status.md")
    changes_page = config_options.Type(str, default="changes.md")
    redirects = config_options.Type(dict, default={})  # old page path -> new page path, inside each language


class KbsyncPlugin(BasePlugin[KbsyncPluginConfig]):
    """Glossary, tooltips, status banners and pages, review notices, per-language 404 pages."""

    def __init__(self):
        super().__init__()
        # Kept across the i18n plugin's per-language builds, which call on_config again.
        self._not_found: dict[str, str] = {}
        self._run = None
        self._abbreviation_text: dict[str, str] = {}

    # After the i18n plugin (priority -100) has set the language being built.
    @event_priority(-200)
    def on_config(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("kbsync: the i18n plugin (mkdocs-static-i18n) must be listed before kbsync in mkdocs.yml")
        built = [lang for lang in i18n.config.languages if lang.build]
        self._languages = [(lang.locale, lang.name) for lang in built]
        self._links = {lang.locale: lang.link for lang in built}
        self._default = next(lang.locale for lang in built if lang.default)
        for locale, _ in self._languages:
            try:
                ui_text(locale)
            except KeyError as error:
                raise PluginError(f"kbsync: {error.args[0]}") from None
        # Heading permalinks get their tooltip in the language being built.
        toc = config.mdx_configs.setdefault("toc", {})
        if toc.get("permalink"):
            toc["permalink_title"] = ui_text(config.theme["language"])["permalink_title"]
        if self._run is None:
            self._load_site_data(config)
            self._check_redirects()
        return config

    def _check_redirects(self) -> None:
        pages = {page for lang, page in self._run.outlines if lang == self._default}
        for old, new in self.config.redirects.items():
            if new not in pages:
                raise PluginError(f"kbsync: redirects: `{old}: {new}`: docs/{self._default}/{new} does not exist; "
                                  "expected the path of the page that replaced it, like `guidelines/new-page.md`")
            if old in pages:
                raise PluginError(f"kbsync: redirects: `{old}` still exists as a page: remove the redirect "
                                  "or move the page")

    def _load_site_data(self, config) -> None:
        """Everything read from the docs tree and git, once per build for all languages."""
        root = Path(config.config_file_path).parent
        try:
            site_config = load_site_config(Path(config.config_file_path))
            cache = Cache(site_config.cache_dir)
            self._concepts = load_termbase(root / self.config.termbase, [locale for locale, _ in self._languages],
                                           cache)["concepts"]
            self._run = run_checks(site_config, cache)
        except TermbaseError as error:
            raise PluginError(f"kbsync: {error}") from None
        except KbsyncError as error:
            raise PluginError(f"kbsync: {error}") from None
        self._today = datetime.date.today()
        self._site = site_status.SiteLanguages(
            source=self._default,
            prefixes={locale: link.strip("/") + "/" if link.strip("/") else "" for locale, link in self._links.items()},
            names=dict(self._languages))
        self._docs_prefix = site_config.docs_dir.relative_to(site_config.root).as_posix()
        try:
            self._changes, self._history_reason = source_changes(site_config, cache), None
            self._last_changed = last_changed(site_config)
        except HistoryUnavailable as error:
            self._changes, self._history_reason, self._last_changed = None, str(error), {}
        self._change_dates = site_status.change_dates(self._changes)

    def on_page_markdown(self, markdown, page, config, files):
        locale = config.theme["language"]
        path = _page_path(page)
        if path == self.config.glossary_page:
            markdown = site_glossary.render_glossary(markdown, self._concepts, self._languages, locale)
        elif path == self.config.status_page:
            markdown = fill_sections(markdown, site_status.status_sections(
                self._run, self._site, locale, page.url, ui_text(locale), _dates(locale), _percents(locale), self._today))
        elif path == self.config.changes_page:
            generated = {self.config.glossary_page: {concept["id"] for concept in self._concepts}}
            markdown = fill_sections(markdown, {"recent-changes": site_status.changes_section(
                self._changes, self._history_reason, self._run, self._site, locale, page.url, ui_text(locale),
                _dates(locale), generated)})
        return markdown + self._abbreviations(locale)

    def _abbreviations(self, locale: str) -> str:
        if locale not in self._abbreviation_text:
            self._abbreviation_text[locale] = "\n\n" + site_glossary.abbreviations(self._concepts, locale) + "\n"
        return self._abbreviation_text[locale]

    def on_page_content(self, html, page, config, files):
        locale = config.theme["language"]
        path = _page_path(page)
        html = site_status.alias_anchors(html, self._run, self._default, path)
        if _is_fallback(page, locale) or locale == self._default:
            return html
        source_url = site_status.relative_url(self._site.page_url(self._default, path), page.url)
        ui = ui_text(locale)
        for section_id in site_status.outdated_sections(self._run, locale, path):
            mark = site_status.section_mark(f"{source_url}#{section_id}", ui, self._default)
            html = site_status.after_heading(html, section_id, mark)
        return html

    def on_template_context(self, context, template_name, config):
        return self._add_ui(context, config)

    def on_page_context(self, context, page, config, nav):
        context = self._add_ui(context, config)
        locale = config.theme["language"]
        path = _page_path(page)
        fallback = _is_fallback(page, locale)
        context["kb_banners"] = site_status.page_banners(
            self._run, self._site, locale, path, fallback, page.url, ui_text(locale), _dates(locale),
            self._change_dates, self._today)
        file_locale = self._default if fallback else locale
        changed = self._last_changed.get(f"{self._docs_prefix}/{file_locale}/{path}")
        context["kb_page_meta"] = page_meta(page.meta, locale, changed)
        return context

    def on_post_template(self, output_content, template_name, config):
        # The i18n plugin renders every language's 404 page to the same site_dir/404.html;
        # keep each one and write it under its own language folder.
        if template_name == _NOT_FOUND:
            locale = config.theme["language"]
            self._not_found[locale] = output_content
            if locale != self._default:
                write_file(output_content.encode("utf-8"), str(Path(config.site_dir) / locale / _NOT_FOUND))
        return output_content

    def on_post_build(self, config):
        # Every language's build overwrites site_dir/404.html; put the default language's back.
        if self._default in self._not_found:
            write_file(self._not_found[self._default].encode("utf-8"), str(Path(config.site_dir) / _NOT_FOUND))
        locale = config.theme["language"]
        for path, html in redirect_pages(self.config.redirects, self._site, locale, ui_text(locale)).items():
            write_file(html.encode("utf-8"), str(Path(config.site_dir) / path))

    def _add_ui(self, context, config):
        locale = config.theme["language"]
        context["kb_ui"] = ui_text(locale)
        context["kb_home_url"] = self._links[locale]
        context["kb_source_lang"] = self._default
        return context


def _page_path(page) -> str:
    """The page's path inside its language folder (`guidelines/service-quality.md`)."""
    return page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else page.file.src_uri


def _is_fallback(page, locale: str) -> bool:
    """A German page the i18n plugin shows because the page is missing in `locale`."""
    return getattr(page.file, "locale", locale) != locale


def _dates(locale: str):
    return lambda day: format_day(day, locale)


def _percents(locale: str):
    return lambda value: format_percent(value, locale)
