"""What changed in the source since each translation was made, as a document for translators.

Plain data in (`PageChanges`, built by commands/diff.py), one string out per format: `text` for
the terminal (`git diff --word-diff` markers), `markdown` (the marked text in fenced blocks, so
that the source's own Markdown is shown as written, not rendered) and `html` (one self-contained
file: escaped text, inline CSS, no script and no external resource; `<del>` and `<ins>`), to
send to an agency. This module reads nothing and writes nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kbsync.languages import CLI_LOCALE
from kbsync.signoff.worddiff import NEW, OLD, Piece, as_text

CHANGED, NEW_SECTION, REMOVED, RENAMED = "changed", "new", "removed", "renamed"
FORMATS = ("text", "markdown", "html")


@dataclass(frozen=True)
class SectionChange:
    """One section a translator has to look at.

    `id` is the section's ID now (for a removed one: its old ID); `old_id` the ID it had when
    translated (a renamed section); `since` the commit of that text; `pieces` the word diff, or
    None when the earlier text is not to be had (`note` says why, or where a retired section's
    content went); `where` its place in the source (`path:line`; a removed one: the source page)."""

    id: str
    kind: str
    where: str
    pieces: tuple[Piece, ...] | None
    old_id: str | None = None
    since: str | None = None
    note: str | None = None

    @property
    def summary(self) -> str:
        since = f" since it was translated (commit {self.since[:12]})" if self.since else ""
        if self.kind == NEW_SECTION:
            return f"section `{self.id}`: new in {self.where}, not in the translation yet"
        if self.kind == REMOVED:
            return f"section `{self.id}`: removed from {self.where}; its text when translated" \
                + (f" (commit {self.since[:12]})" if self.since else "")
        if self.kind == RENAMED:
            return f"section `{self.old_id}`: renamed `{self.id}` in {self.where}, and changed{since}"
        return f"section `{self.id}`: changed in {self.where}{since}"


@dataclass(frozen=True)
class PageChanges:
    """The sections of one page to look at in `lang`; `missing`: the page is not translated at all."""

    lang: str
    page: str
    path: str
    source_path: str
    sections: tuple[SectionChange, ...]
    missing: bool = False

    @property
    def needs_work(self) -> bool:
        return self.missing or bool(self.sections)


@dataclass(frozen=True)
class Report:
    lang: str
    language: str  # `Italiano (it)`
    source_lang: str
    source_language: str  # `Deutsch (de)`
    pages: tuple[PageChanges, ...]
    whole_language: bool  # every page of the language was compared

    @property
    def needs_work(self) -> bool:
        return any(page.needs_work for page in self.pages)


def render(report: Report, form: str) -> str:
    return {"text": render_text, "markdown": render_markdown, "html": render_html}[form](report)


def render_text(report: Report) -> str:
    lines: list[str] = []
    for page in report.pages:
        if page.missing:
            lines.append(f"{page.path}: not translated yet (the whole of {page.source_path})")
        elif not page.sections:
            if not report.whole_language:
                lines.append(f"{page.path}: no outdated sections")
        else:
            lines.append(f"{page.path}:")
            for section in page.sections:
                lines.append(f"  {section.summary}" + (f"; {section.note}" if section.note else ""))
                if section.pieces is not None:
                    lines += [f"    {line}" if line else "" for line in as_text(section.pieces).rstrip().split("\n")]
    if report.whole_language and not report.needs_work:
        lines.append(f"docs/{report.lang}: no outdated sections")
    return "".join(line + "\n" for line in lines)


def render_markdown(report: Report) -> str:
    out = [f"# Changes to translate into {report.language}", "",
           f"What changed in the {report.source_language} source since each section was translated. "
           "In each section's text, deleted words are marked `[-old-]` and inserted words `{+new+}`.",
           ""]
    if not report.needs_work:
        out += ["Nothing to translate: every section is up to date.", ""]
    for page in report.pages:
        if not page.needs_work:
            continue
        out += [f"## {_code(page.page)}", "", f"Translation: {_code(page.path)}; source: {_code(page.source_path)}.", ""]
        if page.missing:
            out += [f"Not translated yet: translate the whole of {_code(page.source_path)}.", ""]
        for section in page.sections:
            out += [f"### {_markdown_escape(section.summary)}", ""]
            if section.note:
                out += [_markdown_escape(section.note[0].upper() + section.note[1:]) + ".", ""]
            if section.pieces is not None:
                text = as_text(section.pieces)
                fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
                out += [f"{fence}text", text.rstrip("\n"), fence, ""]
    return "\n".join(out).rstrip("\n") + "\n"


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .25rem; margin-top: 2.5rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: .75rem; border-radius: 4px; }
del { background: #ffd7d5; color: #82071e; text-decoration: line-through; }
ins { background: #ccffd8; color: #055d20; text-decoration: none; }
.note { color: #555; }
"""


def render_html(report: Report) -> str:
    escape = html.escape
    title = f"Changes to translate into {report.language}"
    body = [f"<h1>{escape(title)}</h1>",
            f"<p>What changed in the {escape(report.source_language)} source since each section was "
            "translated. <del>Deleted words</del> and <ins>inserted words</ins> are marked in each "
            "section's text.</p>"]
    if not report.needs_work:
        body.append("<p>Nothing to translate: every section is up to date.</p>")
    for page in report.pages:
        if not page.needs_work:
            continue
        body.append(f'<section class="page"><h2><code>{escape(page.page)}</code></h2>')
        body.append(f"<p>Translation: <code>{escape(page.path)}</code>; source: "
                    f"<code>{escape(page.source_path)}</code>.</p>")
        if page.missing:
            body.append(f"<p>Not translated yet: translate the whole of <code>{escape(page.source_path)}</code>.</p>")
        for section in page.sections:
            body.append(f'<article class="section" id="{escape(_anchor(page.page, section), quote=True)}">'
                        f"<h3>{_html_summary(section)}</h3>")
            if section.note:
                body.append(f'<p class="note">{escape(section.note)}</p>')
            if section.pieces is not None:
                body.append(f'<pre lang="{escape(report.source_lang, quote=True)}">'
                            f"{_html_pieces(section.pieces)}</pre>")
            body.append("</article>")
        body.append("</section>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{CLI_LOCALE}">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _html_pieces(pieces: tuple[Piece, ...]) -> str:
    escape = html.escape
    return "".join(f"<del>{escape(piece.text)}</del>" if piece.kind == OLD else
                   f"<ins>{escape(piece.text)}</ins>" if piece.kind == NEW else escape(piece.text)
                   for piece in pieces)


def _html_summary(section: SectionChange) -> str:
    """The summary with its IDs and commit as code."""
    parts = re.split(r"`([^`]*)`", section.summary)
    return "".join(f"<code>{html.escape(part)}</code>" if index % 2 else html.escape(part)
                   for index, part in enumerate(parts))


def _anchor(page: str, section: SectionChange) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", f"{page.removesuffix('.md')}--{section.old_id or section.id}".lower())


def _code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _markdown_escape(text: str) -> str:
    """Text for a Markdown heading or paragraph: code spans kept, Markdown's marks outside them escaped."""
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(part if index % 2 else re.sub(r"([\\*_\[\]<>#|~])", r"\\\1", part)
                   for index, part in enumerate(parts))
