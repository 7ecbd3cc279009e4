"""The status of each translated section (kbsync.status) as findings of the `outdated` level.

A page whose `l10n` was recorded with another fingerprint scheme is one finding (KB808, KB809),
not one per section: its sections cannot be compared until `kbsync migrate` rewrites it.
"""

from __future__ import annotations

from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, finding
from kbsync.checks.ordering import out_of_order, section_orders
from kbsync.codes import Code, Severity
from kbsync.model import Finding
from kbsync.reading.analysis import PROVENANCE_KEY
from kbsync.reading.fingerprints import SCHEME
from kbsync.status import PageState, PageStatus, SectionState

CODES = (
    Code("KB801", Severity.OUTDATED, "outdated", "the source section changed since the recorded fingerprint"),
    Code("KB802", Severity.OUTDATED, "new-in-source", "the source has a section the translation lacks"),
    Code("KB803", Severity.OUTDATED, "removed-in-source", "the translation has a section the source removed"),
    Code("KB804", Severity.OUTDATED, "untracked", "no provenance recorded for the page or section"),
    Code("KB805", Severity.OUTDATED, "missing-page",
         "the translation does not exist; the site shows the source page in its place"),
    Code("KB806", Severity.OUTDATED, "orphan-page", "the translation has no source page"),
    Code("KB807", Severity.OUTDATED, "moved-in-source",
         "the source moved a section since the translation was synced"),
    Code("KB808", Severity.OUTDATED, "old-fingerprint-scheme",
         "the provenance was recorded with an older fingerprint scheme; `kbsync migrate` rewrites it"),
    Code("KB809", Severity.WARNING, "newer-fingerprint-scheme",
         "the provenance was recorded with a newer fingerprint scheme than this kbsync knows; upgrade kbsync"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    status = context.status(pair)
    if status is None or pair.lang in context.inventory.missing_folders:
        return  # the source language, or a language folder that is missing as a whole (KB112)
    sync = f"`kbsync sync {pair.lang} {pair.page}`"
    source_name = context.config.language_name(context.config.source_lang)
    if status.state is PageState.MISSING:
        yield finding(pair, 0, "KB805", f"no translation of {status.source_path}; the site shows "
                      f"the {source_name} page: translate it, then run {sync}")
        return
    if status.state is PageState.ORPHAN:
        yield finding(pair, 1, "KB806", f"{status.source_path} does not exist: delete or move "
                      "this page to match the source")
        return
    if status.other_schemes:
        yield from _other_schemes(pair, status)
    elif status.state is PageState.UNTRACKED:
        yield finding(pair, 1, "KB804", "no provenance (`l10n` key): when the page matches the "
                      f"source, run {sync}")
    for item in status.sections:
        line = item.line or 1
        if item.state is SectionState.OUTDATED:
            yield finding(pair, line, "KB801", f"section `{item.id}` changed in "
                          f"{status.source_path}:{item.source_line} since it was translated: "
                          f"`kbsync diff {pair.lang} {pair.page}` shows how; update it, then "
                          f"run {sync}", item.id)
        elif item.state is SectionState.NEW_IN_SOURCE:
            yield finding(pair, _insertion_line(status, item.id), "KB802",
                          f"section `{item.id}` is new in {status.source_path}:{item.source_line}: "
                          f"translate it, then run {sync}", item.id)
        elif item.state is SectionState.REMOVED_IN_SOURCE and item.recorded is not None:
            yield finding(pair, line, "KB803", f"section `{item.id}` was removed from "
                          f"{status.source_path}: remove it here too, then run {sync}", item.id)
        elif item.state is SectionState.UNTRACKED and status.state is not PageState.UNTRACKED:
            yield finding(pair, line, "KB804", f"section `{item.id}` has no recorded fingerprint: "
                          f"when it matches the source, run {sync} --section {item.id}", item.id)
    yield from _moved(pair, status)


def _other_schemes(pair: Pair, status: PageStatus) -> Iterator[Finding]:
    """One finding per page whose `l10n` holds fingerprints of another scheme."""
    translation = pair.translation
    line = translation.content.key_lines.get(PROVENANCE_KEY, 1) if translation else 1
    older = [scheme for scheme in status.other_schemes if scheme < SCHEME]
    newer = [scheme for scheme in status.other_schemes if scheme > SCHEME]
    if older:
        yield finding(pair, line, "KB808", f"`{PROVENANCE_KEY}` was recorded with fingerprint scheme "
                      f"{', '.join(map(str, older))}; kbsync now uses scheme {SCHEME}, so its sections "
                      "cannot be compared with the source: run `kbsync migrate` (sections up to date "
                      "stay up to date, outdated ones stay outdated)")
    if newer:
        yield finding(pair, line, "KB809", f"`{PROVENANCE_KEY}` was recorded with fingerprint scheme "
                      f"{', '.join(map(str, newer))}, newer than this kbsync knows (scheme {SCHEME}): "
                      "upgrade kbsync (`make install`) to compare its sections with the source")


def _insertion_line(status: PageStatus, section_id: str) -> int:
    """The line of the last translated section before where the new one belongs."""
    line = 1
    for item in status.sections:
        if item.id == section_id:
            break
        if item.line:
            line = item.line
    return line


def _moved(pair: Pair, status: PageStatus) -> Iterator[Finding]:
    """Sections the source moved since the sync, while the translation keeps the synced order."""
    order = section_orders(pair)
    if order is None or order.recorded is None or not order.moved_in_source:
        return
    for section_id in out_of_order(order.source, order.translation):
        item = status.section(section_id)
        yield finding(pair, (item.line if item else None) or 1, "KB807",
                      f"section `{section_id}` moved in {status.source_path}: move it here too, "
                      f"then run `kbsync sync {pair.lang} {pair.page}`", section_id)
