"""`kbsync sync LANG PAGE... [--section ID]`: after translating, record the source fingerprints."""

from __future__ import annotations

import argparse
import sys

from kbsync.commands.recording import PageSet, require_kept
from kbsync.commands.session import Session
from kbsync.errors import InputError, UsageError
from kbsync.pairing import display_path, require_language, resolve_page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lang", metavar="LANG", help="the language of the translation")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="a page: docs/<lang>/x.md, docs/de/x.md or x.md")
    parser.add_argument("--section", action="append", metavar="ID",
                        help="record only this section (repeatable); default: every section")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    lang = require_language(config, args.lang)
    if lang == config.source_lang:
        raise UsageError(f"`{lang}` is the source language; sync records translations",
                         hint=f"give one of {', '.join(config.translation_langs)}")
    pages = list(dict.fromkeys(resolve_page(config, argument) for argument in args.pages))
    page_set = PageSet(session, pages)
    writes, reports = [], []
    for page in pages:
        source = page_set.source(page)
        translation = page_set.translation(lang, page)
        if translation is None:
            raise InputError(f"{display_path(config, lang, page)} does not exist",
                             hint="translate the page first, then sync it")
        current = {section.id: section.fingerprint for section in source.content.sections}
        present = set(translation.content.section_ids)
        if args.section:
            require_kept(translation, set(args.section),
                         f"run `kbsync sync {lang} {page}` to record every section again, or "
                         "name each of them with `--section`")
            recorded = dict(translation.content.provenance.source_sections
                            if translation.content.provenance else {})
            for section_id in args.section:
                if section_id not in current or section_id not in present:
                    where = source.path if section_id not in current else translation.path
                    raise UsageError(f"section `{section_id}` is not in {where}",
                                     hint=f"sections of the source: {', '.join(current)}")
                recorded[section_id] = current[section_id]
            order = {section_id: position for position, section_id in enumerate(current)}
            recorded = dict(sorted(recorded.items(), key=lambda item: order.get(item[0], len(order))))
        else:
            recorded = {section_id: fingerprint for section_id, fingerprint in current.items()
                        if section_id in present}
        write = page_set.provenance_write(translation, recorded)
        if write is not None:
            writes.append(write)
        count = f"{len(recorded)} section{'s' if len(recorded) != 1 else ''}"
        state = f"recorded {count}" if write is not None else f"already records {count}"
        reports.append(f"{translation.path}: {state}\n")
    page_set.write(writes)  # every page or none
    sys.stdout.write("".join(reports))
    return 0
