"""Turn one file's bytes into a `PageContent`: decode, front matter, provenance, sections.

Pure: bytes and settings in, data out. The same bytes always give the same result, which is
what lets kbsync cache results by content hash (kbsync.checks.runner). Files are read in docs_tree.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Callable

from kbsync import __version__
from kbsync.languages import profile
from kbsync.reading.front_matter import split_front_matter
from kbsync.reading.language_id import distinguishes, identify, may_be, model_language
from kbsync.reading.markdown_reader import FINGERPRINT_LENGTH, MarkdownReader
from kbsync.model import PageContent, Problem, Provenance
from kbsync.reading.page_text import decode_page
from kbsync.config import SiteConfig

PROVENANCE_KEY = "l10n"
FINGERPRINT_RE = re.compile(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}")
SOURCE_SECTIONS_KEY = "source_sections"


def content_key(data: bytes, lang: str, config: SiteConfig) -> str:
    """The hash of what a page's analysis depends on: its bytes, its language, how Markdown is read."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{lang}\0{config.markdown_key}\0{__version__}".encode())
    return digest.hexdigest()


class Analyzer:
    """Holds what is expensive to build (the Markdown instance) across pages of one process."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.reader = MarkdownReader(config)

    def analyze(self, data: bytes, lang: str) -> PageContent:
        decoded = decode_page(data)
        if not decoded.readable:
            return PageContent(readable=False, problems=decoded.problems)
        front = split_front_matter(decoded.text)
        problems = list(decoded.problems)
        if front.error:
            problems.append(Problem("front-matter-yaml", front.error_line,
                                    f"{front.error}: fix the YAML between the `---` lines"))
        body = decoded.text[front.end:]
        result = self.reader.read(body, front.body_line, lang, self._language_of(lang),
                                  fingerprints=lang == self.config.source_lang)
        return PageContent(
            readable=True, has_front_matter=front.present,
            front_matter=front.data, key_lines=front.key_lines,
            provenance=read_provenance(front.data), headings=result.headings,
            sections=result.sections, problems=tuple(problems) + result.problems)

    def _language_of(self, lang: str) -> Callable[[str, list[str]], str | None] | None:
        """How to tell a paragraph's language from its text and its lowercase words on a page in
        `lang` (None on source pages). Only the source language matters: a paragraph that cannot
        be in it is not given to the model."""
        source = self.config.source_lang
        locales = self.config.locales
        if lang == source or model_language(lang) == model_language(source):
            return None
        source_code, source_profile = model_language(source), profile(source)

        def language_of(text: str, words: list[str]) -> str | None:
            if not may_be(source_profile, text, words) or not distinguishes(source, lang, locales):
                return None
            code = identify(text, locales)
            return source if code == source_code else code
        return language_of


def read_provenance(front_matter: dict[str, Any]) -> Provenance | None:
    """The recorded fingerprints when the key is exactly as schemas/l10n.schema.json wants it."""
    value = front_matter.get(PROVENANCE_KEY)
    if not isinstance(value, dict) or list(value) != [SOURCE_SECTIONS_KEY]:
        return None
    sections = value[SOURCE_SECTIONS_KEY]
    if not isinstance(sections, dict):
        return None
    recorded = {str(section_id): fingerprint for section_id, fingerprint in sections.items()}
    if all(section_id and isinstance(fingerprint, str) and FINGERPRINT_RE.fullmatch(fingerprint)
           for section_id, fingerprint in recorded.items()):
        return Provenance(recorded)
    return None
