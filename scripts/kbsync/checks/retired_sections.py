"""Retired sections lead to the content that replaced them.

`retired_sections: {old-id: replacement}` in a source page's front matter says that section
`old-id` is gone for good and where its content is now: `page.md` or `page.md#section` (a page
path inside the language folder, like the redirects in mkdocs.yml), or `#section` on the same
page. The site keeps `#old-id` as an anchor with a note linking there (kbsync.site.banners), and
KB902 accepts the published ID. A run check: the replacement may be on another page.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import RETIRED_KEY, Finding
from kbsync.pairing import display_path

CODES = (
    Code("KB903", Severity.ERROR, "retired-replacement-page-missing",
         "a retired section's replacement page does not exist"),
    Code("KB904", Severity.ERROR, "retired-replacement-section-missing",
         "a retired section's replacement names a section ID its page does not have"),
)


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    source = config.source_lang
    for (lang, page), outline in context.outlines.items():
        if lang != source:
            continue  # on a translation, checks/section_aliases.py reports the key itself
        path = display_path(config, lang, page)
        for former in outline.retired:
            target_page, _, section = former.target.partition("#")
            target_page = target_page or page
            entry = f"`{RETIRED_KEY}: {{{former.id}: {former.target}}}`"
            if not context.inventory.exists(source, target_page):
                yield Finding(path=path, line=former.line, code="KB903", lang=lang, message=(
                    f"{entry}: {display_path(config, source, target_page)} does not exist: name the page "
                    f"that holds the content now (a path inside {config.docs_prefix}/{source}/)"))
                continue
            target = context.outlines.get((source, target_page))
            if section and target is not None and section not in context.anchors(target):
                yield Finding(path=path, line=former.line, code="KB904", lang=lang, message=(
                    f"{entry}: {display_path(config, source, target_page)} has no section `{section}`: "
                    "name one of its section IDs, or the page alone"))
