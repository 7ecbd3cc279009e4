"""`python -m kbsync.pdf` (`make pdf`): the PDF handouts of the site built in site/ (see kbsync.pdf).

    python -m kbsync.pdf [--config-file mkdocs.yml] [--site-dir site] [--quiet]

The one place where the PDF driver turns errors into messages: exit 0 when every PDF is written,
1 when the render failed, 2 for what the user can fix (no built site, a broken mkdocs.yml, a PDF that
cannot be written).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

from kbsync.errors import KbsyncError

EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsync.pdf",
                                     description="Write a PDF handout of every page of the built site, in every "
                                                 "language, and one of the whole knowledge base per language.")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-d", "--site-dir", type=Path, default=None, metavar="DIR",
                        help="the built site, where the PDFs go (default: site_dir of mkdocs.yml)")
    parser.add_argument("-q", "--quiet", action="store_true", help="show only problems")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        written, site_dir = _write(args.config_file, args.site_dir)
    except KbsyncError as error:
        sys.stderr.write(f"kbsync.pdf: error: {error}\n")
        return 2
    except OSError as error:  # a PDF or its folder cannot be written (read-only, full disk, a folder in its place)
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"kbsync.pdf: error: {where}{error.strerror or error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("kbsync.pdf: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        if os.environ.get("KBSYNC_DEBUG"):
            raise
        sys.stderr.write(f"kbsync.pdf: internal error ({type(error).__name__}: {error}); run again with "
                         "KBSYNC_DEBUG=1 for the traceback and report it\n")
        return 1
    for item in written:
        for url in item.refused:
            sys.stderr.write(f"kbsync.pdf: warning: {item.url}: not read (outside the built site): {url}\n")
    if not args.quiet:
        books = [item for item in written if item.book]
        sys.stderr.write(f"kbsync.pdf: {len(written)} PDFs written into {site_dir}: {len(written) - len(books)} "
                         f"pages and {len(books)} whole knowledge bases ({', '.join(item.lang for item in books)}), "
                         f"{sum(item.size for item in written) / 2**20:.1f} MiB, "
                         f"in {time.monotonic() - started:.1f} s\n")
    return 0


def _write(config_file: Path, site_dir: Path | None):
    from kbsync.config import load_site_config
    from kbsync.history.changes import last_changed
    from kbsync.history.git import HistoryUnavailable
    from kbsync.pdf.render import write_handouts
    from kbsync.reading.docs_tree import scan

    config = load_site_config(config_file)
    # A relative --site-dir is taken from mkdocs.yml's folder, as `mkdocs build --site-dir` takes it.
    site = (config.root / site_dir).resolve() if site_dir else config.site_dir
    try:
        changed = last_changed(config)
    except HistoryUnavailable:
        changed = {}  # the handouts then give no date of the last change, as the pages' footers
    written = write_handouts(config, site, scan(config).pages, config.nav, changed,
                             datetime.date.today())
    return written, site


if __name__ == "__main__":
    sys.exit(main())
