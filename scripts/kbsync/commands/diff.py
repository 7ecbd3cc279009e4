"""`kbsync diff LANG PAGE`: what changed in each outdated section since it was translated."""

from __future__ import annotations

import argparse
import difflib
import sys

from kbsync.commands.recording import PageSet, require_current_scheme
from kbsync.commands.session import Session
from kbsync.errors import InputError, UsageError
from kbsync.history.git import HistoryUnavailable, is_shallow, section_versions
from kbsync.pairing import display_path, page_path, require_language, resolve_page
from kbsync.status import SectionState, page_status


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language of the translation")
    parser.add_argument("page", metavar="PAGE", help="a page: docs/<lang>/x.md, docs/de/x.md or x.md")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_language(config, args.lang)
    if lang == config.source_lang:
        raise UsageError(f"`{lang}` is the source language", hint="give the translation's language")
    page = resolve_page(config, args.page)
    page_set = PageSet(session, [page])
    source = page_set.source(page)
    translation = page_set.translation(lang, page)
    if translation is None:
        raise InputError(f"{display_path(config, lang, page)} does not exist",
                         hint="there is nothing to compare yet")
    require_current_scheme(translation, "diff")
    status = page_status(lang, page, source, translation, source.path, translation.path)
    changed = [item for item in status.sections
               if item.state in (SectionState.OUTDATED, SectionState.NEW_IN_SOURCE)]
    path = page_path(config, config.source_lang, page)
    for item in changed:
        now = source.content.section(item.id)
        assert now is not None
        if item.state is SectionState.NEW_IN_SOURCE:
            sys.stdout.write(f"section `{item.id}`: new in {source.path}:{now.line}, "
                             "not in the translation yet\n")
            continue
        try:
            then = next((version for version in section_versions(config, path, item.id)
                         if version.section and version.section.fingerprint == item.recorded), None)
        except HistoryUnavailable as reason:
            sys.stdout.write(f"section `{item.id}`: outdated; no git history to compare with "
                             f"({reason}); now at {source.path}:{now.line}\n")
            continue
        if then is None or then.section is None:
            shallow = " (shallow clone: git fetch --unshallow)" if is_shallow(config) else ""
            sys.stdout.write(f"section `{item.id}`: outdated; the synced text (fingerprint "
                             f"{item.recorded}) is not in the git history of {source.path}{shallow}; "
                             f"now at {source.path}:{now.line}\n")
            continue
        sys.stdout.writelines(difflib.unified_diff(
            _lines(then.section.raw), _lines(now.raw),
            fromfile=f"{source.path}@{then.commit[:12]} (section {item.id}, as translated)",
            tofile=f"{source.path} (section {item.id}, now)", n=3))
    if not changed:
        sys.stdout.write(f"{translation.path}: no outdated sections\n")
    return 1 if changed else 0


def _lines(text: str) -> list[str]:
    return [line + "\n" for line in text.split("\n")]
