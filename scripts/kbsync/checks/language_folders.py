"""Language folders in docs/ that mkdocs.yml does not list, and listed languages without one.

A tree check: it looks at the docs tree as a whole, not at a pair of pages.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding

CODES = (
    Code("KB111", Severity.WARNING, "unknown-language-folder",
         "a folder in docs/ looks like a language mkdocs.yml does not list"),
    Code("KB112", Severity.WARNING, "missing-language-folder",
         "a language of mkdocs.yml has no folder in docs/"),
)


def check_tree(context: CheckContext) -> Iterator[Finding]:
    config = context.config
    docs = config.relative(config.docs_dir)
    for lang in context.inventory.unknown_folders:
        yield Finding(path=f"{docs}/{lang}", line=0, code="KB111", lang=lang,
                      message=f"`{lang}` is not a language of mkdocs.yml "
                      f"({', '.join(config.locales)}): add it to plugins.i18n.languages or "
                      "move the folder")
    for lang in context.inventory.missing_folders:
        if lang in config.translation_langs:
            yield Finding(path=f"{docs}/{lang}", line=0, code="KB112", lang=lang,
                          message=f"mkdocs.yml lists `{lang}` but {docs}/{lang}/ does not exist; "
                          f"the site shows every page in {config.language_name(config.source_lang)}")
