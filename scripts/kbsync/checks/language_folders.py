"""Language folders in docs/ that mkdocs.yml does not list, listed languages without one, and
files in a language folder that the site would publish as they are.

A tree check: it looks at the docs tree as a whole, not at a pair of pages.
"""

from __future__ import annotations

import os
from typing import Iterator

from kbsync.checks.context import CheckContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding

CODES = (
    Code("KB111", Severity.WARNING, "unknown-language-folder",
         "a folder in docs/ looks like a language mkdocs.yml does not list"),
    Code("KB112", Severity.WARNING, "missing-language-folder",
         "a language of mkdocs.yml has no folder in docs/"),
    Code("KB115", Severity.ERROR, "file-name-not-utf8",
         "a file or folder in a language folder is named in bytes that are not UTF-8"),
    Code("KB116", Severity.ERROR, "page-not-md",
         "a page file in a language folder does not end in `.md` (`.MD`, `.markdown`)"),
    Code("KB117", Severity.ERROR, "language-folder-is-file",
         "a language of mkdocs.yml has a file where its folder should be"),
    Code("KB118", Severity.ERROR, "page-link-broken",
         "a page file is a symbolic link that leads nowhere (its target is missing, or a loop)"),
)

#: Codes whose files the site would publish raw or fail on (kbsync.site.state stops the build on them).
UNPUBLISHABLE = frozenset(("file-name-not-utf8", "page-not-md", "language-folder-is-file",
                           "page-link-broken"))


def check_tree(context: CheckContext) -> Iterator[Finding]:
    config = context.config
    docs = config.relative(config.docs_dir)
    for lang in context.inventory.unknown_folders:
        yield Finding(path=f"{docs}/{lang}", line=0, code="KB111", lang=lang,
                      message=f"`{lang}` is not a language of mkdocs.yml "
                      f"({', '.join(config.locales)}): add it to plugins.i18n.languages or "
                      "move the folder")
    for path in context.inventory.undecodable_names:
        yield Finding(path=f"{docs}/{path}", line=0, code="KB115", lang=path.split("/", 1)[0],
                      message="the name is not UTF-8 (the bytes shown as \\x..): rename it in "
                      "UTF-8, e.g. `git mv` it to a name in plain ASCII")
    for path in context.inventory.misnamed_pages:
        stem = path.rsplit(".", 1)[0]
        yield Finding(path=f"{docs}/{path}", line=0, code="KB116", lang=path.split("/", 1)[0],
                      message=f"pages end in `.md`: rename it to {docs}/{stem}.md (the site would "
                      "publish it as it is, and kbsync does not check it)")
    for path in context.inventory.broken_links:
        yield Finding(path=f"{docs}/{path}", line=0, code="KB118", lang=path.split("/", 1)[0],
                      message=f"a symbolic link to {os.readlink(config.docs_dir / path)}, which does not "
                      "exist or links back to itself: replace the link with the page, or delete it")
    for lang in context.inventory.file_folders:
        yield Finding(path=f"{docs}/{lang}", line=0, code="KB117", lang=lang,
                      message=f"{docs}/{lang} is a file; the pages in {config.language_name(lang)} "
                      f"belong in a folder {docs}/{lang}/: move the file away and create the folder")
    for lang in context.inventory.missing_folders:
        if lang in config.translation_langs and lang not in context.inventory.file_folders:
            yield Finding(path=f"{docs}/{lang}", line=0, code="KB112", lang=lang,
                          message=f"mkdocs.yml lists `{lang}` but {docs}/{lang}/ does not exist; "
                          f"the site shows every page in {config.language_name(config.source_lang)}")
