"""`kbsync publish`: add every current source page and section ID to the published record.

Run it when new pages or sections go live. It never removes an entry: a published link must
keep working, through a redirect or a section alias, and `kbsync check` enforces that.
"""

from __future__ import annotations

import argparse
import sys

from kbsync.checks.runner import run_checks
from kbsync.commands.session import Session
from kbsync.reading.published import load_published
from kbsync.writing.published import merged, published_write
from kbsync.writing.transaction import write_files


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: the record always covers the whole source language


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    path = config.published_path
    shown = f"{config.docs_prefix}/{path.relative_to(config.docs_dir).as_posix()}"  # a link unresolved
    recorded = load_published(path, shown)
    outlines = run_checks(config, session.cache).outlines
    current = {outline.page: tuple(section for section, _ in outline.sections)
               for (lang, _), outline in outlines.items() if lang == config.source_lang}
    record = merged(recorded, current)
    added = sum(len(ids) for ids in record.values()) + len(record) \
        - sum(len(ids) for ids in recorded.values()) - len(recorded)
    if record != recorded:
        write_files([published_write(path, shown, record)], config.docs_dir, config.docs_prefix)
    sys.stdout.write(f"{shown}: {len(record)} pages, {sum(len(ids) for ids in record.values())} sections "
                     f"published ({added} new entries)\n")
    return 0
