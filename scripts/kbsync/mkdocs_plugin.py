"""The kbsync MkDocs plugin: wires MkDocs events to kbsync's modules, nothing more.

It must not compute anything itself: the glossary table comes from ``site_glossary``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from kbsync import site_glossary
from kbsync.termbase import TermbaseError, load_termbase


class KbsyncPluginConfig(Config):
    termbase = config_options.Type(str, default="docs/termbase.yml")


class KbsyncPlugin(BasePlugin[KbsyncPluginConfig]):
    """Adds the termbase table to the glossary page of every language."""

    def on_config(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("kbsync: the i18n plugin (mkdocs-static-i18n) must be listed before kbsync in mkdocs.yml")
        self._languages = [(lang.locale, lang.name) for lang in i18n.config.languages if lang.build]
        path = Path(config.config_file_path).parent / self.config.termbase
        try:
            self._concepts = load_termbase(path, [locale for locale, _ in self._languages])["concepts"]
        except TermbaseError as error:
            raise PluginError(f"kbsync: {error}") from None
        return config

    def on_page_markdown(self, markdown, page, config, files):
        table = site_glossary.terms_table(self._concepts, self._languages, config.theme["language"])
        return site_glossary.insert_table(markdown, table)
