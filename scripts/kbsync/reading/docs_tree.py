"""Read the docs tree: which pages exist in which language, and what each page holds.

The one place that reads page files. Pages are analysed by content (kbsync.reading.analysis) on all
cores; `content_key` gives each file's hash for the caches of the commands.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from kbsync.reading.analysis import Analyzer, content_key
from kbsync.errors import InputError
from kbsync.model import Page, PageContent
from kbsync.pairing import display_path, page_path
from kbsync.parallel import run_jobs
from kbsync.config import LOCALE_RE, SiteConfig

NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # 0 where the system has none: every file is resolved


@dataclass(frozen=True)
class Inventory:
    """The pages that exist per language, and the language folders that are not as expected."""

    pages: dict[str, frozenset[str]]
    missing_folders: tuple[str, ...]
    unknown_folders: tuple[str, ...]
    # Languages whose "folder" is a file (among the missing ones); files in language folders that
    # MkDocs would publish as they are, paths relative to docs/: named like a page but not `.md`
    # (`.MD`, `.markdown`), and named in bytes that are not UTF-8 (shown with `\xe9` escapes).
    file_folders: tuple[str, ...] = ()
    misnamed_pages: tuple[str, ...] = ()
    undecodable_names: tuple[str, ...] = ()
    broken_links: tuple[str, ...] = ()  # page files that are symbolic links to nothing (missing, a loop)

    def exists(self, lang: str, page: str) -> bool:
        return page in self.pages.get(lang, frozenset())

    def all_pages(self) -> list[str]:
        return sorted(set().union(*self.pages.values())) if self.pages else []


@dataclass(frozen=True)
class TreeFiles:
    """The bytes of the selected pages, read once, and the content key of each."""

    inventory: Inventory
    selection: tuple[str, ...]
    data: dict[tuple[str, str], bytes]
    keys: dict[tuple[str, str], str]


@dataclass(frozen=True)
class DocsTree:
    config: SiteConfig
    inventory: Inventory
    selection: tuple[str, ...]
    pages: dict[tuple[str, str], Page]

    def page(self, lang: str, page: str) -> Page | None:
        return self.pages.get((lang, page))


def scan(config: SiteConfig) -> Inventory:
    pages: dict[str, frozenset[str]] = {}
    missing, file_folders, misnamed, undecodable, broken = [], [], [], [], []
    for lang in config.locales:
        folder = config.docs_dir / lang
        if folder.is_dir():
            found = _folder_files(folder)
            pages[lang] = frozenset(found.pages)
            misnamed += (f"{lang}/{path}" for path in found.misnamed)
            undecodable += (f"{lang}/{path}" for path in found.undecodable)
            broken += (f"{lang}/{path}" for path in found.broken_links)
        else:
            missing.append(lang)
            if folder.exists():
                file_folders.append(lang)
    unknown = []
    if config.docs_dir.is_dir():
        for entry in sorted(os.scandir(config.docs_dir), key=lambda entry: entry.name):
            if (entry.is_dir() and entry.name not in config.locales and LOCALE_RE.match(entry.name)
                    and _folder_files(Path(entry.path)).pages):
                unknown.append(entry.name)
    return Inventory(pages=pages, missing_folders=tuple(missing), unknown_folders=tuple(unknown),
                     file_folders=tuple(file_folders), misnamed_pages=tuple(misnamed),
                     undecodable_names=tuple(undecodable), broken_links=tuple(broken))


# The suffixes MkDocs reads as Markdown (mkdocs.utils.markdown_extensions, compared as it does,
# case-sensitively): a page named otherwise is published as it is, or not checked by kbsync.
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass(frozen=True)
class _FolderFiles:
    pages: list[str]  # the .md files, relative to the folder, with slashes
    misnamed: list[str]  # files that look like pages but do not end in `.md`
    undecodable: list[str]  # files and folders whose names are not UTF-8 (not entered)
    broken_links: list[str]  # `.md` names that are symbolic links leading nowhere


def _folder_files(folder: Path) -> _FolderFiles:
    found = _FolderFiles([], [], [], [])
    for directory, folders, names in os.walk(folder):
        relative = Path(directory).relative_to(folder).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(name for name in folders if not _is_utf8(name)):
            found.undecodable.append(_shown(prefix + name + "/"))
            folders.remove(name)
        for name in names:
            if not _is_utf8(name):
                found.undecodable.append(_shown(prefix + name))
            elif name.endswith(".md"):
                path = os.path.join(directory, name)
                if os.path.isfile(path):
                    found.pages.append(prefix + name)
                elif os.path.islink(path) and not os.path.exists(path):
                    found.broken_links.append(prefix + name)  # MkDocs would fail reading it
            elif name.lower().endswith(PAGE_SUFFIXES) and not name.startswith("."):
                found.misnamed.append(prefix + name)
    return found


def _is_utf8(name: str) -> bool:
    """Whether a name os.walk gave is UTF-8 (other bytes come as surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(name: str) -> str:
    """A name that is not UTF-8, printable: its other bytes as `\\xe9`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def read_files(config: SiteConfig, selection: list[str] | None = None,
               inventory: Inventory | None = None) -> TreeFiles:
    """Read the selected pages (all when `selection` is None) in every language; `inventory`:
    the scan() of the tree, when the caller has made it."""
    inventory = inventory or scan(config)
    chosen = tuple(sorted(inventory.all_pages() if selection is None else set(selection)))
    data: dict[tuple[str, str], bytes] = {}
    keys: dict[tuple[str, str], str] = {}
    for lang in config.locales:
        linked_folder = (config.docs_dir / lang).is_symlink()
        for page in chosen:
            if inventory.exists(lang, page):
                data[lang, page] = _read(config, lang, page, linked_folder)
                keys[lang, page] = content_key(data[lang, page], lang, config)
    return TreeFiles(inventory=inventory, selection=chosen, data=data, keys=keys)


def _read(config: SiteConfig, lang: str, page: str, linked_folder: bool) -> bytes:
    """A page's bytes; an InputError for a page that a symbolic link takes out of docs/.
    Only the file and its language folder can be links (os.walk, in scan, enters no linked
    folder below a language folder). The file is opened without following a link, so a page
    that is no link costs no extra system call; a link is resolved and checked first."""
    path = page_path(config, lang, page)
    shown = display_path(config, lang, page)
    try:
        if not linked_folder and NO_FOLLOW:
            try:
                handle = os.open(path, os.O_RDONLY | NO_FOLLOW)
            except OSError as error:
                if error.errno not in (errno.ELOOP, errno.EMLINK):  # a link (EMLINK: BSD)
                    raise
            else:
                with os.fdopen(handle, "rb") as stream:
                    return stream.read()
        _require_inside_docs(config, lang, path, shown)
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=shown) from error


def _require_inside_docs(config: SiteConfig, lang: str, path: Path, shown: str) -> None:
    real = Path(os.path.realpath(path))
    if real.is_relative_to(config.docs_dir):
        return
    docs = config.docs_prefix
    how = (f"is a symbolic link to {real}" if path.is_symlink() else
           f"is reached through {docs}/{lang}, a symbolic link to "
           f"{os.path.realpath(config.docs_dir / lang)}")
    raise InputError(f"{how}, outside {docs}/; kbsync reads no file outside {docs}/", path=shown,
                     hint=f"replace the link with the file itself, inside {docs}/")


def analyse(config: SiteConfig, files: TreeFiles) -> DocsTree:
    items = list(files.data)
    contents = run_jobs(analyse_page, [(lang, files.data[lang, page]) for lang, page in items],
                        start_analyzer, (config,))
    pages = {(lang, page): Page(lang=lang, page=page, path=display_path(config, lang, page),
                                content=content)
             for (lang, page), content in zip(items, contents)}
    return DocsTree(config=config, inventory=files.inventory, selection=files.selection, pages=pages)


_analyzer: Analyzer | None = None


def start_analyzer(config: SiteConfig) -> None:
    """Build this process's Markdown reader (once per worker)."""
    global _analyzer
    if _analyzer is None or _analyzer.config is not config:
        _analyzer = Analyzer(config)


def analyse_page(job: tuple[str, bytes]) -> PageContent:
    """The analysis of a page's bytes in language `lang`; start_analyzer() first."""
    assert _analyzer is not None, "start_analyzer() first"
    lang, data = job
    return _analyzer.analyze(data, lang)
