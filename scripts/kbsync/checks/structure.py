"""Same sections in the same order and at the same levels; same blocks in each section.

"German has 3 list items, Italian 2": counts of list items, table rows, admonitions, images
and code blocks are compared per section.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from kbsync.checks.context import CheckContext, Pair, compared_sections, finding
from kbsync.checks.ordering import out_of_order, section_orders
from kbsync.codes import Code, Severity
from kbsync.model import BlockCounts, Finding
from kbsync.status import SectionState

CODES = (
    Code("KB301", Severity.ERROR, "section-order",
         "the translation orders its sections differently from the source"),
    Code("KB302", Severity.ERROR, "section-level", "a section's heading level differs from the source"),
    Code("KB303", Severity.ERROR, "unknown-section", "a section ID the source never had"),
    Code("KB304", Severity.ERROR, "dropped-section",
         "a section synced before is missing from the translation"),
    Code("KB305", Severity.ERROR, "block-count", "a section has a different number of list items, "
         "table rows, admonitions, images or code blocks"),
)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    status = context.status(pair)
    if status is None or pair.source is None or pair.translation is None:
        return
    config = context.config
    source_name = config.language_name(config.source_lang)
    name = config.language_name(pair.lang)
    source_ids = pair.source.content.section_ids
    recorded = pair.translation.content.provenance
    for item in status.sections:
        if item.state is SectionState.REMOVED_IN_SOURCE and item.recorded is None:
            close = difflib.get_close_matches(item.id, source_ids, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            yield finding(pair, item.line or 1, "KB303", f"section `{item.id}` does not exist in "
                          f"{status.source_path}{hint}: use the source's heading IDs", item.id)
        elif (item.state is SectionState.NEW_IN_SOURCE and recorded is not None
              and item.id in recorded.source_sections):
            yield finding(pair, 1, "KB304", f"section `{item.id}` was translated before but is "
                          f"missing now: restore `{{#{item.id}}}` from {status.source_path}:"
                          f"{item.source_line}", item.id)
    order = section_orders(pair)
    if order is not None and order.translation != order.source and not order.moved_in_source:
        for section_id in out_of_order(order.source, order.translation):
            section = pair.translation.content.section(section_id)
            position = order.source.index(section_id)
            after = f"after `{order.source[position - 1]}`" if position else "first"
            yield finding(pair, section.line if section else 1, "KB301",
                          f"section `{section_id}` comes {after} in {source_name}: move it",
                          section_id)
    for source, translated in compared_sections(pair, context):
        if source.level != translated.level:
            yield finding(pair, translated.line, "KB302",
                          f"section `{source.id}` is a level-{source.level} heading in "
                          f"{source_name} (`{'#' * source.level}`), level {translated.level} in "
                          f"{name}", source.id)
        for field_name, label in BlockCounts.LABELS.items():
            expected = getattr(source.counts, field_name)
            actual = getattr(translated.counts, field_name)
            if expected != actual:
                yield finding(pair, translated.line, "KB305", f"section `{source.id}`: {source_name} "
                              f"has {expected} {label}, {name} {actual}", source.id)
