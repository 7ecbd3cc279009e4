"""Build the site with one process per language: the files `mkdocs build` writes, on every core.

mkdocs-static-i18n builds the languages one after another in one process: the default language,
then each other one from inside the default language's ``on_post_build``. This driver loads the
configuration once and runs the plugins' ``on_config`` once (the kbsync plugin reads the docs tree,
its checks and git history there, for every language), then forks a process per language. Each
builds its language alone, as the i18n plugin's own loop would, into a staging folder of its own,
so no two processes write one file; the parent then moves the results into the site folder:

- the default language's build is the site's root (its pages, assets, 404 page, search index);
- every other language contributes its folder, ``<locale>/`` (pages, 404 page, search index and
  sitemap, all written by the kbsync plugins);
- the root ``sitemap.xml`` is the i18n plugin's, which lists the pages of every language built
  before it in the same process: each process built one, so the site's is their lists in build
  order, what the sequential build's last language writes.

The i18n plugin's other product of its loop, one search index of all languages at the root, is
overwritten by the kbsync-search plugin with the default language's in the sequential build too;
the driver requires that plugin. It relies on two attributes of mkdocs-static-i18n 1.3
(``current_language``, ``building``) and checks that they are there. Without ``fork`` (Windows)
or without the i18n plugin it runs the plain sequential build.

It must write what ``mkdocs build`` writes, file for file (``tests/build/test_parallel_build.py``).

    python -m kbsync.build.site [--config-file mkdocs.yml] [--site-dir site] [--strict] [--jobs N]
"""

from __future__ import annotations

import argparse
import gzip
import logging
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin

from kbsync.config import load_site_config
from kbsync.errors import KbsyncError
from kbsync.parallel import cores

log = logging.getLogger("mkdocs.kbsync.build.site")

SITEMAP = "sitemap.xml"
_URLSET = re.compile(r"(?s)\A(.*?<urlset\b[^>]*>)(.*?)(\n?</urlset>\s*)\Z")
_I18N_STATE = ("current_language", "building")
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl+C


class ParallelBuildError(Exception):
    """The site could not be built; the message says which language or what to change."""


def build_site(config: MkDocsConfig, jobs: int | None = None) -> int:
    """Build the site of ``config`` into its ``site_dir``; returns how many processes built it."""
    i18n = language_plugin(config)
    context = fork_context()
    if i18n is None or context is None:
        _run_plugins_and_build(config)
        return 1
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        languages = site_languages(config)
        site = Path(config.site_dir)
        site.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{site.name}.languages-", dir=site.parent))
        try:
            workers = _build_languages(config, languages, staging, context, jobs)
            utils.clean_directory(str(site))
            _merge(languages, staging, site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        config.plugins.on_shutdown()
    return workers


def language_plugin(config: MkDocsConfig) -> BasePlugin | None:
    """The i18n plugin, checked to be one a language can be built alone with; None without one."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None
    missing = [name for name in _I18N_STATE if not hasattr(i18n, name)]
    if missing:
        raise ParallelBuildError(f"mkdocs-static-i18n has no {', '.join(missing)} (a new version?): "
                                 "use `mkdocs build` or `mkdocs serve`")
    if "kbsync-search" not in config.plugins:
        raise ParallelBuildError("building languages apart needs the kbsync-search plugin (one search index "
                                 "per language) in mkdocs.yml: use `mkdocs build` or `mkdocs serve`")
    return i18n


def site_languages(config: MkDocsConfig) -> list[str]:
    """The locales to build, the default language first (the order of the sequential build)."""
    try:
        site = load_site_config(Path(config.config_file_path))
    except KbsyncError as error:
        raise ParallelBuildError(str(error)) from None
    return [language.locale for language in site.built_languages]


def build_only(config: MkDocsConfig, locale: str) -> None:
    """Make the next ``build(config)`` build ``locale`` alone, as the i18n plugin's own loop would."""
    i18n = config.plugins["i18n"]
    i18n.current_language = locale
    # The i18n plugin builds the other languages from on_post_build unless a build is running.
    i18n.building = True


def _build_languages(config: MkDocsConfig, languages: list[str], staging: Path,
                     context: multiprocessing.context.BaseContext, jobs: int | None) -> int:
    """Fork a build per language, at most ``jobs`` at a time; raises if any of them failed."""
    workers = max(1, min(jobs or cores(), len(languages)))
    waiting = list(languages)
    running: dict[int, tuple[str, multiprocessing.process.BaseProcess]] = {}
    failed: list[str] = []
    while waiting or running:
        while waiting and len(running) < workers and not failed:
            locale = waiting.pop(0)
            process = context.Process(target=_build_language, name=f"build-{locale}",
                                      args=(config, locale, staging / locale))
            process.start()
            running[process.sentinel] = (locale, process)
        for sentinel in wait(list(running)):
            locale, process = running.pop(sentinel)
            process.join()
            if process.exitcode:
                failed.append(locale)
        if failed and not running:
            break  # the languages not started yet would not make the site whole
    if failed:
        raise ParallelBuildError(f"the build of {', '.join(repr(locale) for locale in failed)} failed "
                                 "(its messages are above)")
    return workers


def _build_language(config: MkDocsConfig, locale: str, site_dir: Path) -> None:
    """In a forked process: build ``locale`` alone into ``site_dir``."""
    # Ctrl+C reaches every process of the terminal: this one just ends, the parent reports it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    config.site_dir = str(site_dir)
    build_only(config, locale)
    try:
        build(config)
    except Exception as error:  # noqa: BLE001 - this process's entry point: a message, never a traceback
        log.error(error_message(error))
        sys.exit(1)


def _run_plugins_and_build(config: MkDocsConfig) -> None:
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _merge(languages: list[str], staging: Path, site: Path) -> None:
    """Move each language's output into ``site`` and write the sitemap of every language."""
    default, others = languages[0], languages[1:]
    sitemaps = [staging / locale / SITEMAP for locale in languages]
    sitemap_texts = [path.read_text("utf-8") for path in sitemaps] if all(map(Path.is_file, sitemaps)) else None
    mtime = _gzip_mtime(staging / default / f"{SITEMAP}.gz")
    _move_into(staging / default, site)
    for locale in others:
        if (staging / locale / locale).is_dir():
            _move_into(staging / locale / locale, site / locale)
    if sitemap_texts:
        _write_sitemap(site / SITEMAP, sitemap_texts, mtime)


def _move_into(source: Path, target: Path) -> None:
    """Move the files of ``source`` into ``target``; a file of ``source`` replaces one of ``target``."""
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        return
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(entry, destination)


def _write_sitemap(path: Path, sitemaps: list[str], mtime: int | None) -> None:
    """One sitemap with the URLs of ``sitemaps`` in order, written as MkDocs writes it (and its .gz)."""
    parts = [_URLSET.match(text) for text in sitemaps]
    if not all(parts):
        raise ParallelBuildError(f"{SITEMAP}: not a sitemap as the i18n plugin writes it (a new version?)")
    head, tail = parts[0].group(1), parts[0].group(3)
    output = head + "".join(part.group(2) for part in parts) + tail
    utils.write_file(output.encode("utf-8"), str(path))
    gz_path = f"{path}.gz"
    with open(gz_path, "wb") as stream, gzip.GzipFile(fileobj=stream, filename=gz_path, mode="wb",
                                                      mtime=mtime) as compressed:
        compressed.write(output.encode("utf-8"))


def _gzip_mtime(path: Path) -> int | None:
    """The time stamp MkDocs wrote into a gzip file's header (bytes 4 to 8, little-endian)."""
    if not path.is_file():
        return None
    with path.open("rb") as stream:
        header = stream.read(8)
    return int.from_bytes(header[4:8], "little")


def fork_context() -> multiprocessing.context.BaseContext | None:
    """Processes that inherit the loaded configuration (None where there is no fork: Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")




def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsync.build.site",
                                     description="Build the site like `mkdocs build`, one process per language.")
    parser.add_argument("-f", "--config-file", type=Path, default=None, metavar="FILE",
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-d", "--site-dir", type=Path, default=None, metavar="DIR",
                        help="where to write the site (default: site_dir of mkdocs.yml)")
    parser.add_argument("-s", "--strict", action="store_true", default=None,
                        help="abort on any warning (mkdocs.yml may also set strict: true)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="languages built at once (default: one per core)")
    parser.add_argument("-q", "--quiet", action="store_true", help="show only errors")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def build_and_report() -> None:
        config = load_config(config_file=str(args.config_file) if args.config_file else None,
                             site_dir=str(args.site_dir) if args.site_dir else None, strict=args.strict)
        workers = build_site(config, jobs=args.jobs)
        log.info(f"Site built in {time.monotonic() - started:.2f} seconds ({workers} "
                 f"{'processes' if workers != 1 else 'process'} at a time)")

    return run_command(build_and_report, logging.ERROR if args.quiet else logging.INFO)


def run_command(action: Callable[[], None], level: int) -> int:
    """Run a command's ``action`` with MkDocs' messages on stderr; its errors become one message and exit 1.

    The one place where the build and the preview turn errors into messages, as `mkdocs` prints them.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(level)
    mkdocs_log.propagate = False
    try:
        action()
        return 0
    except KeyboardInterrupt:
        log.error("Interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        log.error(error_message(error))
        return 1
    finally:
        mkdocs_log.removeHandler(handler)


def error_message(error: Exception) -> str:
    """What the user is told of an error that stopped a build: MkDocs' and the drivers' own messages as
    they are, anything else as an internal error. With `KBSYNC_DEBUG=1` an unexpected error is raised
    again, with its traceback. Call it in an `except` block."""
    if isinstance(error, MkDocsException):
        return error.format_message()
    if isinstance(error, ParallelBuildError):
        return str(error)
    if os.environ.get("KBSYNC_DEBUG"):
        raise error
    return (f"internal error ({type(error).__name__}: {error}); run again with KBSYNC_DEBUG=1 for the "
            "traceback and report it")

if __name__ == "__main__":
    sys.exit(main())
