"""The status as Markdown tables, for a pull request comment or a status page."""

from __future__ import annotations

from kbsync.formats.status_rows import HEADER, language_rows, local_counts, local_rows, stale_pages
from kbsync.formats.tables import backslash_pipes, markdown_table
from kbsync.handoff.words import HEADER as WORDS_HEADER, TITLE as WORDS_TITLE, WordCount, word_cells
from kbsync.status import StatusReport

PAGES_HEADER = ("Page", "State", "Sections not up to date")
LOCAL_HEADER = ("Local section", "Owner", "Last reviewed", "Next review")


def render_status(report: StatusReport) -> str:
    # Every column but the language holds numbers, so they are aligned right.
    tables = [markdown_table([label.capitalize() for label in HEADER], language_rows(report),
                             right_aligned=range(1, len(HEADER)), escape=backslash_pipes)]
    pages = stale_pages(report)
    if pages:
        tables.append(markdown_table(PAGES_HEADER, [
            (f"`{path}`", state, ", ".join(f"`{section_id}` ({section_state})"
                                           for section_id, section_state in sections))
            for path, state, sections in pages], escape=backslash_pipes))
    local = local_rows(report)
    if local:
        tables.append(f"Local sections: {local_counts(report)}")
        tables.append(markdown_table(LOCAL_HEADER, [(f"`{where}`", owner, reviewed, due)
                                                    for where, owner, reviewed, due in local],
                                     escape=backslash_pipes))
    return "\n\n".join(tables) + "\n"


def render_words(rows: list[tuple[str, WordCount]]) -> str:
    table = markdown_table(WORDS_HEADER, [word_cells(*row) for row in rows], right_aligned=range(1, len(WORDS_HEADER)),
                           escape=backslash_pipes)
    return f"\n**{WORDS_TITLE.rstrip(':')}**\n\n" + table + "\n"
