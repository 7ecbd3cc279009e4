"""The kbsync MkDocs plugin: wires MkDocs events to kbsync's modules, nothing more.

It must not compute content itself: the glossary table comes from ``site_glossary``,
the interface strings from ``ui_text``. It must be listed after the i18n plugin.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import write_file

from kbsync import site_glossary
from kbsync.termbase import TermbaseError, load_termbase
from kbsync.page_meta import page_meta
from kbsync.ui_text import ui_text

_NOT_FOUND = "404.html"


class KbsyncPluginConfig(Config):
    termbase = config_options.Type(str, default="docs/termbase.yml")


class KbsyncPlugin(BasePlugin[KbsyncPluginConfig]):
    """Glossary table, per-language 404 pages and interface strings for the theme."""

    def __init__(self):
        super().__init__()
        # Kept across the i18n plugin's per-language builds, which call on_config again.
        self._not_found: dict[str, str] = {}

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
        path = Path(config.config_file_path).parent / self.config.termbase
        try:
            self._concepts = load_termbase(path, [locale for locale, _ in self._languages])["concepts"]
        except TermbaseError as error:
            raise PluginError(f"kbsync: {error}") from None
        return config

    def on_page_markdown(self, markdown, page, config, files):
        locale = config.theme["language"]
        markdown = site_glossary.render_glossary(markdown, self._concepts, self._languages, locale)
        return markdown + "\n\n" + site_glossary.abbreviations(self._concepts, locale) + "\n"

    def on_template_context(self, context, template_name, config):
        return self._add_ui(context, config)

    def on_page_context(self, context, page, config, nav):
        context = self._add_ui(context, config)
        context["kb_page_meta"] = page_meta(page.meta, config.theme["language"])
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

    def _add_ui(self, context, config):
        locale = config.theme["language"]
        context["kb_ui"] = ui_text(locale)
        context["kb_home_url"] = self._links[locale]
        return context
