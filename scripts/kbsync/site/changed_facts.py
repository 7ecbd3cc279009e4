"""Changed facts in the reader's language: what an outdated section's German text now says in figures.

kbsync.history.facts finds, once per build, which figures of each outdated section changed since
its translation was made (`SiteState.changed_facts`); this module only says it, with the reader's
language profile: its sentences (`facts_*` interface strings), its way of writing each figure
(`LanguageProfile.format_figure`, Babel) and of listing them (Babel's `format_list`). It reads no
file and decides nothing about status.
"""

from __future__ import annotations

from typing import Sequence

from kbsync.history.facts import ADDED, REMOVED, REPLACED, FigureChange
from kbsync.languages import LanguageProfile
from kbsync.site.state import PageView, SiteState


def facts_text(changes: Sequence[FigureChange], profile: LanguageProfile) -> str:
    """`Il testo tedesco ora indica 3 (prima: 5).`, then the figures added and those removed, one
    sentence each; empty without changes."""
    from babel.lists import format_list

    ui, figure = profile.ui, profile.format_figure

    def listed(items: list[str]) -> str:
        return format_list(items, locale=profile.locale)

    replaced = [ui["facts_before"].format(now=figure(change.new), before=figure(change.old))
                for change in changes if change.kind == REPLACED]
    added = [figure(change.new) for change in changes if change.kind == ADDED]
    removed = [figure(change.old) for change in changes if change.kind == REMOVED]
    sentences = [ui[key].format(figures=listed(items))
                 for key, items in (("facts_now", replaced), ("facts_added", added), ("facts_removed", removed)) if items]
    return " ".join(sentences)


def section_facts(state: SiteState, view: PageView, section_id: str) -> str | None:
    """The changed facts of a section of the translated page in view, or None when its figures did not change."""
    changes = state.changed_facts.get((view.lang, view.page, section_id))
    return facts_text(changes, view.profile) if changes else None


def page_has_changed_facts(state: SiteState, view: PageView, section_ids: Sequence[str]) -> bool:
    return any((view.lang, view.page, section_id) in state.changed_facts for section_id in section_ids)
