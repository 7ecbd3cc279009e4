"""The review_date check (KB204): a translation is changed, the exact finding is expected."""

from __future__ import annotations

DE = "docs/de/guidelines/service-quality.md"


def test_page_past_its_review_date_is_a_warning(synced):
    _set_review(synced, DE, "2020-01-31", 1)
    lines = synced.findings(DE)
    assert lines == [f"{DE}:5: KB204 review due since 2020-02-29: check the page against current practice, "
                     "then set `last_reviewed:` to the date of the review"]
    result = synced.run("check", "--fail-on", "error", DE)
    assert result.code == 0
    assert synced.run("check", "--fail-on", "warning", DE).code == 1


def test_page_within_its_review_interval_is_clean(synced):
    import datetime
    _set_review(synced, DE, (datetime.date.today() - datetime.timedelta(days=20)).isoformat(), 1)
    assert synced.findings(DE) == []


def _set_review(kb, path, reviewed, months):
    import re
    text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {reviewed}", kb.text(path))
    kb.write(path, re.sub(r"review_interval_months: \d+", f"review_interval_months: {months}", text))
