"""The sign-off gate: what a translated section would be reported for once it is recorded.

`kbsync check` compares a section's content with the source only while the translation claims
to match it (checks/context.COMPARED_STATES). A section about to be recorded (`sync`, `import`)
is judged by that same claim: the page is analysed as it is (or as an edit would leave it, in
memory, by the same Analyzer), its named sections are claimed up to date, and the content checks
of the registry run on it. What they find in those sections is what recording them would hide
behind a "100 % up to date".

This module runs the registry's checks; it must not decide anything a check decides, and it
writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime
import weakref
from typing import TYPE_CHECKING, Iterable

from kbsync.checks import figures, links, page_reading, structure, terms, untranslated
from kbsync.checks.context import CheckContext, Pair
from kbsync.checks.registry import PAIR_CHECKS
from kbsync.codes import Severity
from kbsync.errors import InputError
from kbsync.model import Finding, Page, PageContent, Provenance
from kbsync.pairing import display_path
from kbsync.reading.docs_tree import analyse_page, start_analyzer
from kbsync.reading.termbase import Termbase, site_termbase
from kbsync.status import page_status

if TYPE_CHECKING:
    from kbsync.commands.recording import PageSet
    from kbsync.commands.session import Session

# The checks that judge a section's content (untranslated text, figures, links, termbase terms,
# structure), in the registry's order; sync_status, front_matter and the others judge the page
# or its provenance, not a section's translation.
GATE_CHECKS = tuple(check for check in PAIR_CHECKS
                    if check in (structure.check, links.check, figures.check, terms.check,
                                 untranslated.check))
if len(GATE_CHECKS) != 5:
    raise AssertionError("a check of the sign-off gate is missing from checks/registry.py")

# One termbase per PageSet: a command asks about many sections of many pages.
_termbases: weakref.WeakKeyDictionary[PageSet, Termbase] = weakref.WeakKeyDictionary()


def section_problems(session: Session, page_set: PageSet, lang: str, page: str, edited: bytes | None = None,
                     sections: Iterable[str] | None = None) -> dict[str, list[Finding]]:
    """The findings the translation of `page` in `lang` would have in each of `sections` if
    those sections were recorded as up to date (their current source fingerprints).

    `edited`: the translation's bytes after a proposed edit (an import), analysed in memory with
    the site's Analyzer; None: the file as `page_set` read it. `sections`: source section IDs;
    None: every source section the translation has (what `kbsync sync LANG PAGE` records).

    The findings are those of the registry's structure, links, figures, terms and untranslated
    checks (KB3xx, KB4xx, KB5xx, KB6xx, KB7xx) that name the section, at every level: a warning
    such as KB701 (a paragraph identical to the German) is exactly what a sign-off must not hide.
    A reading error of the edited bytes (KB1xx, e.g. a heading without ID) is given to the section
    whose lines hold it, or to every named section when it lies outside them (broken front
    matter). Lines are lines of the translation (of `edited`, when given).

    Returns a key for every named section, in the order named (an empty list: nothing to stop
    it), each list in `kbsync check`'s order. Raises InputError when there is no translation
    and no `edited` bytes. Writes nothing.
    """
    config = session.config
    source = page_set.source(page)
    path = display_path(config, lang, page)
    if edited is not None:
        start_analyzer(config)
        translation: Page | None = Page(lang, page, path, analyse_page((lang, edited)))
    else:
        translation = page_set.translation(lang, page)
    if translation is None:
        raise InputError(f"{path} does not exist", hint="translate the page first")
    content = translation.content
    present = set(content.section_ids)
    if sections is None:
        named = [section_id for section_id in source.content.section_ids if section_id in present]
    else:
        named = list(dict.fromkeys(sections))
    problems: dict[str, list[Finding]] = {section_id: [] for section_id in named}
    claimed = _claimed(translation, source, named)
    status = page_status(lang, page, source, claimed, source.path, path)
    context = CheckContext(config, page_set.tree.inventory, _termbase(page_set), {(lang, page): status},
                           datetime.date.today())
    pair = Pair(lang, page, path, False, source, claimed)
    if content.readable:
        for check in GATE_CHECKS:
            for item in check(pair, context):
                if item.section in problems:
                    problems[item.section].append(item)
    if edited is not None or not content.readable:
        _add_reading_errors(problems, pair, context)
    for found in problems.values():
        found.sort(key=Finding.sort_key)
    return problems


def _claimed(translation: Page, source: Page, named: list[str]) -> Page:
    """The translation with a provenance that records `named` at the source's current
    fingerprints, and nothing else (the other sections are untracked: they are not asked about)."""
    current = {section.id: section.fingerprint for section in source.content.sections}
    recorded = {section_id: current[section_id] for section_id in named if section_id in current}
    content: PageContent = dataclasses.replace(translation.content, provenance=Provenance(recorded))
    return dataclasses.replace(translation, content=content)


def _add_reading_errors(problems: dict[str, list[Finding]], pair: Pair, context: CheckContext) -> None:
    """The reading errors of the translation (KB1xx), by the section whose lines hold them; one
    outside every section (the front matter, or a file that cannot be read) goes to each."""
    assert pair.translation is not None
    spans = [(section.line, section.end_line, section.id) for section in pair.translation.content.sections]
    first = spans[0][0] if spans else None
    for item in page_reading.check(pair, context):
        if item.severity is not Severity.ERROR:
            continue
        if first is None or item.line < first:
            owners = list(problems)
        else:
            owners = [section_id for start, end, section_id in spans
                      if start <= item.line <= end and section_id in problems]
        for section_id in owners:
            problems[section_id].append(dataclasses.replace(item, section=section_id))


def _termbase(page_set: PageSet) -> Termbase:
    if page_set not in _termbases:
        _termbases[page_set] = site_termbase(page_set.session.config)
    return _termbases[page_set]
