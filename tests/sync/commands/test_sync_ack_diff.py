"""sync, ack and diff: what they write, what they refuse, and what git tells them."""

from __future__ import annotations

import datetime
import re
import subprocess

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"
LANGS = ("it", "fr", "en")


def provenance(kb, relative):
    return dict(re.findall(r'^    (\S+): "((?:[0-9]+:)?[0-9a-f]{16})"$', kb.text(relative), re.M))


def test_sync_records_every_section_in_source_order(kb):
    result = kb.run("sync", "it", IT)
    assert (result.code, result.out) == (0, f"{IT}: recorded _intro, basics, quality-indicators\n")
    assert list(provenance(kb, IT)) == ["_intro", "basics", "quality-indicators"]
    assert kb.run("sync", "it", PAGE).out == \
        f"{IT}: already recorded, unchanged: _intro, basics, quality-indicators\n"


def test_sync_accepts_source_path_and_page_path(kb):
    assert kb.run("sync", "fr", DE).out == \
        "docs/fr/guidelines/service-quality.md: recorded _intro, basics, quality-indicators\n"


def test_sync_one_section_keeps_the_others(synced):
    before = provenance(synced, IT)
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit(DE, "Sie sind in den", "Sie sind in fast allen")
    synced.edit(IT, "200 risposte", "250 risposte")
    result = synced.run("sync", "it", PAGE, "--section", "quality-indicators")
    assert result.code == 0
    after = provenance(synced, IT)
    assert after["basics"] == before["basics"] and after["_intro"] == before["_intro"]
    assert after["quality-indicators"] != before["quality-indicators"]
    lines = synced.run("check", "--lang", "it", "--fail-on", "outdated").lines
    assert [line.split(" ")[1] for line in lines] == ["KB801"] and "`basics`" in lines[0]


def test_sync_refuses_unknown_sections_and_missing_pages(synced):
    result = synced.run("sync", "it", PAGE, "--section", "nope")
    assert result.code == 2
    assert result.err.startswith(f"kbsync: error: section `nope` is not in {DE} (sections of the "
                                 "source: _intro, basics, quality-indicators)")
    (synced.root / "docs/it/metrics/nps.md").unlink()
    result = synced.run("sync", "it", "metrics/nps.md")
    assert result.code == 2
    assert "docs/it/metrics/nps.md does not exist" in result.err
    assert synced.run("sync", "de", PAGE).code == 2


def test_sync_keeps_comments_quoting_and_key_order(kb):
    text = kb.text(IT).replace("title: Qualità del servizio",
                               "# the title is shown in the browser tab\ntitle: 'Qualità del servizio'  # quoted")
    text = text.replace("review_interval_months: 12\n", "l10n:\n  old: stuff\n# about the owner\n"
                        "review_interval_months: 12\n")
    kb.write(IT, text)
    assert kb.run("sync", "it", PAGE).code == 0
    after = kb.text(IT)
    assert after.startswith("---\n# the title is shown in the browser tab\n"
                            "title: 'Qualità del servizio'  # quoted\n")
    assert "l10n:\n  source_sections:\n    _intro: \"" in after
    assert '"\n# about the owner\nreview_interval_months: 12\n---\n' in after
    assert after.split("---\n", 2)[2] == text.split("---\n", 2)[2]


def test_done_when_edit_diff_sync_and_ack(synced):
    synced.init_git()
    synced.commit("translations synced")
    synced.edit(DE, "mit mindestens 200 Antworten pro Team", "mit mindestens 250 Antworten pro Team")
    synced.commit("more answers")
    result = synced.run("check", "--fail-on", "outdated")
    assert [line.split(": ")[0] for line in result.lines] == [
        f"docs/{lang}/guidelines/service-quality.md:23" for lang in ("en", "fr", "it")]
    diff = synced.run("diff", "it", PAGE)
    assert diff.code == 1
    assert diff.lines[0] == f"{IT}:"
    assert re.fullmatch(rf"  section `quality-indicators`: changed in {DE}:18 since it was translated "
                        r"\(commit [0-9a-f]{12}\)", diff.lines[1])
    assert "    Wir messen den Net Promoter Score jeden Monat mit mindestens [-200-]{+250+} Antworten " \
           "pro Team, siehe [NPS](../metrics/nps.md)." in diff.lines
    for lang, before, after in (("it", "200 risposte", "250 risposte"),
                                ("fr", "200 réponses", "250 réponses"),
                                ("en", "200 answers", "250 answers")):
        synced.edit(f"docs/{lang}/guidelines/service-quality.md", before, after)
        assert synced.run("sync", lang, PAGE).code == 0
    assert synced.run("check", "--fail-on", "outdated").out == ""
    synced.commit("translated")
    # a typo fix needs no retranslation
    synced.edit(DE, "Kleine Teams warten drei Monate", "Kleine Teams warten drei Monate,")
    translations = {lang: synced.read(f"docs/{lang}/guidelines/service-quality.md") for lang in LANGS}
    result = synced.run("ack", DE, "--section", "quality-indicators")
    assert result.code == 0, result.err
    assert re.fullmatch(rf"section `quality-indicators` \({DE}:18\), the change since commit [0-9a-f]{{12}}; "
                        "languages: it, fr, en", result.lines[0])
    assert "        Kleine Teams warten drei Monate,{+,+} bevor sie ihre Werte vergleichen." in result.lines
    today = datetime.date.today().isoformat()
    assert result.lines[-3:] == [f"docs/{lang}/guidelines/service-quality.md: acknowledged "
                                 f"quality-indicators (by KB Test, {today})" for lang in LANGS]
    assert synced.run("check", "--fail-on", "outdated").out == ""
    for lang in LANGS:
        after = synced.read(f"docs/{lang}/guidelines/service-quality.md")
        assert after.split(b"\n---\n", 1)[1] == translations[lang].split(b"\n---\n", 1)[1]


def test_ack_leaves_a_language_that_was_already_behind(synced):
    synced.init_git()
    synced.commit("synced")
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.commit("real change")
    for lang in ("fr", "en"):
        synced.edit(f"docs/{lang}/guidelines/service-quality.md", "200", "250")
        synced.run("sync", lang, PAGE)
    synced.commit("fr and en translated, it not yet")
    synced.edit(DE, "Kleine Teams", "Kleine  Teams,")
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 1
    assert f"{IT}: section `quality-indicators` was already outdated before this change; not " \
           "acknowledged" in result.err
    lines = synced.run("check", "--fail-on", "outdated").lines
    assert [line.split(": ")[0] for line in lines] == [f"{IT}:23"]


def test_ack_without_git_rebaselines_every_language(synced):
    synced.edit(DE, "Kleine Teams", "Kleine Teams,")
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 0
    assert result.err.startswith(f"kbsync: {DE}: no git history (")
    assert result.err.endswith(": re-baselining `quality-indicators` in every language that "
                               "recorded it\n")
    assert synced.run("check", "--fail-on", "outdated").out == ""


def test_ack_unknown_section(synced):
    result = synced.run("ack", PAGE, "--section", "nope")
    assert (result.code, result.err) == (2, f"kbsync: error: section `nope` is not in {DE} "
                                            "(sections: _intro, basics, quality-indicators)\n")


def test_diff_without_history_still_names_the_sections(synced):
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit(DE, "## Die Qualitätskennzahlen", "## Neu {#new}\n\nNeuer Text.\n\n## Die Qualitätskennzahlen")
    result = synced.run("diff", "it", IT)
    assert result.code == 1
    assert result.lines[:2] == [f"{IT}:", f"  section `new`: new in {DE}:18, not in the translation yet"]
    assert result.lines[2:5] == ["    {+## Neu {#new}", "", "    Neuer Text.+}"]
    assert result.lines[5].startswith(f"  section `quality-indicators`: changed in {DE}:22; no git history "
                                      "to compare with (")
    assert len(result.lines) == 6


def test_diff_when_the_synced_text_is_not_in_history(synced):
    synced.init_git()
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.commit("only the edited version is committed")
    result = synced.run("diff", "fr", PAGE)
    assert result.lines == ["docs/fr/guidelines/service-quality.md:",
                            f"  section `quality-indicators`: changed in {DE}:18; the synced text (fingerprint "
                            f"{provenance(synced, 'docs/fr/guidelines/service-quality.md')['quality-indicators']}"
                            f") is not in the git history of {DE}"]


def test_diff_of_an_up_to_date_page(synced):
    result = synced.run("diff", "en", PAGE)
    assert (result.code, result.out) == (0, "docs/en/guidelines/service-quality.md: no outdated sections\n")


def test_diff_in_a_shallow_clone_says_so(synced, tmp_path):
    synced.init_git()
    synced.commit("synced")
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.commit("edited")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{synced.root}", str(clone)],
                   check=True, capture_output=True)
    result = synced.run("--config", str(clone / "mkdocs.yml"), "diff", "it", PAGE)
    assert result.code == 1
    assert result.lines[1].endswith(f"is not in the git history of {DE} (shallow clone: git fetch "
                                     "--unshallow)")
