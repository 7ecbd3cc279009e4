"""What `sync` and `ack` share: load a page in every language, write a new `l10n` key."""

from __future__ import annotations

from kbsync.writing.atomic import write_atomically
from kbsync.checks.page_reading import code_of
from kbsync.commands.session import Session
from kbsync.reading.docs_tree import DocsTree, analyse, read_files
from kbsync.errors import InputError
from kbsync.model import Page
from kbsync.pairing import display_path, page_path
from kbsync.writing.provenance import set_provenance


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

    def record(self, page: Page, recorded: dict[str, str]) -> bool:
        """Write `recorded` as the page's provenance; False when it already says exactly that."""
        current = page.content.provenance
        if current is not None and list(current.source_sections.items()) == list(recorded.items()):
            return False
        data = self.data[page.lang, page.page]
        edited = set_provenance(data, recorded, page.path)
        path = page_path(self.session.config, page.lang, page.page)
        if path.read_bytes() != data:
            raise InputError("the file changed while kbsync was reading it; run the command again",
                             path=page.path)
        write_atomically(path, edited)
        return True


def require_sound(page: Page) -> Page:
    """The page, unless reading it found a problem whose code blocks editing (`Code.blocks_editing`)."""
    for problem in page.content.problems:
        if code_of(problem).blocks_editing:
            raise InputError(problem.message, path=page.path,
                             line=problem.line, hint="fix it first; nothing was changed")
    return page
