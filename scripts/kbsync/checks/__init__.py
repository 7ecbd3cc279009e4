"""The registry of checks: every check is listed here and nowhere else.

A pair check is `check(pair, context) -> iterable of Finding`; a tree check is
`check_tree(context) -> iterable of Finding`. Checks are pure: they read data, never files.
"""

from __future__ import annotations

from kbsync.checks import (
    figures,
    front_matter,
    language_folders,
    links,
    page_reading,
    review_date,
    structure,
    sync_status,
    terms,
    untranslated,
)

PAIR_CHECKS = (
    page_reading.check,
    front_matter.check,
    review_date.check,
    sync_status.check,
    structure.check,
    links.check,
    figures.check,
    terms.check,
    untranslated.check,
)

TREE_CHECKS = (language_folders.check_tree,)
