"""gettext PO for Weblate and Poedit, written and read with translate-toolkit.

One entry per unit: `msgctxt` is the unit ID, `#:` the source file and line, `msgid` the source
text with numbered placeholders for the inline codes (`{1}`…`{/1}` around text, `{2}` for a
standalone code), explained in the extracted comments (`#. {1}…{/1} = [ … ](../metrics/nps.md)`),
which also carry the section's source fingerprint. A pre-filled unit has its translation as
`msgstr`; a changed one is fuzzy, with the previous source as `#| msgid` and the previous
translation as `msgstr`. The header names the target language.
"""

from __future__ import annotations

import re

from translate.storage import pypo
from translate.storage.poparser import PoParseError

from kbsync.errors import InputError
from kbsync.handoff.exporting import Handoff
from kbsync.handoff.inline import Alone, Close, Code, Token, codes, merge_text
from kbsync.handoff.units import FileUnit, ImportFile, Unit, UnitState

FINGERPRINT_NOTE = "kbsync source fingerprint: "
PLACEHOLDER_RE = re.compile(r"\{(/?)([0-9]{1,6})\}")
LINE_RE = re.compile(r" on line ([0-9]+)")


def placeholders(tokens: tuple[Token, ...] | None) -> str:
    """Tokens as PO text: `{n}` opens or stands for code n, `{/n}` closes it."""
    parts = []
    for token in tokens or ():
        if isinstance(token, str):
            parts.append(token)
        elif isinstance(token, Close):
            parts.append(f"{{/{token.id}}}")
        else:
            parts.append(f"{{{token.id}}}")
    return "".join(parts)


def write_po(handoff: Handoff) -> bytes:
    store = pypo.pofile()
    store.init_headers(charset="UTF-8", encoding="8bit", project_id_version="kbsync export",
                       x_generator="kbsync")
    store.settargetlanguage(handoff.lang)
    store.setsourcelanguage(handoff.source_lang)
    for page in handoff.pages:
        for unit in page.units:
            store.addunit(_entry(store, unit, page.source_path))
    return bytes(store)


def _entry(store: pypo.pofile, unit: Unit, source_path: str) -> pypo.pounit:
    entry = store.UnitClass(placeholders(unit.source))
    entry.setcontext(unit.id)
    entry.addlocation(f"{source_path}:{unit.line}")
    notes = [f"{FINGERPRINT_NOTE}{unit.fingerprint}"]
    for number, code in codes(unit.source).items():
        shown = f"{{{number}}}…{{/{number}}} = {code.opening} … {code.closing}" if code.paired \
            else f"{{{number}}} = {code.opening}"
        notes.append(shown.replace("\n", " "))
    if unit.note:
        notes += unit.note.split("\n")
    for note in notes:
        entry.addnote(note, origin="developer")
    if unit.state is UnitState.TRANSLATED and unit.target is not None:
        entry.target = placeholders(unit.target)
    elif unit.state is UnitState.FUZZY and unit.target is not None:
        entry.target = placeholders(unit.target)
        if unit.previous_source is not None:
            entry.prev_source = placeholders(unit.previous_source)
        entry.markfuzzy(True)
    return entry


def read_po(data: bytes, shown: str) -> ImportFile:
    """The units of a PO file; an InputError naming the line of broken PO."""
    try:
        store = pypo.pofile.parsestring(data)
    except (PoParseError, ValueError, UnicodeDecodeError) as error:
        match = LINE_RE.search(str(error))
        raise InputError(f"not a readable PO file: {error}", path=shown,
                         line=int(match.group(1)) if match else 1,
                         hint="nothing was imported; fix the file or export again") from error
    lang = store.gettargetlanguage()
    units = []
    cursor = [0, 1]  # (offset, its line): entries are found in file order, the file is read once
    for entry in store.units:
        if entry.isheader():
            continue
        line = _line_of(data, entry, cursor)
        fingerprint = None
        for note in entry.getnotes("developer").split("\n"):
            if note.startswith(FINGERPRINT_NOTE):
                fingerprint = note[len(FINGERPRINT_NOTE):].strip()
        target = entry.target or ""
        units.append(FileUnit(entry.getcontext(), line, _tokens(target) if target else None, fingerprint,
                              confirmed=not entry.isfuzzy() and not entry.isobsolete()))
    return ImportFile(shown, "po", [lang] if lang else [], tuple(units))


def _line_of(data: bytes, entry: pypo.pounit, cursor: list[int]) -> int:
    """The line of the entry's `msgctxt`, searched from the previous entry's (`cursor`)."""
    context = entry.msgctxt[0] if entry.msgctxt else None
    if not context:
        return cursor[1]
    position = data.find(f"msgctxt {context}".encode("utf-8"), cursor[0])
    if position < 0:
        return cursor[1]
    cursor[1] += data.count(b"\n", cursor[0], position)
    cursor[0] = position
    return cursor[1]


def _tokens(text: str) -> tuple[Token, ...]:
    """PO text as tokens: `{n}` (opening or standalone: the importer decides by the source) and
    `{/n}` (closing)."""
    out: list[Token] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(text):
        out.append(text[position:match.start()])
        number = int(match.group(2))
        out.append(Close(number, Code("po", "")) if match.group(1) else Alone(number, Code("po", "")))
        position = match.end()
    out.append(text[position:])
    return merge_text(out)
