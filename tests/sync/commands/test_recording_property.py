"""Property: `sync` and `ack` change nothing in a page but the lines of the `l10n` key."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

IT = "docs/it/guidelines/service-quality.md"
DE = "docs/de/guidelines/service-quality.md"

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàèéìòùäöüß ", min_size=1, max_size=20).map(
    lambda text: text.strip() or "x")
quoted = st.one_of(
    words,
    words.map(lambda text: "'" + text.replace("'", "''") + "'"),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co", "Cf", "Zl", "Zp")), min_size=1,
            max_size=20).map(lambda text: json.dumps(text, ensure_ascii=False)),
)
comment = words.map(lambda text: f"# {text}")
l10n_chunk = st.one_of(
    st.just(["l10n:", "  source_sections:", '    basics: "0123456789abcdef"']),
    st.just(["l10n: {source_sections: {old: '0000000000000000'}}"]),
    st.just(["l10n:", "  # recorded by kbsync", "  source_sections: {}"]),
    st.just(["l10n: nonsense"]),
)


@st.composite
def front_matters(draw):
    chunks = [[f"title: {draw(quoted)}"], [f"description: {draw(quoted)}"],
              [f"owner: {draw(quoted)}"], ["last_reviewed: 2025-01-15"],
              [f"review_interval_months: {draw(st.integers(1, 36))}"]]
    if draw(st.booleans()):
        chunks.append(["tags:", *[f"  - {draw(words)}" for _ in range(draw(st.integers(1, 3)))]])
    if draw(st.booleans()):
        chunks.append([f"search: {{boost: {draw(st.integers(1, 9))}}}  # {draw(words)}"])
    chunks = draw(st.permutations(chunks))
    for _ in range(draw(st.integers(0, 3))):
        chunks.insert(draw(st.integers(0, len(chunks))), [draw(comment)])
    l10n_at = None
    if draw(st.booleans()):
        l10n_at = draw(st.integers(0, len(chunks)))
        chunks.insert(l10n_at, draw(l10n_chunk))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.booleans())
    return chunks, l10n_at, newline, bom


def render(body, chunks, newline, bom, skip=None):
    lines = [line for index, chunk in enumerate(chunks) if index != skip for line in chunk]
    text = newline.join(["---", *lines, "---", *body.split("\n")])
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


def without_l10n(data: bytes, newline: str) -> bytes:
    """The bytes with the lines of the top-level `l10n` key cut out."""
    lines = data.split(newline.encode())
    start = next(index for index, line in enumerate(lines) if line.startswith(b"l10n:"))
    end = start + 1
    while lines[end].startswith(b"  "):
        end += 1
    return newline.encode().join(lines[:start] + lines[end:])


def front_data(data: bytes) -> dict:
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    return yaml.safe_load(text.split("---\n")[1])


def body_of(kb) -> str:
    """The Italian page's Markdown after its front matter, with LF line endings."""
    return kb.read(IT).decode("utf-8-sig").replace("\r\n", "\n").split("\n---\n", 1)[1]


def assert_only_provenance_changed(body, before: bytes, after: bytes, chunks, l10n_at, newline, bom):
    assert without_l10n(after, newline) == render(body, chunks, newline, bom, skip=l10n_at)
    old, new = front_data(before), front_data(after)
    old.pop("l10n", None)
    provenance = new.pop("l10n")
    assert old == new
    assert list(provenance["source_sections"]) == ["_intro", "basics", "quality-indicators"]


SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(front_matters())
def test_sync_changes_only_the_provenance_key(kb, generated):
    chunks, l10n_at, newline, bom = generated
    body = body_of(kb)
    before = render(body, chunks, newline, bom)
    kb.write(IT, before)
    result = kb.run("sync", "it", IT)
    assert result.code == 0, result.err
    assert_only_provenance_changed(body, before, kb.read(IT), chunks, l10n_at, newline, bom)


@SETTINGS
@given(front_matters())
def test_ack_changes_only_the_provenance_key(kb, generated):
    chunks, l10n_at, newline, bom = generated
    body = body_of(kb)
    kb.write(IT, render(body, chunks, newline, bom))
    assert kb.run("sync", "it", IT).code == 0
    before = kb.read(IT)
    original = kb.text(DE)
    kb.edit(DE, "Kleine Teams warten", "Kleine Teams warten,")
    try:
        result = kb.run("ack", DE, "--section", "quality-indicators")
    finally:
        kb.write(DE, original)
    assert result.code == 0, result.err
    after = kb.read(IT)
    assert after != before
    assert_only_provenance_changed(body, before, after, chunks, l10n_at, newline, bom)


names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co", "Cf", "Zl", "Zp")), min_size=1,
                max_size=20).filter(lambda text: text.strip() and text.strip().isprintable())


@SETTINGS
@given(front_matters(), names)
def test_sync_with_a_translator_changes_only_the_provenance_key(kb, generated, name):
    chunks, l10n_at, newline, bom = generated
    body = body_of(kb)
    before = render(body, chunks, newline, bom)
    kb.write(IT, before)
    dry = kb.run("sync", "it", IT, f"--translator={name}", "--dry-run")
    assert dry.code == 0, dry.err
    assert kb.read(IT) == before
    result = kb.run("sync", "it", IT, f"--translator={name}")
    assert result.code == 0, result.err
    after = kb.read(IT)
    assert_only_provenance_changed(body, before, after, chunks, l10n_at, newline, bom)
    translated = front_data(after)["l10n"]["translated"]
    assert {section: record["by"] for section, record in translated.items()} == dict.fromkeys(
        ["_intro", "basics", "quality-indicators"], name.strip())


@SETTINGS
@given(front_matters(), names)
def test_forced_ack_changes_only_the_provenance_key(kb, generated, name):
    chunks, l10n_at, newline, bom = generated
    body = body_of(kb)
    kb.write(IT, render(body, chunks, newline, bom))
    assert kb.run("sync", "it", IT).code == 0
    before = kb.read(IT)
    original = kb.text(DE)
    kb.edit(DE, "200 Antworten", "300 Antworten")  # a change of meaning: refused unless forced
    try:
        refused = kb.run("ack", DE, "--section", "quality-indicators", f"--by={name}")
        unchanged = kb.read(IT)
        dry = kb.run("ack", DE, "--section", "quality-indicators", "--force", f"--reason={name}", f"--by={name}",
                     "--dry-run")
        dry_unchanged = kb.read(IT)
        result = kb.run("ack", DE, "--section", "quality-indicators", "--force", f"--reason={name}", f"--by={name}")
    finally:
        kb.write(DE, original)
    assert (refused.code, unchanged) == (1, before)
    assert (dry.code, dry_unchanged) == (0, before)
    assert result.code == 0, result.err
    after = kb.read(IT)
    assert_only_provenance_changed(body, before, after, chunks, l10n_at, newline, bom)
    record = front_data(after)["l10n"]["acknowledged"]["quality-indicators"]
    assert (record["by"], record["reason"]) == (name.strip(), name.strip())
