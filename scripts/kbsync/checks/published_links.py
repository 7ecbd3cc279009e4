"""Published pages and section IDs that disappeared without a redirect, an alias or a retirement.

A run check: it compares the record (`docs/published.yml`) with the source pages' outlines. A
section ID stays published as a heading ID, as an alias of the section that replaced it
(`section_aliases`), or as a retired section whose anchor says where its content went
(`retired_sections`; checks/retired_sections.py validates the replacement).
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding

CODES = (
    Code("KB901", Severity.ERROR, "published-page-gone",
         "a published page no longer exists and has no redirect"),
    Code("KB902", Severity.ERROR, "published-section-gone",
         "a published section ID no longer exists and has no alias and no retirement"),
)


def check_run(context: RunContext) -> Iterator[Finding]:
    config = context.config
    source = config.source_lang
    shown = config.relative(config.published_path)
    for page, section_ids in sorted(context.published.items()):
        outline = context.outlines.get((source, page))
        if outline is None:
            if not config.redirects_from(page):
                yield Finding(path=shown, line=0, code="KB901", lang=source, message=(
                    f"published page `{page}` no longer exists: restore it, or add a redirect in "
                    f"mkdocs.yml (plugins: kbsync: redirects: {{{page}: new/page.md}})"))
            continue
        present = {section for section, _ in outline.sections}
        aliases = dict(outline.aliases)
        retired = {former.id for former in outline.retired}
        for section in section_ids:
            if section in present or aliases.get(section) in present or section in retired:
                continue
            yield Finding(path=f"{config.docs_prefix}/{source}/{page}", line=1, code="KB902", lang=source,
                          section=section, message=(
                              f"published section `{section}` no longer exists: restore the ID, or map it "
                              f"to the section that replaced it in the front matter: "
                              f"`section_aliases: {{{section}: new-id}}`, or retire it for good with where "
                              f"its content went: `retired_sections: {{{section}: page.md#section}}`"))
