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


def test_review_dated_in_the_future_is_an_error_not_a_due_date(synced):
    import datetime
    today = datetime.date.today()
    future = today + datetime.timedelta(days=400)  # past any interval, were it counted from today
    _set_review(synced, DE, future.isoformat(), 1)
    import re
    written = re.search(r"^last_reviewed: (\S+)$", synced.text("docs/it/metrics/nps.md"), re.M).group(1)
    synced.edit("docs/it/metrics/nps.md", f"last_reviewed: {written}", f"last_reviewed: '{future.isoformat()}'")
    assert synced.findings(DE, "docs/it/metrics/nps.md") == [
        f"{DE}:5: KB205 `last_reviewed: {future.isoformat()}` is in the future (today is {today.isoformat()}): "
        "a review cannot have happened yet; set the date of the last review",
        f"docs/it/metrics/nps.md:5: KB205 `last_reviewed: {future.isoformat()}` is in the future (today is "
        f"{today.isoformat()}): a review cannot have happened yet; set the date of the last review",
    ]
    assert synced.run("check", "--fail-on", "error", DE).code == 1
