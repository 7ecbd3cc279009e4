"""The date a page's text last changed (the footer's "text last changed"): from git, text only.

A commit that only rewrote the `l10n` fingerprints (`kbsync sync`, `kbsync migrate`) or the review
date changed no text a reader sees.
"""

from __future__ import annotations

import re

import pytest

from kbsync.config import load_site_config
from kbsync.history.changes import last_changed

IT = "docs/it/guidelines/service-quality.md"
DE = "docs/de/guidelines/service-quality.md"


@pytest.fixture
def commit(kb, monkeypatch):
    kb.init_git()

    def commit_on(day: str) -> None:
        monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T10:00:00")
        monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T10:00:00")
        kb.commit(day)
    return commit_on


def dates(kb) -> dict[str, str]:
    return {path: day.isoformat() for path, day in last_changed(load_site_config(kb.root / "mkdocs.yml")).items()}


def test_only_a_change_of_the_text_dates_the_page(kb, commit):
    commit("2026-01-10")
    assert kb.run("sync", "it", "guidelines/service-quality.md").code == 0
    commit("2026-02-10")
    kb.write(IT, re.sub(r"^last_reviewed: .*$", "last_reviewed: 2026-03-01", kb.text(IT), count=1, flags=re.M))
    commit("2026-03-10")
    assert dates(kb)[IT] == "2026-01-10", "fingerprints and the review date are no change of the text"

    kb.edit(IT, "Nella maggior parte dei casi", "In quasi tutti i casi")
    commit("2026-04-10")
    kb.write("docs/fr/nouvelle-page.md", "---\ntitle: Nouvelle\n---\n\n# Nouvelle\n")
    commit("2026-05-10")
    found = dates(kb)
    assert found[IT] == "2026-04-10"
    assert found["docs/fr/nouvelle-page.md"] == "2026-05-10", "a new file is a change"
    assert found[DE] == "2026-01-10"


def test_a_title_change_in_the_front_matter_is_a_change(kb, commit):
    commit("2026-01-10")
    kb.edit(IT, "title: Qualità del servizio", "title: La qualità del servizio")
    commit("2026-02-10")
    assert dates(kb)[IT] == "2026-02-10"
