"""Read a page body the way the site renders it and cut it into sections.

Python-Markdown with the extensions of mkdocs.yml gives the block structure; kbsync runs its
preprocessors, block parser and only the tree processors it needs (inline, attr_list), never
the HTML serializer, which is most of the cost of a render. Two things Python-Markdown does not
give are added here, and only here:

* line numbers: every line starting with `#` gets an invisible marker holding its line number
  right after the hashes. A marker that survives in a top-level heading tells that heading's
  line; markers that end up in code or HTML blocks are removed again.
* local sections: a heading marked with the class `local` (`## Title {#local-id .local}`, read by
  attr_list) on a translated page starts a section that exists only in that language's market
  (`Section.local`); on a source page the class is noted on the heading only (`Heading.local`).
* fingerprints: each source section's lines get their fingerprint from
  kbsync.reading.fingerprints, which needs no Markdown library. The block tree serialized
  before inline processing (`_shape`) was fingerprint scheme 1; it is kept for
  `kbsync migrate` only, which must recognise what scheme 1 recorded (`read(..., scheme=1)`).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from kbsync.reading.figures import extract_figures
from kbsync.reading.fingerprints import FINGERPRINT_LENGTH, SCHEME, fingerprint
from kbsync.reading.language_id import MIN_WORDS
from kbsync.model import INTRO_ID, LOCAL_CLASS, BlockCounts, Figure, Heading, Link, Problem, Section, TextBlock
from kbsync.config import SiteConfig

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK_RE = re.compile(MARK_OPEN + r"(\d+)" + MARK_CLOSE)
HASHES_RE = re.compile(r"#{1,6}")
# Text without these characters comes out of inline processing unchanged.
INLINE_TRIGGER_RE = re.compile(r"[\[<`\\&]")
PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
WORD_RE = re.compile(r"[^\W_]+")
EXTERNAL_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
TEXT_TAGS = {"p", "li", "dt", "dd", "th", "td", *HEADING_TAGS}
CODE_TAGS = {"code", "pre", "kbd", "samp"}
# Inline patterns that only style text; kbsync needs links and text, not emphasis.
STYLE_PATTERNS = ("em_strong", "em_strong2", "not_strong", "strong_em", "linebreak")
DEFINITION_RE = re.compile(r"(?:^|\n) {0,3}:")
# The attribute list a heading's text ends with when the attr_list extension did not take it.
ATTRIBUTE_TAIL_RE = re.compile(r"[ ]+\{:?[ ]*#([A-Za-z0-9_-]+)[^{}]*\}[ ]*$")


def _holding(*needles: str) -> Callable[[str], bool]:
    """Whether a text holds one of `needles`."""
    if len(needles) == 1:
        needle = needles[0]
        return lambda text: needle in text  # guards run for every block: one test, no loop
    return lambda text: any(map(text.__contains__, needles))


def _defining(text: str) -> bool:
    """Whether a text has a line starting with `:` (a definition list)."""
    return DEFINITION_RE.search(text) is not None


# Members of Python-Markdown's stages (by registry name) that can only match a text holding
# these characters (see _Stage).
PREPROCESSOR_TRIGGERS: dict[str, Callable[[str], bool]] = {
    "fenced_code_block": _holding("```", "~~~"),
    "html_block": _holding("<"),
}
INLINE_TRIGGERS: dict[str, Callable[[str], bool]] = {
    "backtick": _holding("`"),
    "escape": _holding("\\"),
    **dict.fromkeys(("reference", "link", "short_reference"), _holding("[")),
    **dict.fromkeys(("image_link", "image_reference", "short_image_ref"), _holding("![")),
    **dict.fromkeys(("autolink", "automail", "html"), _holding("<")),
    "entity": _holding("&"),
}
BLOCK_TRIGGERS: dict[str, Callable[[str], bool]] = {
    "admonition": _holding("!!!"),
    "table": _holding("|"),
    **dict.fromkeys(("deflist", "defindent"), _defining),  # defindent: indented text under a `: `
    "quote": _holding(">"),
    "abbr": _holding("*["),
    "reference": _holding("]:"),
}
# Block processors whose test, or whose run, fails on a block without these characters
# (the others either test cheaply or also match blocks that continue an earlier one).
BLOCK_GUARDS: dict[str, Callable[[str], bool]] = {
    "markdown_block": lambda block: block.startswith("\x02"),  # a placeholder of stashed HTML
    "table": _holding("|"),
    "hashheader": _holding("#"),
    "hr": lambda block: "-" in block or "_" in block or "*" in block,  # the fastest form
    "deflist": _holding(":"),
    "quote": _holding(">"),
    "abbr": _holding("*["),
    "reference": _holding("]:"),
}
# The blocks whose language is identified: prose, wherever it stands (a paragraph, a list item, a
# definition, a table cell); headings and code are too short or not prose.
LANGUAGE_TAGS = frozenset({"p", "li", "dd", "td", "th", "blockquote"})
# Shorter text blocks are often the same in every language (names, terms, figures).
MIN_IDENTICAL_WORDS = 5


@dataclass
class _Block:
    """A top-level element of the body, before it is assigned to a section."""

    element: etree.Element
    shape: str
    heading_line: int | None = None


@dataclass
class ReadResult:
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)


class MarkdownReader:
    """One Markdown instance per process, reused for every page (reset between pages)."""

    def __init__(self, config: SiteConfig):
        import markdown

        self.md = markdown.Markdown(extensions=list(config.extensions),
                                    extension_configs=config.extension_configs)
        for name in STYLE_PATTERNS:
            if name in self.md.inlinePatterns:
                self.md.inlinePatterns.deregister(name)
        treeprocessors = self.md.treeprocessors
        self.inline = treeprocessors["inline"] if "inline" in treeprocessors else None
        self.attr_list = treeprocessors["attr_list"] if "attr_list" in treeprocessors else None
        self.preprocessors = _Stage(self.md.preprocessors, PREPROCESSOR_TRIGGERS)
        self.block_processors = _Stage(self.md.parser.blockprocessors, BLOCK_TRIGGERS, BLOCK_GUARDS)
        self.inline_patterns = _Stage(self.md.inlinePatterns, INLINE_TRIGGERS)
        self.is_block_level = frozenset(self.md.block_level_elements).__contains__
        self._atomic = markdown.util.AtomicString

    def read(self, body: str, first_line: int, lang: str,
             language_of: Callable[[str, list[str]], str | None] | None = None,
             fingerprints: bool = True, scheme: int = SCHEME, local_sections: bool = False) -> ReadResult:
        """Sections of `body`, whose first line is line `first_line` of the file. Without
        `fingerprints` (a translation: only source sections are compared with what a translation
        recorded) each section's fingerprint is empty. `scheme=1`: fingerprints of scheme 1,
        for `kbsync migrate` only. With `local_sections` (a translation) a `.local` heading starts
        a local section; without, it starts a section like any other."""
        legacy = fingerprints and scheme == 1
        md = self.md
        md.reset()
        if MARK_OPEN in body or MARK_CLOSE in body:
            body = body.replace(MARK_OPEN, "\ufffd").replace(MARK_CLOSE, "\ufffd")
        lines = body.split("\n")
        marked = [_mark(line, first_line + index) for index, line in enumerate(lines)]
        for preprocessor in self.preprocessors.select(body):
            marked = preprocessor.run(marked)
        stash = md.htmlStash.rawHtmlBlocks
        for index, item in enumerate(stash):
            if isinstance(item, str) and MARK_OPEN in item:
                stash[index] = MARK_RE.sub("", item)
        # Markdown inside HTML is parsed from the stash, not from the text: then every processor.
        document = None if any(not isinstance(item, str) for item in stash) else "\n".join(marked)
        parser = md.parser
        registry = parser.blockprocessors
        parser.blockprocessors = self.block_processors.select(document)
        try:
            root = parser.parseDocument(marked).getroot()
        finally:
            parser.blockprocessors = registry
        blocks = [_Block(child, _shape(child, stash) if legacy else "", _heading_line(child))
                  for child in root]
        snippets = {}
        atomic = self._atomic
        attributed = []  # top-level blocks with a `{`: the only ones attr_list can change
        for child in root:
            brace = False
            for element in child.iter():
                text = element.text
                if text:
                    brace = brace or "{" in text
                    if element.tag in TEXT_TAGS:
                        snippets[id(element)] = _first_line(text)
                    if not INLINE_TRIGGER_RE.search(text):
                        element.text = atomic(text)
                tail = element.tail
                if tail:
                    brace = brace or "{" in tail
                    if not INLINE_TRIGGER_RE.search(tail):
                        element.tail = atomic(tail)
            if brace:
                attributed.append(child)
        inline = self.inline
        if inline is not None:
            patterns = inline.inlinePatterns
            inline.inlinePatterns = self.inline_patterns.select(document)
            try:
                root = inline.run(root) or root
            finally:
                inline.inlinePatterns = patterns
        self._read_attributes(root, attributed)
        builder = _SectionBuilder(lines, first_line, stash, snippets, lang, language_of,
                                  self.is_block_level, fingerprints, scheme, local_sections)
        return builder.build(blocks)

    def _read_attributes(self, root: etree.Element, attributed: list[etree.Element]) -> None:
        """attr_list's `{#id .class}` on the blocks that have a `{` (the same as on the whole tree:
        tests/sync/reading/test_markdown_reader.py)."""
        if self.attr_list is not None:
            for child in attributed:
                self.attr_list.run(child)


class _Stage:
    """A stage of Python-Markdown (preprocessors, block processors, inline patterns) without the
    members a page cannot trigger: one whose trigger the page's text lacks cannot match in it,
    and leaving it out spares testing it against every line, block or text. The reading is the
    same: tests/sync/reading/test_markdown_reader.py compares it with the full stages' on every page of
    the site, the test corpus and each construct alone."""

    def __init__(self, registry: Any, triggers: dict[str, Callable[[str], bool]],
                 guards: dict[str, Callable[[str], bool]] | None = None):
        guards = guards or {}
        names = {id(registry[name]): name for name in {*triggers, *guards} if name in registry}
        # In priority order, as Python-Markdown runs them; a guarded block processor is first
        # tested for its trigger in the block at hand.
        self.members = [_Guarded(member, guards[names[id(member)]]) if names.get(id(member)) in guards
                        else member for member in registry]
        self.names = {id(member): name for member in self.members
                      if (name := names.get(id(getattr(member, "processor", member)))) in triggers}
        self.triggers = {name: present for name, present in triggers.items() if name in registry}
        self._selections: dict[tuple[str, ...], list] = {}

    def select(self, text: str | None) -> list:
        """The members that can match in `text` (None: every member)."""
        if text is None:
            return self.members
        found: dict[int, bool] = {}  # a trigger shared by several members is looked for once
        for present in self.triggers.values():
            if id(present) not in found:
                found[id(present)] = present(text)
        absent = tuple(name for name, present in self.triggers.items() if not found[id(present)])
        selected = self._selections.get(absent)
        if selected is None:
            selected = self._selections[absent] = [
                member for member in self.members if self.names.get(id(member)) not in absent]
        return selected


class _Guarded:
    """A block processor whose test first looks for its trigger in the block (see BLOCK_GUARDS)."""

    __slots__ = ("processor", "trigger", "run")

    def __init__(self, processor: Any, trigger: Callable[[str], bool]):
        self.processor = processor
        self.trigger = trigger
        self.run = processor.run

    def test(self, parent: etree.Element, block: str) -> bool:
        return self.trigger(block) and self.processor.test(parent, block)


def _mark(line: str, number: int) -> str:
    if not line.startswith("#"):
        return line
    end = HASHES_RE.match(line).end()  # type: ignore[union-attr]
    return f"{line[:end]}{MARK_OPEN}{number}{MARK_CLOSE}{line[end:]}"


def _heading_line(element: etree.Element) -> int | None:
    if element.tag not in HEADING_TAGS:
        return None
    match = MARK_RE.match(element.text or "")
    return int(match.group(1)) if match else 0


def _collapse(text: str, stash: list) -> str:
    """Text with whitespace runs as one space; stashed code and HTML kept as they are."""
    if MARK_OPEN in text:
        text = MARK_RE.sub("", text)
    if "\x02" not in text:
        return " ".join(text.split())
    parts = PLACEHOLDER_RE.split(text)  # text, stash index, text, stash index, ...
    return "".join(_stashed(stash, int(part)) if odd else " ".join(part.split())
                   for odd, part in zip(itertools.cycle((False, True)), parts))


def _stashed(stash: list, index: int) -> str:
    item = stash[index] if index < len(stash) else ""
    text = item if isinstance(item, str) else etree.tostring(item, encoding="unicode")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _shape(element: etree.Element, stash: list) -> str:
    """The block tree of one element as text: what a scheme 1 fingerprint hashes."""
    parts: list[str] = []

    def walk(node: etree.Element) -> None:
        attributes = "".join(f" {key}={node.attrib[key]}" for key in sorted(node.attrib))
        parts.append(f"<{node.tag}{attributes}>")
        if node.text:
            if node.tag in CODE_TAGS:
                parts.append("\n".join(line.rstrip() for line in node.text.split("\n")))
            else:
                parts.append(_collapse(node.text, stash))
        for child in node:
            walk(child)
        parts.append(f"</{node.tag}>")
        if node.tail:
            parts.append(_collapse(node.tail, stash))

    walk(element)
    return "".join(parts)


def _first_line(text: str | None) -> str:
    for line in (text or "").split("\n"):
        line = MARK_RE.sub("", line).strip()
        if line:
            return line[:60]
    return ""


def scheme1_fingerprint(shapes: Iterable[str]) -> str:
    """Fingerprint scheme 1 (bare hex digits): the hash of the section's block shapes. Only
    `kbsync migrate` asks for it, to recognise the values scheme 1 recorded."""
    return hashlib.sha256("\x1e".join(shapes).encode()).hexdigest()[:FINGERPRINT_LENGTH]


def _without_id(title: str, level: int) -> str:
    """KB108's message. A heading whose text has a brace of its own (`-InputFormat {Text | XML}
    {#inputformat}`, as reference pages write parameters) gets no ID from its `{#id}`: the
    attr_list extension reads everything from the first ` {` as the attribute list and keeps
    it as text. Adding another `{#id}` would not help; escaping the text's braces does."""
    marks = "#" * level
    if "{" not in title and "}" not in title:
        return f"heading '{title}' has no ID: write `{marks} {title} {{#an-id}}` with the same ID in every language"
    tail = ATTRIBUTE_TAIL_RE.search(title)
    text, wanted = (title[:tail.start()], tail.group(1)) if tail else (title, "an-id")
    escaped = text.replace("{", "\\{").replace("}", "\\}")
    return (f"heading '{title}' has no ID: a brace in a heading's text makes Markdown read all from "
            f"the first ` {{` as the attribute list: escape the text's braces and write "
            f"`{marks} {escaped} {{#{wanted}}}` with the same ID in every language")


class _SectionBuilder:
    """Groups the top-level blocks into sections and collects each section's facts."""

    def __init__(self, lines: list[str], first_line: int, stash: list, snippets: dict[int, str],
                 lang: str, language_of: Callable[[str, list[str]], str | None] | None,
                 is_block_level: Callable[[str], bool], fingerprints: bool = True,
                 scheme: int = SCHEME, local_sections: bool = False):
        self.lines = lines
        self.first_line = first_line
        self.stash = stash
        self.snippets = snippets
        self.lang = lang
        self.language_of = language_of
        self.is_block_level = is_block_level
        self.fingerprints = fingerprints
        self.scheme = scheme
        self.local_sections = local_sections

    def build(self, blocks: list[_Block]) -> ReadResult:
        headings: list[Heading] = []
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        starts: list[tuple[int, str, int, str, int, bool]] = []  # (block index, id, level, title, line, local)
        last_line = self.first_line
        for index, block in enumerate(blocks):
            if block.heading_line is None:
                continue
            element = block.element
            level = HEADING_TAGS[element.tag]
            title = _collapse(_text_of(element, self.is_block_level, []), [])
            if block.heading_line == 0:
                line = self._find(title, last_line)
                problems.append(Problem("setext-heading", line, f"underlined heading '{title}': "
                                        f"write it as `{'#' * level} {title} {{#id}}`"))
                continue
            line = last_line = block.heading_line
            heading_id = element.get("id")
            local = LOCAL_CLASS in (element.get("class") or "").split()
            headings.append(Heading(level, heading_id, title, line, local))
            if level == 1:
                continue
            if not heading_id:
                problems.append(Problem("heading-without-id", line, _without_id(title, level)))
            elif heading_id == INTRO_ID or heading_id in seen:
                where = "is reserved for the text before the first heading" if heading_id == INTRO_ID \
                    else f"is already used on line {seen[heading_id]}"
                problems.append(Problem("duplicate-heading-id", line, f"heading ID `{heading_id}` "
                                        f"{where}: give this heading an ID of its own"))
            else:
                seen[heading_id] = line
                starts.append((index, heading_id, level, title, line, local and self.local_sections))
        intro_line = next((self.first_line + number for number, text in enumerate(self.lines)
                           if text.strip()), self.first_line)
        bounds = [(0, INTRO_ID, 1, "", intro_line, False), *starts]
        sections = []
        for number, (index, section_id, level, title, line, local) in enumerate(bounds):
            end_index = bounds[number + 1][0] if number + 1 < len(bounds) else len(blocks)
            next_line = bounds[number + 1][4] if number + 1 < len(bounds) \
                else self.first_line + len(self.lines)
            sections.append(self._section(section_id, level, title, line, next_line - 1,
                                          blocks[index:end_index], local))
        return ReadResult(tuple(sections), tuple(headings), tuple(problems))

    def _fingerprint(self, raw: str, blocks: list[_Block]) -> str:
        if not self.fingerprints:
            return ""
        return scheme1_fingerprint(block.shape for block in blocks) if self.scheme == 1 else fingerprint(raw)

    def _find(self, needle: str, start: int) -> int:
        for offset, text in enumerate(self.lines[start - self.first_line:]):
            if needle and needle in text:
                return start + offset
        return start

    def _section(self, section_id: str, level: int, title: str, line: int, end_line: int,
                 blocks: list[_Block], local: bool = False) -> Section:
        start = line if section_id != INTRO_ID else self.first_line
        raw_lines = self.lines[start - self.first_line:end_line - self.first_line + 1]
        if section_id == INTRO_ID:
            line = start + next((n for n, text in enumerate(raw_lines) if text.strip()), 0)
            raw_lines = raw_lines[line - start:]
        facts = _Facts(self, raw_lines, line)
        for block in blocks:
            facts.collect(block.element)
        raw = "\n".join(raw_lines)
        return Section(
            id=section_id, level=level, title=title, line=line, end_line=max(end_line, line),
            fingerprint=self._fingerprint(raw, blocks), raw=raw,
            counts=facts.counts(), links=tuple(facts.links), figures=tuple(facts.figures),
            words=tuple(facts.words), cased_words=facts.cased_words(),
            blocks=tuple(facts.blocks), local=local)


class _Facts:
    """What the checks compare, gathered from one section's elements."""

    def __init__(self, builder: _SectionBuilder, raw_lines: list[str], line: int):
        self.builder = builder
        self.raw_lines = [text.lower() for text in raw_lines]
        self.line = line
        self.cursor = line
        self.tally = {name: 0 for name in BlockCounts.LABELS}
        self.links: list[Link] = []
        self.figures: list[Figure] = []
        self.words: list[str] = []
        self.cased_texts: list[str] = []
        self.blocks: list[TextBlock] = []

    def cased_words(self) -> frozenset[str]:
        """The words with a capital letter (for abbreviations like NPS), of all texts at once."""
        if not self.cased_texts:
            return frozenset()
        return frozenset(WORD_RE.findall("\n".join(self.cased_texts))).difference(self.words)

    def counts(self) -> BlockCounts:
        return BlockCounts(**self.tally)

    def locate(self, needle: str, start: int) -> int:
        needle = needle.lower()
        lines = self.raw_lines
        for index in range(start - self.line, len(lines)):
            if needle in lines[index]:
                return self.line + index
        return start

    def collect(self, root: etree.Element) -> None:
        builder = self.builder
        for element in root.iter():
            tag = element.tag
            if tag == "li":
                self.tally["list_items"] += 1
            elif tag == "tr":
                self.tally["table_rows"] += 1
            elif tag == "img":
                self.tally["images"] += 1
            elif tag == "pre":
                self.tally["code_blocks"] += 1
            elif tag == "div" and "admonition" in (element.get("class") or "").split():
                self.tally["admonitions"] += 1
            elif tag == "p" and element.text and element.text.startswith("\x02"):
                match = PLACEHOLDER_RE.fullmatch(element.text.strip())
                stashed = builder.stash[int(match.group(1))] if match else None
                if isinstance(stashed, str) and stashed.lstrip().startswith("<pre"):
                    self.tally["code_blocks"] += 1
            if tag in TEXT_TAGS:
                self._text_block(element)

    def _text_block(self, element: etree.Element) -> None:
        builder = self.builder
        anchors: list[str] = []
        if len(element) or element.tag in CODE_TAGS:
            text = _text_of(element, builder.is_block_level, anchors)
        else:  # most blocks: text alone, no inline children
            text = element.text or ""
            if "\x02" in text:
                text = PLACEHOLDER_RE.sub(" ", text)
        if MARK_OPEN in text:
            text = MARK_RE.sub("", text)
        text = " ".join(text.split())
        snippet = builder.snippets.get(id(element))
        line = self.cursor = self.locate(snippet, self.cursor) if snippet else self.cursor
        for href in anchors:
            self.links.append(Link(href, self.locate(href, line), bool(EXTERNAL_RE.match(href))))
        if not text:
            return
        for figure in extract_figures(text, builder.lang, line):  # returns at once without a digit
            self.figures.append(Figure(figure.value, figure.written,
                                       self.locate(figure.written, line)))
        lowered = text.lower()
        words = WORD_RE.findall(lowered)
        self.words.extend(words)
        if text != lowered:  # the words with a capital letter, for abbreviations like NPS
            self.cased_texts.append(text)
        if len(words) < MIN_IDENTICAL_WORDS:
            return  # too short to be reported as untranslated: names, terms, figures
        language = None
        if builder.language_of is not None and element.tag in LANGUAGE_TAGS and len(words) >= MIN_WORDS:
            language = builder.language_of(text, words)
        self.blocks.append(TextBlock(text, len(words), line, language))


def _text_of(element: etree.Element, is_block_level: Callable[[str], bool], anchors: list[str]) -> str:
    """The element's own text and that of its inline children, code and raw HTML left out;
    the targets of the links among those children are added to `anchors`."""
    parts = [element.text or ""] if element.tag not in CODE_TAGS else []
    for child in element:
        if not is_block_level(child.tag):
            if child.tag == "a" and child.get("href") is not None:
                anchors.append(child.get("href"))
            if child.tag not in CODE_TAGS:
                parts.append(_text_of(child, is_block_level, anchors))
        parts.append(child.tail or "")
    text = "".join(parts)
    return PLACEHOLDER_RE.sub(" ", text) if "\x02" in text else text
