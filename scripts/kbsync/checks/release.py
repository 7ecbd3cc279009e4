"""The release gate (`kbsync check --release`): what, beyond the outdated findings, stands between
the translations and a release: sections nobody has reviewed yet, and whole languages not begun.

A run check, because it reads only the status of the run (kbsync.status, which decides what an
up-to-date section and a valid review are) and is not cached with a page's findings. It reports
nothing unless the run is the release gate: during the work, "translated, awaiting review" is a
status that `kbsync status` counts, not a finding on every commit.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import RunContext
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Record
from kbsync.status import PageStatus, SectionStatus

CODES = (
    Code("KB810", Severity.OUTDATED, "awaiting-review",
         "release gate: the section is up to date but nobody other than its translator has reviewed it "
         "(`kbsync review`)"),
    Code("KB811", Severity.OUTDATED, "reviewed-by-translator",
         "release gate: the section's recorded reviewer is its recorded translator; a review needs a "
         "second person"),
    Code("KB812", Severity.OUTDATED, "language-not-begun",
         "release gate: a language of mkdocs.yml has no folder, so every page is shown in the source "
         "language"),
)


def check_run(context: RunContext) -> Iterator[Finding]:
    if not context.release or context.status is None:
        return
    config = context.config
    docs = config.relative(config.docs_dir)
    source_name = config.language_name(config.source_lang)
    begun = [lang for lang in config.translation_langs if lang not in context.inventory.missing_folders]
    for lang in config.translation_langs:
        if lang not in begun:
            yield Finding(path=f"{docs}/{lang}", line=0, code="KB812", lang=lang,
                          message=f"{config.language_name(lang)} has no folder {docs}/{lang}/, so readers "
                          f"get every page in {source_name}: translate the pages there, then run "
                          f"`kbsync sync {lang} PAGE` and have them reviewed")
    for page in context.status.pages:
        if page.lang in begun:
            for section in page.sections:
                if section.awaiting_review:
                    yield _unreviewed(page, section)


def _unreviewed(page: PageStatus, section: SectionStatus) -> Finding:
    review = f"`kbsync review {page.lang} {page.page} --section {section.id} --reviewer NAME`"
    if section.self_reviewed:
        return Finding(path=page.path, line=section.line or 1, code="KB811", lang=page.lang,
                       section=section.id,
                       message=f"section `{section.id}` was reviewed by its own translator, "
                       f"{_who(section.reviewed)}: a second person reviews it, then runs {review} "
                       "with their name")
    by = f" (translated by {_who(section.translated)})" if section.translated is not None else ""
    return Finding(path=page.path, line=section.line or 1, code="KB810", lang=page.lang, section=section.id,
                   message=f"section `{section.id}` is up to date{by} but not reviewed: a second person "
                   f"reviews it against {page.source_path}:{section.source_line}, then runs {review}")


def _who(record: Record | None) -> str:
    return f"{record.by} on {record.date.isoformat()}" if record is not None else "nobody"
