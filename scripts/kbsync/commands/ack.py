"""`kbsync ack PAGE --section ID`: a source change that needs no retranslation (a typo fix).

Re-baselines the section in every language whose translation matched the source just before
the change, so no translator is alarmed. "Just before" comes from git: the last committed text
of the section that differs from the current one. A language that was already behind keeps
its outdated status. Without git history every language that recorded the section is
re-baselined, and kbsync says so.
"""

from __future__ import annotations

import argparse
import sys

from kbsync.commands.recording import PageSet, require_current_scheme, require_kept
from kbsync.commands.session import Session
from kbsync.errors import UsageError
from kbsync.history.git import HistoryUnavailable, section_versions
from kbsync.pairing import page_path, resolve_page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="PAGE", help="the source page: docs/de/x.md or x.md")
    parser.add_argument("--section", action="append", required=True, metavar="ID",
                        help="the section whose change needs no retranslation (repeatable)")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    page = resolve_page(config, args.page)
    page_set = PageSet(session, [page])
    source = page_set.source(page)
    translations = [translation for translation in
                    (page_set.translation(lang, page) for lang in config.translation_langs)
                    if translation is not None and translation.content.provenance is not None]
    for translation in translations:
        require_current_scheme(translation, "ack")
    updates: dict[str, dict[str, str]] = {}
    left_behind = 0
    for section_id in args.section:
        section = source.content.section(section_id)
        if section is None:
            raise UsageError(f"section `{section_id}` is not in {source.path}",
                             hint=f"sections: {', '.join(source.content.section_ids)}")
        try:
            before = _previous_fingerprint(session, page, section_id, section.fingerprint)
            reason = f"no earlier text of `{section_id}` in its git history"
        except HistoryUnavailable as error:
            before, reason = None, f"no git history ({error})"
        if before is None:
            sys.stderr.write(f"kbsync: {source.path}: {reason}: re-baselining `{section_id}` in "
                             "every language that recorded it\n")
        for translation in translations:
            recorded = updates.setdefault(translation.lang,
                                          dict(translation.content.provenance.source_sections))
            if recorded.get(section_id, section.fingerprint) == section.fingerprint:
                continue
            if before is not None and recorded[section_id] != before:
                left_behind += 1
                sys.stderr.write(f"{translation.path}: section `{section_id}` was already outdated "
                                 f"before this change; not acknowledged (`kbsync diff "
                                 f"{translation.lang} {page}` shows what it lacks)\n")
                continue
            recorded[section_id] = section.fingerprint
    writes, acknowledged = [], []
    for translation in translations:
        recorded = updates.get(translation.lang)
        if recorded is None or recorded == translation.content.provenance.source_sections:
            continue
        require_kept(translation, set(), f"run `kbsync sync {translation.lang} {page} --section ID` "
                     "for each of them first, then `kbsync ack` again")
        write = page_set.provenance_write(translation, recorded)
        if write is not None:
            writes.append(write)
            acknowledged.append(f"{translation.path}: acknowledged {', '.join(args.section)}\n")
    page_set.write(writes)  # every language or none
    sys.stdout.write("".join(acknowledged))
    return 1 if left_behind else 0


def _previous_fingerprint(session: Session, page: str, section_id: str, current: str) -> str | None:
    """The section's fingerprint in the newest commit where it differs from `current`."""
    path = page_path(session.config, session.config.source_lang, page)
    for version in section_versions(session.config, path, section_id):
        if version.section is not None and version.section.fingerprint != current:
            return version.section.fingerprint
    return None
