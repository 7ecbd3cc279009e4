"""Local sections (KB310–KB315): a rule of one market, in its translation only, is no drift and is
checked by its own rules. A synced copy of the test knowledge base gets a local section; each test
changes one thing and expects the exact finding."""

from __future__ import annotations

import datetime
import json

import jsonschema

from kbsync.reading.schemas import load_schema
from kbsync.review import next_review

DE = "docs/de/guidelines/service-quality.md"
IT = "docs/it/guidelines/service-quality.md"
PAGE = "guidelines/service-quality.md"
TODAY = datetime.date.today()
REVIEWED = TODAY.isoformat()
NEXT_REVIEW = next_review({"last_reviewed": TODAY, "review_interval_months": 12}).isoformat()

# A local section with a list item, a figure and a link of its own, between two group sections: were it
# part of `basics`, that section would differ from German in list items, figures and links.
LOCAL = """\
## Reclami: termini in Italia {#local-complaint-deadlines .local}

- Rispondiamo entro 60 giorni dalla ricezione (Banca d'Italia, Trasparenza, sezione XI).
- Se il cliente non è soddisfatto può rivolgersi all'[Arbitro Bancario Finanziario](https://www.arbitrobancariofinanziario.it/).

"""
ENTRY = ("local_sections:\n  local-complaint-deadlines:\n    owner: Compliance Italia\n"
         f"    last_reviewed: {REVIEWED}\n    review_interval_months: 12\n    adds_to: basics\n")


def add_local(kb, before: str = "## Gli indicatori di qualità", local: str = LOCAL, entry: str | None = ENTRY) -> None:
    """The local section before the heading `before` of the Italian page, and its front matter entry."""
    kb.edit(IT, before, local + before)
    if entry is not None:
        kb.edit(IT, "review_interval_months: 12\n", "review_interval_months: 12\n" + entry)


def line_of(kb, path: str, needle: str) -> int:
    return next(number for number, text in enumerate(kb.text(path).split("\n"), 1) if needle in text)


def test_a_local_section_is_no_drift_and_leaves_the_group_sections_around_it_alone(synced):
    add_local(synced)
    result = synced.run("check", "--fail-on", "outdated")
    assert (result.code, result.out) == (0, "")
    assert synced.run("diff", "it", PAGE).code == 0


def test_a_local_section_after_a_subsection_of_the_group_section_it_adds_to(synced):
    for lang, title in (("de", "Im Detail"), ("it", "Nel dettaglio"), ("fr", "En détail"), ("en", "In detail")):
        path = f"docs/{lang}/{PAGE}"
        heading = next(line for line in synced.text(path).split("\n") if line.endswith("{#quality-indicators}"))
        synced.edit(path, heading, f"### {title} {{#basics-detail}}\n\n{heading}")
    for lang in ("it", "fr", "en"):
        assert synced.run("sync", lang, PAGE).code == 0
    add_local(synced)
    assert synced.findings() == []
    # Between `basics` and its subsection, a level-2 local section would take the subsection in.
    text = synced.text(IT)
    synced.write(IT, text.replace(LOCAL, ""))
    synced.edit(IT, "### Nel dettaglio", LOCAL + "### Nel dettaglio")
    assert synced.findings() == [
        f"{IT}:{line_of(synced, IT, '.local}')}: KB311 local section `local-complaint-deadlines` is a level-2 "
        "heading followed by the level-3 group section `basics-detail`, which would read as part of it: move the "
        "local section after `basics-detail`, or make its heading level 3"]
    synced.edit(IT, "## Reclami: termini in Italia", "### Reclami: termini in Italia")
    assert synced.findings() == []


def test_sync_records_no_local_section(synced):
    add_local(synced)
    assert synced.run("sync", "it", PAGE).code == 0
    text = synced.text(IT)
    recorded = text[text.index("source_sections:"):text.index("---", 4)]
    assert "local-complaint-deadlines" not in recorded
    assert "local-complaint-deadlines:\n    owner: Compliance Italia" in text  # its entry is kept
    assert synced.findings() == []


def test_a_local_section_without_owner_or_review_date_is_a_finding(synced):
    add_local(synced, entry=None)
    heading = line_of(synced, IT, "{#local-complaint-deadlines .local}")
    assert synced.findings() == [
        f"{IT}:{heading}: KB312 local section `local-complaint-deadlines` has no owner or review date: add it "
        "to `local_sections:` in the front matter as `local-complaint-deadlines: {owner: <compliance function>, "
        "last_reviewed: YYYY-MM-DD, review_interval_months: 12, adds_to: <group section ID>}`"]


def test_an_entry_without_owner_or_with_a_broken_date_is_a_finding(synced):
    add_local(synced, entry=ENTRY.replace("    owner: Compliance Italia\n", "")
              .replace(f"last_reviewed: {REVIEWED}", "last_reviewed: 2026-13-01")
              .replace("review_interval_months: 12", "review_interval_months: 24"))
    entry = line_of(synced, IT, "  local-complaint-deadlines:")
    lines = synced.findings()
    assert [line.split(" ")[:2] for line in lines] == [[f"{IT}:{entry}:", "KB312"]] * 3
    assert "`local_sections.local-complaint-deadlines.owner`: is missing; expected the market's compliance " \
           "function, a role, like `owner: Compliance Italia`" in lines[0] + lines[1] + lines[2]
    assert any("`local_sections.local-complaint-deadlines.review_interval_months`: 24 is greater than the "
               "maximum of 12" in line for line in lines)
    assert any("`local_sections.local-complaint-deadlines.last_reviewed`" in line for line in lines)
    assert not any(" KB202 " in line for line in lines)  # reported once, by the local sections check


def test_review_due_and_review_in_future(synced):
    long_ago = TODAY - datetime.timedelta(days=800)
    add_local(synced, entry=ENTRY.replace(f"last_reviewed: {REVIEWED}", f"last_reviewed: {long_ago.isoformat()}"))
    entry = line_of(synced, IT, "  local-complaint-deadlines:")
    due = next_review({"last_reviewed": long_ago, "review_interval_months": 12})
    result = synced.run("check", "--fail-on", "warning")
    assert (result.code, result.lines) == (1, [
        f"{IT}:{entry}: KB313 local section `local-complaint-deadlines`: review due since {due.isoformat()}: "
        "check it against the current local rule, then set `local_sections.local-complaint-deadlines.last_reviewed:` "
        "to the date of the review"])
    future = datetime.date.today() + datetime.timedelta(days=3)
    synced.edit(IT, f"last_reviewed: {long_ago.isoformat()}", f"last_reviewed: {future.isoformat()}")
    assert synced.findings() == [
        f"{IT}:{entry}: KB312 `local_sections.local-complaint-deadlines.last_reviewed: {future.isoformat()}` is in "
        f"the future (today is {datetime.date.today().isoformat()}): set the date of the last review"]


def test_an_id_without_the_local_prefix(synced):
    add_local(synced, local=LOCAL.replace("#local-complaint-deadlines", "#complaint-deadlines"),
              entry=ENTRY.replace("local-complaint-deadlines", "complaint-deadlines"))
    heading = line_of(synced, IT, "{#complaint-deadlines .local}")
    assert synced.findings() == [
        f"{IT}:{heading}: KB310 local section ID `complaint-deadlines` does not start with `local-`: write "
        "`{#local-complaint-deadlines .local}` (and the same key in `local_sections`), so that no section of the "
        "source can ever take it"]


def test_an_id_of_the_source_page(synced):
    synced.edit(IT, "{#quality-indicators}", "{#quality-indicators .local}")
    synced.edit(IT, "review_interval_months: 12\n", "review_interval_months: 12\n" + ENTRY.replace(
        "local-complaint-deadlines", "quality-indicators"))
    lines = synced.findings(IT)
    heading = line_of(synced, IT, "{#quality-indicators .local}")
    assert f"{IT}:{heading}: KB310 local section ID `quality-indicators` is an ID of the source page: give the " \
           "local section an ID of its own; if this is the group section, remove `.local`" in lines
    # The group section it hides is missing from the translation, as it would be without it.
    assert any(" KB304 section `quality-indicators` was translated before but is missing now" in line
               for line in lines)


def test_placement_after_the_group_section_it_adds_to(synced):
    add_local(synced, before="## Gli elementi fondamentali")
    heading = line_of(synced, IT, "{#local-complaint-deadlines .local}")
    assert synced.findings() == [
        f"{IT}:{heading}: KB311 local section `local-complaint-deadlines` adds to `basics` but does not follow "
        "it: move it to right after section `basics` (after its subsections, before the next section at its level)"]
    synced.edit(IT, "adds_to: basics", "adds_to: intro")
    entry = line_of(synced, IT, "  local-complaint-deadlines:")
    assert synced.findings() == [
        f"{IT}:{entry}: KB311 `local_sections.local-complaint-deadlines.adds_to: intro` is no section of this "
        "page: name the group section the local section adds to"]
    synced.edit(IT, "    adds_to: intro\n", "")
    assert synced.findings() == [
        f"{IT}:{entry}: KB311 front matter `local_sections.local-complaint-deadlines.adds_to`: is missing; "
        "expected the ID of the group section this local section follows and adds to, like `adds_to: complaints`"]


def test_a_local_section_at_the_end_of_the_page(synced):
    text = synced.text(IT)
    synced.write(IT, text + "\n" + LOCAL)
    synced.edit(IT, "review_interval_months: 12\n", "review_interval_months: 12\n"
                + ENTRY.replace("adds_to: basics", "adds_to: quality-indicators"))
    assert synced.findings() == []


def test_entries_without_their_section(synced):
    second = ENTRY.replace("local_sections:\n", "").replace("local-complaint-deadlines", "local-ombudsman")
    add_local(synced, entry=ENTRY + second)
    entry = line_of(synced, IT, "  local-ombudsman:")
    assert synced.findings() == [
        f"{IT}:{entry}: KB315 `local_sections.local-ombudsman` names no section of this page: add the heading "
        "`{#local-ombudsman .local}` or remove the entry"]


def test_an_entry_whose_heading_is_not_marked_local(synced):
    add_local(synced, local=LOCAL.replace(" .local}", "}"))
    entry = line_of(synced, IT, "  local-complaint-deadlines:")
    lines = synced.findings()
    assert f"{IT}:{entry}: KB315 `local_sections.local-complaint-deadlines`: the heading " \
           "`{#local-complaint-deadlines}` is not marked local: write `{#local-complaint-deadlines .local}`" in lines
    # Without `.local`, it is an unknown section, and `basics` is compared without it.
    assert any(" KB303 section `local-complaint-deadlines` does not exist in" in line for line in lines)


def test_no_local_section_on_the_source_page(synced):
    synced.edit(DE, "{#quality-indicators}", "{#quality-indicators .local}")
    synced.edit(DE, "## Die Grundlagen {#basics}", "## Die Grundlagen {#local-basics}")
    synced.edit(DE, "review_interval_months: 12\n", "review_interval_months: 12\n" + ENTRY)
    lines = synced.findings(DE)
    move = "the group text applies in every market; a local rule goes into the translation of its market"
    assert lines == [
        f"{DE}:{line_of(synced, DE, 'local_sections:')}: KB314 `local_sections` on the source page: {move}; remove the key",
        f"{DE}:{line_of(synced, DE, '{#local-basics}')}: KB314 section ID `local-basics` starts with `local-`, which "
        "is kept for local sections of translations: give the section another ID",
        f"{DE}:{line_of(synced, DE, '.local}')}: KB314 heading `quality-indicators` is marked `.local` on the source "
        f"page: {move}",
    ]
    # On the source, `.local` marks nothing: the section stays a group section every translation has (whose
    # heading line changed, as with any edit of it).
    assert [line.split(" ")[1] for line in synced.findings(IT) if "`quality-indicators`" in line] == ["KB801"]


def test_forbidden_terms_apply_to_local_text(synced):
    synced.write("docs/termbase.yml", """\
version: 1
concepts:
  - id: nps
    abbreviation: NPS
    de: {term: Net Promoter Score}
    it: {term: Net Promoter Score, forbidden: [Net Promoteur Score]}
    fr: {term: Net Promoter Score}
    en: {term: Net Promoter Score}
""")
    add_local(synced, local=LOCAL.replace("Rispondiamo entro", "Il Net Promoteur Score non conta: rispondiamo entro"))
    assert synced.findings() == [
        f"{IT}:{line_of(synced, IT, 'Net Promoteur')}: KB601 `Net Promoteur Score` is a forbidden variant: write "
        "`Net Promoter Score` (termbase: nps)"]


def test_status_counts_local_sections_and_json_lists_them(synced):
    add_local(synced)
    text = synced.run("status", "--lang", "it")
    assert text.code == 0
    assert text.lines[-2:] == [
        "local sections: Italiano (it) 1",
        f"  {IT}#local-complaint-deadlines: Compliance Italia, reviewed {REVIEWED}, due {NEXT_REVIEW}"]
    assert synced.run("status").lines[-2] == "local sections: Italiano (it) 1, Français (fr) 0, English (en) 0"
    markdown = synced.run("status", "--format", "markdown").lines
    assert markdown[-1] == f"| `{IT}#local-complaint-deadlines` | Compliance Italia | {REVIEWED} | {NEXT_REVIEW} |"
    result = synced.run("status", "--format", "json")
    document = json.loads(result.out)
    jsonschema.validate(document, load_schema("status-report.schema.json"))
    assert {language["lang"]: language["local_sections"] for language in document["languages"]} == {
        "it": 1, "fr": 0, "en": 0}
    assert document["local_sections"] == [{
        "lang": "it", "page": PAGE, "path": IT, "id": "local-complaint-deadlines",
        "title": "Reclami: termini in Italia", "line": line_of(synced, IT, ".local}"), "owner": "Compliance Italia",
        "last_reviewed": REVIEWED, "due": NEXT_REVIEW}]
    # Local sections are not among the page's sections, whose states are drift.
    page = next(item for item in document["pages"] if item["lang"] == "it" and item["page"] == PAGE)
    assert [section["id"] for section in page["sections"]] == ["_intro", "basics", "quality-indicators"]
    assert page["state"] == "up_to_date"


def test_the_reader_marks_local_sections_on_translations_only(kb):
    from kbsync.config import load_site_config
    from kbsync.reading.analysis import Analyzer

    analyzer = Analyzer(load_site_config(kb.root / "mkdocs.yml"))
    text = ("---\ntitle: T\n" + ENTRY + "---\n\n# T\n\n## Gruppo {#basics}\n\nTesto.\n\n" + LOCAL
            + "## Altro {#other}\n\nAncora.\n")
    translation = analyzer.analyze(text.encode(), "it")
    assert [(section.id, section.local) for section in translation.sections] == [
        ("_intro", False), ("basics", False), ("local-complaint-deadlines", True), ("other", False)]
    assert translation.section_ids == ("_intro", "basics", "other")
    assert translation.section("local-complaint-deadlines") is None
    assert [section.id for section in translation.local_sections] == ["local-complaint-deadlines"]
    # The group section ends where the local one starts.
    assert translation.section("basics").raw.rstrip().endswith("Testo.")
    entry = translation.local_entry("local-complaint-deadlines")
    assert (entry.line, entry.owner, entry.last_reviewed, entry.review_interval_months, entry.adds_to) == (
        4, "Compliance Italia", TODAY, 12, "basics")
    source = analyzer.analyze(text.encode(), "de")
    assert not any(section.local for section in source.sections)
    assert "local-complaint-deadlines" in source.section_ids
    assert [heading.id for heading in source.headings if heading.local] == ["local-complaint-deadlines"]


def test_local_sections_that_is_not_a_mapping(synced):
    add_local(synced, entry="local_sections: [local-complaint-deadlines]\n")
    key = line_of(synced, IT, "local_sections:")
    heading = line_of(synced, IT, ".local}")
    assert synced.findings() == [
        f"{IT}:{key}: KB312 front matter `local_sections`: ['local-complaint-deadlines'] is not of type 'object'; "
        "expected on a translated page only: its local sections, by the ID of their heading `{#local-... .local}`, "
        "each with `owner`, `last_reviewed`, `review_interval_months` "
        "and `adds_to`, like `local_sections: {local-complaint-deadlines: {owner: Compliance Italia, "
        "last_reviewed: 2026-11-29, review_interval_months: 12, adds_to: complaints}}`",
        f"{IT}:{heading}: KB312 local section `local-complaint-deadlines` has no owner or review date: add it to "
        "`local_sections:` in the front matter as `local-complaint-deadlines: {owner: <compliance function>, "
        "last_reviewed: YYYY-MM-DD, review_interval_months: 12, adds_to: <group section ID>}`"]
