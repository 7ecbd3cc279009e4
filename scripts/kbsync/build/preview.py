"""Preview the site while editing it: `mkdocs serve`, with a process of its own for each language.

`mkdocs serve` builds the whole site again after every save, one language after another; with
hundreds of pages per language the browser waits most of a minute. This server builds every
language in parallel once (as ``kbsync.build.site`` does), then keeps one process per language
alive. After a save it finds the files that changed and has only the languages they concern
re-render only the changed pages (MkDocs' dirty build, run with the state each language kept from
its previous build: navigation, search index and sitemap of that language stay whole), then reloads
the browser. A changed page is re-rendered in its own language and, while a translation is missing,
in the languages that show the source page in its place.

What a dirty build does not redo: other pages that show something about the changed one (a
translation's outdated marks, the translation status page) are as of the last full build; restart
the preview or run ``make build`` to see them. A page added or removed, or a change to mkdocs.yml,
to any file in the docs folder that is not a page (the termbase) or to the theme overrides,
rebuilds every language in full. Warnings are shown and do not stop the preview (MkDocs' dirty
builds warn about themselves, which strict mode would count).

The default language's process builds into the served folder; each other language's builds into
a folder of its own, linked into the served one as ``<locale>/``.

    python -m kbsync.build.preview [--config-file mkdocs.yml] [--dev-addr 127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from kbsync.build.site import (ParallelBuildError, build_only, error_message, fork_context, language_plugin,
                               run_command, site_languages)
from kbsync.parallel import cores

log = logging.getLogger("mkdocs.kbsync.build.preview")

_DIRTY_NOTICE = "A 'dirty' build is being performed"


@dataclass(frozen=True)
class ServeOptions:
    config_file: str | None
    dev_addr: str | None


@dataclass(frozen=True)
class Rebuild:
    """What a save asks for: every language in full, or some languages' changed pages."""

    full: bool
    languages: tuple[str, ...]


Snapshot = dict[Path, tuple[int, int]]  # watched file -> (modification time in ns, size)


def plan_rebuild(before: Snapshot, after: Snapshot, docs_dir: Path, languages: list[str]) -> Rebuild:
    """What the difference between two scans of the watched files asks to rebuild.

    ``languages`` is the site's, the default (source) language first. Only changed pages are
    rebuilt dirty; anything else that changed, or a file added or removed, rebuilds every language.
    """
    changed = {path for path in before.keys() & after.keys() if before[path] != after[path]}
    if before.keys() != after.keys() or not all(_is_page(path, docs_dir, languages) for path in changed):
        return Rebuild(full=True, languages=tuple(languages))
    wanted: set[str] = set()
    for path in changed:
        locale, *page = path.relative_to(docs_dir).parts
        wanted.add(locale)
        if locale == languages[0]:
            # A language without a translation of the page shows the source page in its place.
            wanted.update(other for other in languages if not docs_dir.joinpath(other, *page).is_file())
    return Rebuild(full=False, languages=tuple(locale for locale in languages if locale in wanted))


def _is_page(path: Path, docs_dir: Path, languages: list[str]) -> bool:
    try:
        parts = path.relative_to(docs_dir).parts
    except ValueError:
        return False
    return len(parts) > 1 and parts[0] in languages and path.suffix == ".md"


class _DirtyNoticeFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_NOTICE)


class LanguageWorkers:
    """One long-lived process per language, each building its language into its own folder."""

    def __init__(self, options: ServeOptions, languages: list[str], folders: dict[str, Path], serve_url: str):
        context = fork_context()
        self.languages = languages
        self.connections: dict[str, Connection] = {}
        self.processes = []
        for locale in languages:
            parent_end, child_end = context.Pipe()
            # The process closes the parent's ends it inherits, its own among them: when the parent
            # is gone, its end of the pipe then reads as closed and the process ends.
            inherited = [parent_end, *self.connections.values()]
            process = context.Process(target=_serve_language, name=f"serve-{locale}", daemon=True,
                                      args=(child_end, inherited, options, locale, folders[locale], serve_url))
            process.start()
            child_end.close()
            self.connections[locale] = parent_end
            self.processes.append(process)

    def build(self, languages: tuple[str, ...], dirty: bool, jobs: int) -> None:
        """Build ``languages``, at most ``jobs`` at a time; raises naming those that failed."""
        waiting, running, failed = list(languages), {}, []
        while waiting or running:
            while waiting and len(running) < jobs:
                locale = waiting.pop(0)
                self.connections[locale].send(dirty)
                running[self.connections[locale]] = locale
            for connection in wait(list(running)):
                locale = running.pop(connection)
                try:
                    error = connection.recv()
                except EOFError:
                    error = "its process ended"
                if error:
                    failed.append(locale)
        if failed:
            raise ParallelBuildError(f"the build of {', '.join(repr(locale) for locale in failed)} failed "
                                     "(its messages are above)")

    def close(self) -> None:
        for connection in self.connections.values():
            try:
                connection.send(None)
            except OSError:
                pass  # the process has ended already
        for process in self.processes:
            process.join(timeout=10)


def _serve_language(connection: Connection, inherited: list[Connection], options: ServeOptions, locale: str,
                    site_dir: Path, serve_url: str) -> None:
    """In a language's process: build ``locale`` each time the parent asks, until it sends None or is gone."""
    for parent_end in inherited:
        parent_end.close()
    # Ctrl+C reaches every process of the terminal; the parent stops this one when it stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNoticeFilter())
    started = False
    plugins = None
    while (dirty := _next_request(connection)) is not None:
        try:
            # Loaded again for every build, as `mkdocs serve` does, so that edits to it count;
            # plugins with on_startup (Material's search) are kept, with their index.
            config = _load(options, site_dir)
            config.site_url = serve_url
            plugins = config.plugins
            if not started:
                plugins.on_startup(command="serve", dirty=True)
                started = True
            build_only(config, locale)
            build(config, serve_url=serve_url, dirty=dirty)
            connection.send(None)
        except Exception as error:  # noqa: BLE001 - this process's entry point: a message, never a traceback
            log.error(error_message(error))
            connection.send(str(error) or type(error).__name__)
    if plugins is not None:
        plugins.on_shutdown()


def _next_request(connection: Connection) -> bool | None:
    """Whether the next build is dirty; None to stop (also when the parent has ended)."""
    try:
        return connection.recv()
    except EOFError:
        return None


def _load(options: ServeOptions, site_dir: Path) -> MkDocsConfig:
    return load_config(config_file=options.config_file, site_dir=str(site_dir), dev_addr=options.dev_addr,
                       strict=False)


class Preview:
    """The served folder, the language processes, and what a save rebuilds."""

    def __init__(self, options: ServeOptions, config: MkDocsConfig, jobs: int):
        language_plugin(config)  # the checks that a language can be built alone
        self.languages = site_languages(config)
        self.default = self.languages[0]
        self.jobs = jobs
        self.docs_dir = Path(config.docs_dir)
        self.watched = [self.docs_dir, Path(config.config_file_path)]
        if config.theme.custom_dir:
            self.watched.append(Path(config.theme.custom_dir))
        self.workspace = Path(tempfile.mkdtemp(prefix="mkdocs_"))
        self.root = self.workspace / "site"
        self.folders = {locale: self.root if locale == self.default else self.workspace / locale
                        for locale in self.languages}
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        # The processes start first, so that they inherit no server socket; the URL is the server's.
        self.workers = LanguageWorkers(options, self.languages, self.folders, _serve_url(host, port, mount_path))
        self.server = LiveReloadServer(builder=self.rebuild, host=host, port=port, root=str(self.root),
                                       mount_path=mount_path)
        self.server.error_handler = self._error_page
        self.snapshot: Snapshot = {}
        self.failed = False

    def start(self) -> None:
        """Build every language, then serve and rebuild on every save until interrupted."""
        self.snapshot = self._scan()
        self._build(Rebuild(full=True, languages=tuple(self.languages)))
        for path in self.watched:
            self.server.watch(str(path))
        try:
            self.server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.server.shutdown()

    def close(self) -> None:
        self.workers.close()
        shutil.rmtree(self.workspace, ignore_errors=True)

    def rebuild(self) -> None:
        """The server's builder: rebuild what the files changed since the last build concern."""
        snapshot = self._scan()
        plan = plan_rebuild(self.snapshot, snapshot, self.docs_dir, self.languages)
        if self.failed:
            # A build that failed half-way leaves pages a dirty build would not redo.
            plan = Rebuild(full=True, languages=tuple(self.languages))
        self.snapshot = snapshot
        if plan.languages:
            try:
                self._build(plan)
            except ParallelBuildError as error:
                self.failed = True
                # The server prints an Abort's message (it is a SystemExit) and keeps serving.
                raise Abort(str(error)) from None
            self.failed = False

    def _build(self, plan: Rebuild) -> None:
        started = time.monotonic()
        self.workers.build(plan.languages, dirty=not plan.full, jobs=self.jobs)
        for locale in self.languages[1:]:
            link = self.root / locale
            if not link.is_symlink():
                if link.exists():
                    shutil.rmtree(link)
                link.symlink_to(self.folders[locale] / locale, target_is_directory=True)
        what = "every language" if plan.full else "changed pages of " + ", ".join(plan.languages)
        log.info(f"Built {what} in {time.monotonic() - started:.2f} seconds")

    def _scan(self) -> Snapshot:
        files: Snapshot = {}
        for folder in self.watched:
            for path in [folder] if folder.is_file() else _files_under(folder):
                try:
                    status = path.stat()
                except OSError:
                    continue  # removed meanwhile
                files[path] = (status.st_mtime_ns, status.st_size)
        return files

    def _error_page(self, code: int) -> bytes | None:
        page = self.root / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _files_under(folder: Path) -> list[Path]:
    """The files under ``folder`` but editors' own (.page.md.swp, page.md~, #page.md#), as MkDocs ignores them."""
    found = []
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(directory, name) for name in names if not name.startswith((".", "#")) and not name.endswith("~")]
    return found


def _serve_url(host: str, port: int, mount_path: str) -> str:
    """The address MkDocs serves the site at (``site_url`` while serving), as `mkdocs serve` forms it."""
    path = "/" + mount_path.strip("/")
    return f"http://{host}:{port}{path.rstrip('/')}/"


def serve_site(options: ServeOptions, jobs: int | None = None) -> None:
    """Serve the site until interrupted; `mkdocs serve` itself where languages cannot be built apart."""
    config = load_config(config_file=options.config_file, dev_addr=options.dev_addr, strict=False)
    if fork_context() is None or language_plugin(config) is None:
        mkdocs_serve(config_file=options.config_file, dev_addr=options.dev_addr)
        return
    # Once, before the language processes start: the kbsync plugin checks the docs tree and keeps the
    # result in its cache, which each language's build then reads instead of checking again.
    config.plugins.on_startup(command="serve", dirty=True)
    config.plugins.on_config(config)
    config.plugins.on_shutdown()
    preview = Preview(options, config, max(1, jobs or cores()))
    # Stopped by a signal (a service manager, `kill`), it shuts down as on Ctrl+C: processes and folders go.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        preview.start()
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsync.build.preview",
                                     description="Preview the site like `mkdocs serve`, one process per language.")
    parser.add_argument("-f", "--config-file", default=None, metavar="FILE",
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-a", "--dev-addr", default=None, metavar="IP:PORT",
                        help="where to serve (default: dev_addr of mkdocs.yml, 127.0.0.1:8000)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="languages built at once (default: one per core)")
    args = parser.parse_args(argv)
    return run_command(lambda: serve_site(ServeOptions(args.config_file, args.dev_addr), args.jobs), logging.INFO)

if __name__ == "__main__":
    sys.exit(main())
