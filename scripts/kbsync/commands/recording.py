"""What `sync` and `ack` share: load a page in every language, stage a new `l10n` key, write all.

A command prepares the writes of every page first (`provenance_write`) and hands them together
to `write` (kbsync.writing.transaction): it changes every file or none.
"""

from __future__ import annotations

from kbsync.checks.page_reading import code_of
from kbsync.commands.session import Session
from kbsync.reading.analysis import PROVENANCE_KEY
from kbsync.reading.docs_tree import DocsTree, analyse, read_files
from kbsync.reading.fingerprints import SCHEME, scheme_of
from kbsync.errors import InputError, UsageError
from kbsync.history.git import git_user_name
from kbsync.model import Page, Provenance, Record
from kbsync.pairing import display_path, page_path
from kbsync.writing.provenance import provenance_data, set_provenance
from kbsync.writing.transaction import FileWrite, write_files


class PageSet:
    """Some pages in every language, read once; `data` holds the bytes that were analysed."""

    def __init__(self, session: Session, pages: list[str]):
        self.session = session
        files = read_files(session.config, pages)
        self.data = files.data
        self.tree: DocsTree = analyse(session.config, files)

    def source(self, page: str) -> Page:
        config = self.session.config
        source = self.tree.page(config.source_lang, page)
        if source is None:
            raise InputError(f"{display_path(config, config.source_lang, page)} does not exist",
                             hint="give a page that exists in the source language")
        return require_sound(source)

    def translation(self, lang: str, page: str) -> Page | None:
        translation = self.tree.page(lang, page)
        return require_sound(translation) if translation is not None else None

    def provenance_write(self, page: Page, recorded: Provenance | dict[str, str]) -> FileWrite | None:
        """The page with `recorded` as its provenance (a bare map of fingerprints: the current
        records of the sections whose fingerprint stays, see `rerecord`); None when it already
        says exactly that."""
        current = page.content.provenance
        if not isinstance(recorded, Provenance):
            recorded = rerecord(current, recorded)
        if current is not None and not current.malformed \
                and list(current.source_sections.items()) == list(recorded.source_sections.items()) \
                and provenance_data(current) == provenance_data(recorded):
            return None
        data = self.data[page.lang, page.page]
        edited = set_provenance(data, recorded, page.path)
        return FileWrite(page_path(self.session.config, page.lang, page.page), page.path, edited,
                         expected=data)

    def write(self, writes: list[FileWrite]) -> None:
        """Every file of `writes` or none (kbsync.writing.transaction)."""
        config = self.session.config
        write_files(writes, config.docs_dir, config.docs_prefix)


def rerecord(current: Provenance | None, recorded: dict[str, str], *,
             translated: Record | None = None, acknowledged: Record | None = None,
             touched: set[str] | None = None) -> Provenance:
    """The provenance recording `recorded` (every section's fingerprint, in source order).

    A section whose fingerprint changes (or is recorded for the first time) loses its records:
    they were about the old source text. `translated` / `acknowledged` are recorded for the
    sections that changed, and for those in `touched` (the sections a command was told to
    record again). Records of sections no longer recorded go with them.
    """
    before = current.source_sections if current is not None else {}
    changed = {section_id for section_id, value in recorded.items() if before.get(section_id) != value}
    renewed = changed | (touched or set())
    maps: dict[str, dict[str, Record]] = {}
    for name, records in (current.records() if current is not None else {}).items():
        maps[name] = {section_id: record for section_id, record in records.items()
                      if section_id in recorded and section_id not in changed}
    for name, record in (("translated", translated), ("acknowledged", acknowledged)):
        kept = maps.setdefault(name, {})
        if record is not None:
            for section_id in recorded:
                if section_id in renewed:
                    kept[section_id] = record
            order = {section_id: position for position, section_id in enumerate(recorded)}
            maps[name] = dict(sorted(kept.items(), key=lambda item: order[item[0]]))
    return Provenance(dict(recorded), translated=maps.get("translated", {}),
                      reviewed=maps.get("reviewed", {}), acknowledged=maps.get("acknowledged", {}))


def person(name: str | None, flag: str, session: Session) -> str | None:
    """The name given with `flag`, else git's `user.name`, else None: never invented. A name must
    be printable text on one line (it is written into the front matter)."""
    if name is None:
        name = git_user_name(session.config)
    if name is None:
        return None
    name = name.strip()
    if not name or not name.isprintable():
        raise UsageError(f"{flag}: `{name}` is not a name (printable text on one line)",
                         hint=f"give {flag} NAME, or set git's user.name")
    return name


def require_sound(page: Page) -> Page:
    """The page, unless reading it found a problem whose code blocks editing (`Code.blocks_editing`)."""
    for problem in page.content.problems:
        if code_of(problem).blocks_editing:
            raise InputError(problem.message, path=page.path,
                             line=problem.line, hint="fix it first; nothing was changed")
    return page


def require_kept(page: Page, replaced: set[str], fix: str) -> None:
    """Refuse an edit that keeps a page's other entries when some of them cannot be kept: a
    malformed entry (not one of `replaced`) or an `l10n` key kbsync cannot read at all would
    be dropped. `fix` says what to run instead."""
    content = page.content
    provenance = content.provenance
    if provenance is None:
        if PROVENANCE_KEY in content.front_matter:
            raise InputError(f"`{PROVENANCE_KEY}` is not in the form kbsync writes, so its other "
                             "entries cannot be kept", path=page.path,
                             line=content.key_lines.get(PROVENANCE_KEY),
                             hint=f"{fix}; nothing was changed")
        return
    lost = [entry for entry in provenance.malformed if entry.section_id not in replaced]
    if lost:
        named = ", ".join(f"`{entry.section_id}` (line {entry.line})" if entry.section_id
                          else f"an entry without ID (line {entry.line})" for entry in lost)
        raise InputError(f"`{PROVENANCE_KEY}` holds entries that are not in the form kbsync writes: {named}; "
                         "kbsync would have to drop them", path=page.path, line=lost[0].line,
                         hint=f"{fix}; nothing was changed")


def require_current_scheme(page: Page, command: str) -> None:
    """Refuse a translation whose `l10n` values come from another fingerprint scheme (KB808/KB809):
    `command` would compare them with values it cannot compare with."""
    provenance = page.content.provenance
    schemes = sorted({scheme_of(value) for value in provenance.source_sections.values()} - {SCHEME}) \
        if provenance is not None else []
    if schemes:
        newer = schemes[-1] > SCHEME
        raise InputError(f"`{PROVENANCE_KEY}` was recorded with fingerprint scheme {schemes[-1]}; "
                         f"`kbsync {command}` compares scheme {SCHEME}", path=page.path,
                         line=page.content.key_lines.get(PROVENANCE_KEY),
                         hint="upgrade kbsync" if newer else "run `kbsync migrate` first; nothing was changed")
