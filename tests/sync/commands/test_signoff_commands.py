"""Safe sign-off: `ack` refuses a change of meaning, `sync` refuses what is not translated, both
show what they record and write nothing on --dry-run; real files and real git repositories."""

from __future__ import annotations

import datetime
import re

import yaml

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
FR = "docs/fr/guidelines/service-quality.md"
EN = "docs/en/guidelines/service-quality.md"
NPS_FR = "docs/fr/metrics/nps.md"
PAGE = "guidelines/service-quality.md"


def today():
    """The day the commands record, read when a test runs (a run may cross midnight)."""
    return datetime.date.today()
SMALL_TEAMS = {DE: "warten drei Monate", IT: "aspettano tre mesi", FR: "attendent trois mois",
               EN: "wait three months"}
FIVE = {DE: "warten fünf Monate", IT: "aspettano cinque mesi", FR: "attendent cinq mois", EN: "wait five months"}


def snapshot(kb) -> dict[str, bytes]:
    return {path.relative_to(kb.root).as_posix(): path.read_bytes()
            for path in sorted((kb.root / "docs").rglob("*.md"))}


def l10n(kb, relative: str) -> dict:
    return yaml.safe_load(kb.text(relative).split("---\n")[1])["l10n"]


def five_days_committed(synced):
    """Every language says "five months", synced and committed: `fünf` is what the translators translated."""
    synced.init_git()
    for path in SMALL_TEAMS:
        synced.edit(path, SMALL_TEAMS[path], FIVE[path])
    for lang in ("it", "fr", "en"):
        assert synced.run("sync", lang, PAGE).code == 0
    synced.commit("five months everywhere")
    return synced


# ack ----------------------------------------------------------------------------------------------

def test_ack_refuses_a_number_word_changed_and_writes_nothing(synced):
    kb = five_days_committed(synced)
    kb.edit(DE, "warten fünf Monate", "warten drei Monate")
    before = snapshot(kb)
    result = kb.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 1
    assert snapshot(kb) == before
    assert "        Kleine Teams warten [-fünf-]{+drei+} Monate, bevor sie ihre Werte vergleichen." in result.lines
    assert f"kbsync: {DE}:18: section `quality-indicators`: not acknowledged, the change is one of meaning: " \
           "figures: removed `fünf (5)`, added `drei (3)`\n" in result.err
    assert "--force --reason TEXT" in result.err
    assert [line.split(" ")[1] for line in kb.findings()] == ["KB801"] * 3


def test_ack_refuses_a_figure_changed(synced):
    kb = five_days_committed(synced)
    kb.edit(DE, "mindestens 200 Antworten", "mindestens 300 Antworten")
    before = snapshot(kb)
    result = kb.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 1 and snapshot(kb) == before
    assert "figures: removed `200`, added `300`" in result.err
    assert "mindestens [-200-]{+300+} Antworten" in result.out


def test_ack_dry_run_shows_and_writes_nothing(synced):
    kb = five_days_committed(synced)
    kb.edit(DE, "Kleine Teams", "Die kleinen Teams")
    before = snapshot(kb)
    result = kb.run("ack", PAGE, "--section", "quality-indicators", "--dry-run")
    assert result.code == 0, result.err
    assert snapshot(kb) == before
    assert "        [-Kleine-]{+Die kleinen+} Teams warten fünf Monate, bevor sie ihre Werte vergleichen." \
        in result.lines
    assert result.lines[-3:] == [f"docs/{lang}/{PAGE}: would acknowledge quality-indicators (by KB Test, {today()})"
                                 for lang in ("it", "fr", "en")]
    # and a refused change is refused in a dry run too
    kb.edit(DE, "fünf Monate", "vier Monate")
    assert kb.run("ack", PAGE, "--section", "quality-indicators", "--dry-run").code == 1
    assert snapshot(kb) != before and all(snapshot(kb)[path] == before[path] for path in (IT, FR, EN))


def test_ack_accepts_a_typo_fix_and_records_who(kb):
    kb.edit(DE, "Wir messen den", "Wir mesen den")
    kb.init_git()
    for lang in ("it", "fr", "en"):
        assert kb.run("sync", lang, PAGE, "metrics/nps.md", "--translator", "Anna").code == 0
    kb.commit("translated")
    kb.edit(DE, "Wir mesen den", "Wir messen den")
    result = kb.run("ack", DE, "--section", "quality-indicators")
    assert result.code == 0, result.err
    assert "    Wir [-mesen-]{+messen+} den Net Promoter Score jeden Monat mit mindestens 200 Antworten pro " \
           "Team, siehe [NPS](../metrics/nps.md)." in result.lines
    assert result.lines[-1] == f"{EN}: acknowledged quality-indicators (by KB Test, {today()})"
    record = l10n(kb, FR)
    assert record["acknowledged"] == {"quality-indicators": {"by": "KB Test", "date": today()}}
    # the translator's record was about the text before the change: voided; the others stay
    assert record["translated"] == {"_intro": {"by": "Anna", "date": today()}, "basics": {"by": "Anna", "date": today()}}
    assert kb.findings() == []


def test_ack_force_records_the_reason_and_the_name(synced):
    kb = five_days_committed(synced)
    kb.edit(DE, "warten fünf Monate", "warten drei Monate")
    result = kb.run("ack", PAGE, "--section", "quality-indicators", "--force")
    assert result.code == 2 and "--force needs --reason TEXT" in result.err
    assert kb.run("ack", PAGE, "--section", "quality-indicators", "--reason", "typo").code == 2
    result = kb.run("ack", PAGE, "--section", "quality-indicators", "--force", "--reason",
                    "fünf was a typo: the policy always said three", "--by", "Maria Rossi")
    assert result.code == 0, result.err
    assert "acknowledged by --force (fünf was a typo: the policy always said three) despite: figures: " \
           "removed `fünf (5)`, added `drei (3)`" in result.err
    for path in (IT, FR, EN):
        assert l10n(kb, path)["acknowledged"] == {"quality-indicators": {
            "by": "Maria Rossi", "date": today(), "reason": "fünf was a typo: the policy always said three"}}
    assert kb.findings() == []


def test_ack_force_without_a_name_is_refused(synced):
    kb = five_days_committed(synced)
    kb.git("config", "--unset", "user.name")
    kb.edit(DE, "warten fünf Monate", "warten drei Monate")
    before = snapshot(kb)
    result = kb.run("ack", PAGE, "--section", "quality-indicators", "--force", "--reason", "typo")
    assert result.code == 2
    assert result.err == ("kbsync: error: --force needs a name: an override of the meaning check must say who "
                          "gave it (give --by NAME, or set git's user.name)\n")
    assert snapshot(kb) == before
    # an ordinary acknowledgement without a name records no name
    kb.write(DE, before[DE].replace("warten drei Monate".encode(), "warten fünf Monate,".encode()))
    assert kb.run("ack", PAGE, "--section", "quality-indicators").code == 0
    assert "acknowledged" not in l10n(kb, IT)


def test_ack_refuses_a_link_target_changed(synced):
    kb = five_days_committed(synced)
    kb.edit(DE, "siehe [NPS](../metrics/nps.md)", "siehe [NPS](../metrics/nps.md#scale)")
    result = kb.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 1
    assert "links: removed `../metrics/nps.md`, added `../metrics/nps.md#scale`" in result.err


def test_ack_without_history_compares_each_translation_with_the_source(synced):
    synced.edit(DE, "mindestens 200 Antworten", "mindestens 300 Antworten")
    before = snapshot(synced)
    result = synced.run("ack", PAGE, "--section", "quality-indicators")
    assert result.code == 1 and snapshot(synced) == before
    assert f"{IT}:23: KB501 (figure-missing) section `quality-indicators`: Deutsch has '300', not found in " \
           "Italiano" in result.err
    for path in (IT, FR, EN):
        synced.edit(path, "200", "300")
    assert synced.run("ack", PAGE, "--section", "quality-indicators").code == 0
    assert synced.findings() == []


# sync ---------------------------------------------------------------------------------------------

GERMAN = ("Wir messen den Net Promoter Score jeden Monat mit mindestens 200 Antworten pro Team, "
          "siehe [NPS](../metrics/nps.md).")
FRENCH = ("Nous mesurons le Net Promoter Score chaque mois avec au moins 200 réponses par équipe, "
          "voir [NPS](../metrics/nps.md).")


def test_sync_refuses_a_german_paragraph_in_the_french_page_and_writes_no_page(kb):
    kb.edit(FR, FRENCH, GERMAN)
    before = snapshot(kb)
    result = kb.run("sync", "fr", "metrics/nps.md", PAGE)
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        f"{FR}:20: KB701 (identical-to-source) section `quality-indicators`: this text is identical to "
        "the Deutsch source: translate it",
        "kbsync: refused 1 section; nothing was written: translate what is named above, then sync again "
        "(--force records them as they are)"]
    assert snapshot(kb) == before  # neither page: every page or none


def test_sync_refuses_a_paragraph_in_german_that_is_not_the_source(kb):
    kb.edit(FR, FRENCH, "Wir messen die Zufriedenheit unserer Kundschaft jeden Monat mit mindestens 200 "
                        "Antworten pro Team, siehe [NPS](../metrics/nps.md).")
    result = kb.run("sync", "fr", PAGE)
    assert result.code == 1
    assert f"{FR}:20: KB702 (source-language) section `quality-indicators`: this text reads as Deutsch" in result.err


def test_sync_refuses_a_section_copied_from_german(synced):
    german = synced.text(DE).split("## Die Grundlagen", 1)[1].split("## Die Qualitätskennzahlen")[0]
    italian = synced.text(IT).split("## Gli elementi fondamentali", 1)[1].split("## Gli indicatori")[0]
    synced.edit(DE, "Sie sind in den allermeisten", "Sie sind in fast allen")
    synced.edit(IT, italian, german.replace("Sie sind in den allermeisten", "Sie sind in fast allen"))
    before = snapshot(synced)
    result = synced.run("sync", "it", PAGE)
    assert result.code == 1
    assert [line.split(" ")[:2] for line in result.err.splitlines()[:-1]] == [
        [f"{IT}:20:", "KB701"], [f"{IT}:21:", "KB701"]]
    assert snapshot(synced) == before
    result = synced.run("sync", "it", PAGE, "--force")
    assert result.code == 0
    assert result.out == f"{IT}: recorded basics; already recorded, unchanged: _intro, quality-indicators\n"
    assert result.err.startswith(f"recorded despite (--force): {IT}:20: KB701 (identical-to-source)")
    assert "basics" in l10n(synced, IT)["source_sections"]


def test_sync_judges_only_what_it_records(synced):
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit(IT, "200 risposte", "250 risposte")
    synced.edit(IT, "Identifichi ogni cliente secondo le regole definite localmente.",
                "Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln.")
    # `basics` is recorded already and stays so: `check` reports its German list item, `sync` records the rest
    result = synced.run("sync", "it", PAGE)
    assert (result.code, result.out) == (0, f"{IT}: recorded quality-indicators; already recorded, "
                                            "unchanged: _intro, basics\n")
    assert [line.split(" ")[1] for line in synced.findings("docs/it")] == ["KB701"]


def test_sync_dry_run_shows_and_writes_nothing(kb):
    before = snapshot(kb)
    result = kb.run("sync", "it", PAGE, "metrics/nps.md", "--dry-run", "--translator", "Anna")
    assert result.code == 0
    assert result.lines == [f"{IT}: would record _intro, basics, quality-indicators (translated by Anna, {today()})",
                            f"docs/it/metrics/nps.md: would record _intro (translated by Anna, {today()})"]
    assert snapshot(kb) == before
    kb.edit(IT, "Misuriamo il Net Promoter Score ogni mese con almeno 200 risposte per team, vedi", "Wir messen den Net Promoter Score jeden Monat mit mindestens 200 Antworten pro Team, siehe")
    assert kb.run("sync", "it", PAGE, "--dry-run").code == 1


def test_sync_records_the_translator_for_what_it_records(synced):
    assert "translated" not in l10n(synced, IT)  # no name: no git user.name in the test, no --translator
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit(IT, "200 risposte", "250 risposte")
    result = synced.run("sync", "it", PAGE, "--translator", "Anna Bianchi")
    assert result.out == (f"{IT}: recorded quality-indicators (translated by Anna Bianchi, {today()}); "
                          "already recorded, unchanged: _intro, basics\n")
    assert l10n(synced, IT)["translated"] == {"quality-indicators": {"by": "Anna Bianchi", "date": today()}}
    # a section named is recorded anew with the name given, though its source did not change
    result = synced.run("sync", "it", PAGE, "--section", "basics", "--translator", "Luca")
    assert result.out == f"{IT}: recorded basics (translated by Luca, {today()})\n"
    assert list(l10n(synced, IT)["translated"]) == ["basics", "quality-indicators"]
    assert synced.run("sync", "it", PAGE, "--section", "basics", "--translator", "Luca").out == \
        f"{IT}: already recorded, unchanged: basics\n"
    assert synced.run("sync", "it", PAGE, "--translator", "  ").code == 2


def test_sync_takes_the_translator_from_git(synced):
    synced.init_git()
    synced.edit(DE, "200 Antworten", "250 Antworten")
    synced.edit(FR, "200 réponses", "250 réponses")
    assert synced.run("sync", "fr", PAGE).out.startswith(f"{FR}: recorded quality-indicators (translated by KB Test")


def test_sync_names_a_record_it_drops(synced):
    for path, heading in ((DE, "## Die Grundlagen {#basics}"), (FR, "## Les fondamentaux {#basics}")):
        text = synced.text(path)
        start = text.index(heading)
        synced.write(path, text[:start] + text[text.index("## ", start + 3):])
    result = synced.run("sync", "fr", PAGE)
    assert result.out == f"{FR}: already recorded, unchanged: _intro, quality-indicators; no longer recorded: basics\n"
    assert re.search(r"^    basics:", synced.text(FR), re.M) is None
