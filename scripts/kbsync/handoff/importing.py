"""Take a translated XLIFF or PO file back into the translation pages, section by section.

Each section is rebuilt from the current source section's skeleton with the file's targets and
replaces exactly that section's lines; a missing page is made whole from the source page. What
is refused, with the unit ID, page, line and problem:

* the whole file: not XLIFF or PO, broken XML or PO (file and line), no or another language;
* a unit: an ID the export did not write, an empty or unconfirmed (fuzzy, `needs-...`)
  target, an inline code or placeholder removed, added or misplaced, a figure changed;
* its section, with it: a section needs all its units; a section whose source changed since
  the export (a stale export) is refused as a whole, naming it;
* a rebuilt section that the sign-off gate (kbsync.signoff.gate: structure, links, figures,
  terms, untranslated text) would report;
* a missing page unless every section and front matter value of it is imported.

The sections that pass are written, with their provenance (the current source fingerprint and
a `translated` record, kbsync.commands.recording.rerecord), all pages or none. A section whose
text and record would not change is left alone, so importing the same file twice changes
nothing the second time. Pure planning: the command writes.
"""

from __future__ import annotations

import dataclasses
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kbsync.commands.recording import PageSet, require_current_scheme, require_kept, rerecord
from kbsync.commands.session import Session
from kbsync.errors import InputError
from kbsync.handoff.formats import READERS
from kbsync.handoff.inline import Alone, Close, Code, Open, Token, merge_text, plain, render, renumber, tokenize
from kbsync.handoff.memory import translatable, whole_segment
from kbsync.handoff.rebuild import PageText, section_text, translated_front_matter
from kbsync.handoff.segments import segment_section, sentences
from kbsync.handoff.units import FRONT_KEYS, FRONT_SECTION, FileUnit, ImportFile, UnitId, unit_id, value_fingerprint
from kbsync.model import Page, Record, Section
from kbsync.pairing import display_path, page_path
from kbsync.reading.docs_tree import scan
from kbsync.reading.figures import extract_figures
from kbsync.writing.provenance import set_provenance
from kbsync.writing.transaction import FileWrite

MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Refusal:
    """What was not imported and why: `where` is `file:line` (the import file's, or the page's
    for what the checks found in a rebuilt section)."""

    where: str
    unit: str | None
    page: str
    section: str
    problem: str

    def __str__(self) -> str:
        what = self.unit or f"section `{self.section}`"
        return f"{self.where}: {what} ({self.page}, section {self.section}): {self.problem}"


@dataclass
class PageResult:
    path: str
    created: bool
    imported: list[str] = field(default_factory=list)  # sections whose text or record changed
    unchanged: list[str] = field(default_factory=list)  # imported as they already were
    write: FileWrite | None = None


@dataclass
class ImportPlan:
    lang: str
    pages: list[PageResult]
    refusals: list[Refusal]
    page_set: PageSet | None = None  # what the pages were read with (it writes them)

    @property
    def writes(self) -> list[FileWrite]:
        return [result.write for result in self.pages if result.write is not None]


def read_import_file(path: Path) -> ImportFile:
    """The units of an import file, XLIFF or PO (told by content, then by extension)."""
    shown = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block or never end
            raise InputError("is not a regular file", path=shown,
                             hint="give the file kbsync export wrote, translated; nothing was imported")
        size = status.st_size
        if size > MAX_IMPORT_BYTES:
            raise InputError(f"the file is {size / 1024 / 1024:.0f} MiB; kbsync imports files up to "
                             f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB", path=shown, hint="export fewer pages at a time")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=shown) from error
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        kind = "xliff"
    elif path.suffix.lower() in (".po", ".pot") or b"msgid" in data[:4096]:
        kind = "po"
    elif path.suffix.lower() in (".xlf", ".xliff"):
        kind = "xliff"
    else:
        raise InputError("neither XLIFF nor PO", path=shown,
                         hint="give the file kbsync export wrote (.xlf or .po), translated")
    if kind not in READERS:
        raise InputError(f"kbsync reads no {kind} files", path=shown)
    return READERS[kind](data, shown)


def file_language(file: ImportFile, session: Session) -> str:
    config = session.config
    if len(file.langs) != 1:
        named = f"names the languages {', '.join(file.langs)}" if file.langs else "names no target language"
        raise InputError(f"the file {named}", path=file.path,
                         hint="a file holds one language, as kbsync export wrote it")
    lang = file.langs[0]
    if lang not in config.translation_langs:
        raise InputError(f"the file's target language `{lang}` is not a translation of this site",
                         path=file.path, hint=f"mkdocs.yml translates into {', '.join(config.translation_langs)}")
    return lang


def plan_import(session: Session, file: ImportFile, record: Record | None) -> ImportPlan:
    config = session.config
    lang = file_language(file, session)
    refusals: list[Refusal] = []
    by_page: dict[str, dict[str, list[tuple[UnitId, FileUnit]]]] = {}
    known_pages = scan(config).pages.get(config.source_lang, frozenset())
    seen = Counter(unit.id for unit in file.units)
    for unit in file.units:
        parsed = UnitId.parse(unit.id)
        where = f"{file.path}:{unit.line}"
        if parsed is None:
            refusals.append(Refusal(where, unit.id or "(a unit without ID)", "-", "-",
                                    "unknown unit ID: kbsync export wrote no such ID (it must stay as exported)"))
            continue
        shown = display_path(config, lang, parsed.page)
        if parsed.page not in known_pages:
            refusals.append(Refusal(where, unit.id, shown, parsed.section,
                                    f"the source has no page {parsed.page}"))
            continue
        if seen[unit.id] > 1:
            refusals.append(Refusal(where, unit.id, shown, parsed.section, "the unit ID appears twice in the file"))
            continue
        by_page.setdefault(parsed.page, {}).setdefault(parsed.section, []).append((parsed, unit))
    page_set = PageSet(session, sorted(by_page))
    results = []
    for page, sections in by_page.items():
        result = _plan_page(session, page_set, file, lang, page, sections, record, refusals)
        if result is not None:
            results.append(result)
    refusals.sort(key=lambda item: (item.page, item.section, item.where))
    return ImportPlan(lang, results, refusals, page_set)


@dataclass
class _Section:
    id: str
    targets: dict[tuple[int, int | None], tuple[Token, ...]]
    first: str  # the ID of its first unit, to name the section in a report


def _plan_page(session: Session, page_set: PageSet, file: ImportFile, lang: str, page: str,
               sections: dict[str, list[tuple[UnitId, FileUnit]]], record: Record | None,
               refusals: list[Refusal]) -> PageResult | None:
    config = session.config
    source = page_set.source(page)
    translation = page_set.translation(lang, page)
    shown = display_path(config, lang, page)
    accepted: dict[str, _Section] = {}
    front_values: dict[str, str] = {}
    for section_id, units in sections.items():
        where = f"{file.path}:{units[0][1].line}"
        if section_id == FRONT_SECTION:
            front_values = _front_values(source, translation, units, file, lang, shown, refusals)
            continue
        section = source.content.section(section_id)
        if section is None:
            refusals.append(Refusal(where, units[0][1].id, shown, section_id,
                                    f"stale export: the source has no section `{section_id}` any more; export again"))
            continue
        stale = [unit for _, unit in units if unit.fingerprint != section.fingerprint]
        if stale:
            then = stale[0].fingerprint or "none (the file lost kbsync's fingerprint)"
            refusals.append(Refusal(f"{file.path}:{stale[0].line}", stale[0].id, shown, section_id,
                                    f"stale export: the source of section `{section_id}` changed since the "
                                    f"export (fingerprint {then} then, {section.fingerprint} now); export again"))
            continue
        targets = _section_targets(section, units, file, config.source_lang, lang, shown, refusals)
        if targets is not None:
            accepted[section_id] = _Section(section_id, targets, units[0][1].id)
    missing = translation is None
    if missing:
        expected = [section.id for section in source.content.sections]
        absent = [section_id for section_id in expected if section_id not in accepted]
        keys = [key for key in FRONT_KEYS if isinstance(source.content.front_matter.get(key), str)
                and source.content.front_matter.get(key).strip()]
        if absent or set(keys) - set(front_values):
            lacking = ", ".join([*absent, *(f"front:{key}" for key in keys if key not in front_values)])
            for item in accepted.values():
                refusals.append(Refusal(f"{file.path}", item.first, shown, item.id,
                                        f"not imported: {shown} does not exist and is created only whole; "
                                        f"it lacks {lacking}"))
            return None
    while accepted:
        data, changed = _edited(page_set, source, translation, lang, accepted, front_values)
        from kbsync.signoff.gate import section_problems

        problems = section_problems(session, page_set, lang, page, data, list(accepted))
        failed = {section_id: found for section_id, found in problems.items() if found}
        if not failed:
            break
        for section_id, found in failed.items():
            rebuilt = _reread(page_set, lang, data, section_id)
            for item in found:
                refusals.append(Refusal(f"{item.path}:{item.line}", _unit_at(page, section_id, rebuilt, item.line),
                                        shown, section_id, f"{item.code} {item.message}"))
            del accepted[section_id]
        if missing:
            for item in accepted.values():
                refusals.append(Refusal(file.path, item.first, shown, item.id,
                                        f"not imported: {shown} does not exist and is created only whole"))
            return None
    if not accepted:
        return None
    return _result(page_set, source, translation, lang, accepted, data, changed, record, shown)


def _front_values(source: Page, translation: Page | None, units: list[tuple[UnitId, FileUnit]],
                  file: ImportFile, lang: str, shown: str, refusals: list[Refusal]) -> dict[str, str]:
    values = {}
    for parsed, unit in units:
        where = f"{file.path}:{unit.line}"
        value = source.content.front_matter.get(parsed.key or "")
        if parsed.key not in FRONT_KEYS or not isinstance(value, str):
            refusals.append(Refusal(where, unit.id, shown, FRONT_SECTION,
                                    "unknown unit ID: the source page's front matter has no such value to translate"))
        elif unit.fingerprint != value_fingerprint(value):
            refusals.append(Refusal(where, unit.id, shown, FRONT_SECTION,
                                    f"stale export: the source's `{parsed.key}` changed since the export; export again"))
        else:
            tokens, problems = _checked(renumber(tokenize(value)), unit, lang, source.lang)
            text = " ".join(render(tokens).split()) if tokens is not None else ""
            if translation is not None and not problems and translation.content.front_matter.get(parsed.key) != text:
                problems = [f"{shown} exists now: its front matter is not replaced by an import"]
            for problem in problems:
                refusals.append(Refusal(where, unit.id, shown, FRONT_SECTION, problem))
            if not problems:
                values[parsed.key] = text  # on an existing page: already so (an import done before)
    return values


def _section_targets(section: Section, units: list[tuple[UnitId, FileUnit]], file: ImportFile,
                     source_lang: str, lang: str, shown: str,
                     refusals: list[Refusal]) -> dict[tuple[int, int | None], tuple[Token, ...]] | None:
    """The checked targets of a section's units by (block, sentence); None when any is refused."""
    layout: dict[tuple[int, int | None], tuple[Token, ...]] = {}
    counts: dict[int, int] = {}
    for block in segment_section(section.raw, section.line).blocks:
        if not translatable(block):
            continue
        split = sentences(block.text, source_lang)
        counts[block.number] = len(split.items)
        layout[block.number, None] = whole_segment(split.items)
        for number, item in enumerate(split.items):
            layout[block.number, number + 1] = renumber(item)
    before = len(refusals)
    targets: dict[tuple[int, int | None], tuple[Token, ...]] = {}
    for parsed, unit in units:
        key = (parsed.block or 0, parsed.sentence)
        where = f"{file.path}:{unit.line}"
        if key not in layout:
            refusals.append(Refusal(where, unit.id, shown, section.id,
                                    "unknown unit ID: the source section has no such unit (the ID must stay as exported)"))
            continue
        tokens, problems = _checked(layout[key], unit, lang, source_lang)
        refusals.extend(Refusal(where, unit.id, shown, section.id, problem) for problem in problems)
        if tokens is not None and not problems:
            targets[key] = tokens
    given = {(parsed.block or 0, parsed.sentence) for parsed, _ in units}
    lacking = []
    for block, count in counts.items():
        whole = (block, None) in given
        parts = [(block, number) for number in range(1, count + 1)]
        if whole and any(part in given for part in parts):
            lacking.append(f"p{block} both whole and by sentence")
        elif not whole and not all(part in given for part in parts):
            lacking += [f"p{block}.s{number}" for block, number in parts if (block, number) not in given] \
                if any(part in given for part in parts) else [f"p{block}"]
    if lacking:
        refusals.append(Refusal(f"{file.path}:{units[0][1].line}", None, shown, section.id,
                                f"the file lacks units of this section: {', '.join(lacking)}; export again"))
    if len(refusals) > before:
        return None
    return targets


def _checked(source: tuple[Token, ...], unit: FileUnit, lang: str,
             source_lang: str) -> tuple[tuple[Token, ...] | None, list[str]]:
    """The unit's target with the source's codes, and what is wrong with it."""
    if unit.problem:
        return None, [unit.problem]
    if unit.target is None or not render_loose(unit.target).strip():
        return None, ["empty target: translate the unit"]
    if not unit.confirmed:
        return None, ["the target is not confirmed (fuzzy or needs review): revise it, then mark it translated"]
    tokens, problems = resolve(unit.target, source)
    if tokens is None:
        return None, problems
    want = Counter(figure.value for figure in extract_figures(plain(source), source_lang, 1))
    have = Counter(figure.value for figure in extract_figures(plain(tokens), lang, 1))
    if want != have:
        lost = ", ".join(sorted((want - have).elements())) or "none"
        added = ", ".join(sorted((have - want).elements())) or "none"
        problems.append(f"changed figure: the source's {lost} not in the target; the target's {added} "
                        "not in the source")
    return tokens, problems


def render_loose(tokens: tuple[Token, ...]) -> str:
    """A target's text with every code counted (for the empty check, before codes are known)."""
    return "".join(token if isinstance(token, str) else "\x00" for token in tokens)


def resolve(target: tuple[Token, ...], source: tuple[Token, ...]) -> tuple[tuple[Token, ...] | None, list[str]]:
    """The target's codes given the source unit's markup by number; problems for a code the
    source has not (added), has not in the target (removed), or has as the other kind."""
    table = {token.id: token.code for token in source if isinstance(token, (Open, Alone))}
    out: list[Token] = []
    problems: list[str] = []
    used: Counter[int] = Counter()
    stack: list[int] = []
    for token in target:
        if isinstance(token, str):
            out.append(token)
            continue
        code = table.get(token.id)
        if code is None:
            problems.append(f"added inline code {token.id}: the source has no code {token.id}")
            continue
        if isinstance(token, Close):
            if not stack or stack[-1] != token.id:
                problems.append(f"inline code {token.id} closes where it does not open: keep its pair around text")
                continue
            stack.pop()
            out.append(Close(token.id, code))
            continue
        if isinstance(token, Alone) and token.code.kind == "po" and code.paired:
            token = Open(token.id, token.code)  # PO writes `{n}` for an opening code and a standalone one
        used[token.id] += 1
        if used[token.id] > 1:
            problems.append(f"inline code {token.id} twice: keep each code once")
            continue
        if isinstance(token, Open) != code.paired:
            shape = "encloses text" if code.paired else "stands alone"
            problems.append(f"inline code {token.id} ({_shown(code)}) {shape} in the source")
            continue
        if isinstance(token, Open):
            stack.append(token.id)
            out.append(Open(token.id, code))
        else:
            out.append(Alone(token.id, code))
    if stack:
        problems.append(f"inline code {stack[-1]} is not closed")
    removed = [number for number in table if not used[number]]
    if removed:
        problems.append("removed inline code" + ("s " if len(removed) > 1 else " ")
                        + ", ".join(f"{number} ({_shown(table[number])})" for number in removed)
                        + ": keep every code of the source")
    return (merge_text(out) if not problems else None), problems


def _shown(code: Code) -> str:
    return f"{code.opening}…{code.closing}" if code.paired else code.opening


def _edited(page_set: PageSet, source: Page, translation: Page | None, lang: str,
            accepted: dict[str, _Section], front_values: dict[str, str]) -> tuple[bytes, list[str]]:
    """The translation's bytes with the accepted sections rebuilt (a missing page: made from the
    source page), and the sections whose text changed."""
    config = page_set.session.config
    base = translation if translation is not None else source
    text = PageText(page_set.data[base.lang, base.page])
    theirs = {section.id: section for section in (translation.content.sections if translation else ())}
    base_sections = {section.id: section for section in base.content.sections}
    order = list(source.content.section_ids)
    edits: list[tuple[int, Section | None, str]] = []  # (line, the section replaced or None: insert, text)
    changed = []
    for section_id, item in accepted.items():
        section = source.content.section(section_id)
        assert section is not None
        mine = theirs.get(section_id)
        new = section_text(section, config.source_lang, lang, mine, item.targets)
        if mine is not None and new == mine.raw:
            continue  # as it is: its lines stay untouched
        changed.append(section_id)
        if translation is None:
            edits.append((base_sections[section_id].line, base_sections[section_id], new))
        elif mine is not None:
            edits.append((mine.line, mine, new))
        else:
            following = next((theirs[later] for later in order[order.index(section_id) + 1:] if later in theirs), None)
            edits.append((following.line if following is not None else len(text.lines) + 1, None, new))
    for line, replaced, new in sorted(edits, key=lambda edit: edit[0], reverse=True):
        if replaced is not None:
            text.replace(replaced.line, replaced.end_line, new)
        else:
            text.insert(line, new)
    data = text.bytes()
    if translation is None:  # the front matter last: the sections' line numbers are the source's
        data = translated_front_matter(data, front_values, source.path)
    return data, changed


def _reread(page_set: PageSet, lang: str, data: bytes, section_id: str) -> Section | None:
    """A section of edited bytes, as the checks read it."""
    from kbsync.reading.docs_tree import analyse_page, start_analyzer

    start_analyzer(page_set.session.config)
    return analyse_page((lang, data)).section(section_id)


def _unit_at(page: str, section_id: str, rebuilt: Section | None, line: int) -> str:
    """The ID of the block of a rebuilt section on `line` (its units are `ID.sN`)."""
    if rebuilt is None:
        return unit_id(page, section_id, 1)
    blocks = [block for block in segment_section(rebuilt.raw, rebuilt.line).blocks if translatable(block)]
    chosen = None
    for block in blocks:
        if block.line <= line:
            chosen = block
    return unit_id(page, section_id, (chosen or blocks[0]).number) if blocks else f"{page}#{section_id}"


def _result(page_set: PageSet, source: Page, translation: Page | None, lang: str, accepted: dict[str, _Section],
            data: bytes, changed: list[str], record: Record | None, shown: str) -> PageResult:
    config = page_set.session.config
    order = list(source.content.section_ids)
    current = {section.id: section.fingerprint for section in source.content.sections}
    if translation is not None:
        require_kept(translation, set(accepted), "fix the `l10n` key (kbsync check names it), then import again")
        require_current_scheme(translation, "import")
        provenance = translation.content.provenance
        recorded = dict(provenance.source_sections) if provenance is not None else {}
    else:
        provenance, recorded = None, {}
    for section_id in accepted:
        recorded[section_id] = current[section_id]
    recorded = dict(sorted(recorded.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))
    new = rerecord(provenance, recorded, translated=record, touched=set(changed))
    # A new translation voids the review of the text it replaces, as a source change does.
    new = dataclasses.replace(new, reviewed={section_id: item for section_id, item in new.reviewed.items()
                                             if section_id not in changed})
    before = provenance.source_sections if provenance is not None else {}
    renewed = [section_id for section_id in accepted if section_id in changed or before.get(section_id) != current[section_id]]
    result = PageResult(shown, translation is None,
                        imported=[section_id for section_id in order if section_id in renewed],
                        unchanged=[section_id for section_id in order if section_id in accepted and section_id not in renewed])
    if translation is None or renewed:
        edited = set_provenance(data, new, shown)
        original = page_set.data[lang, source.page] if translation is not None else None
        if edited != original:
            result.write = FileWrite(page_path(config, lang, source.page), shown, edited, expected=original)
    return result
