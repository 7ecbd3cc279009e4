"""The per-section records of `l10n` (translated, reviewed, acknowledged): written, read back,
voided by a source change, and reported (never dropped) when malformed."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from kbsync.commands.recording import rerecord
from kbsync.model import Provenance, Record
from kbsync.reading.analysis import read_provenance
from kbsync.reading.front_matter import split_front_matter
from kbsync.writing.provenance import set_provenance

PAGE = b"---\ntitle: Pagina  # a comment\nowner: Qualit\xc3\xa0\n---\n\nTesto.\n"
DAY = datetime.date(2026, 11, 29)


def read_back(data: bytes) -> Provenance | None:
    text = data.decode("utf-8")
    return read_provenance(split_front_matter(text).data, text)


def test_records_round_trip_and_leave_every_other_byte():
    provenance = Provenance({"_intro": "2:0123456789abcdef", "basics": "2:fedcba9876543210"},
                            translated={"basics": Record("Maria Rossi", DAY)},
                            reviewed={"basics": Record('Luca "Lu" Bianchi', DAY)},
                            acknowledged={"_intro": Record("Anna", DAY, "typo: Komma")})
    written = set_provenance(PAGE, provenance, "it.md")
    assert written.startswith(b"---\ntitle: Pagina  # a comment\nowner: Qualit\xc3\xa0\nl10n:\n")
    assert written.endswith(b"---\n\nTesto.\n")
    assert b'    basics: {by: "Maria Rossi", date: 2026-11-29}\n' in written
    assert read_back(written) == provenance
    # Written again without records: the record lines go, nothing else moves.
    assert set_provenance(written, Provenance(dict(provenance.source_sections)), "it.md") \
        == set_provenance(PAGE, Provenance(dict(provenance.source_sections)), "it.md")


PRINTABLE = st.text(min_size=1, max_size=30).filter(lambda text: text.strip() and text.isprintable())


@given(PRINTABLE, st.one_of(st.none(), PRINTABLE))
def test_any_name_and_reason_survive(name, reason):
    provenance = Provenance({"basics": "2:0123456789abcdef"},
                            translated={"basics": Record(name, DAY, reason)})
    assert read_back(set_provenance(PAGE, provenance, "it.md")) == provenance


def test_a_malformed_record_is_kept_with_its_line():
    data = (b"---\ntitle: T\nl10n:\n  source_sections:\n    basics: \"2:0123456789abcdef\"\n"
            b"  reviewed:\n    basics: {by: \"\", date: 2026-11-29}\n---\n")
    provenance = read_back(data)
    assert provenance.source_sections == {"basics": "2:0123456789abcdef"}
    assert provenance.reviewed == {}
    [entry] = provenance.malformed
    assert (entry.key, entry.section_id, entry.line) == ("reviewed", "basics", 7)


def test_a_source_change_voids_the_records_of_that_section_only():
    current = Provenance({"a": "2:0000000000000001", "b": "2:0000000000000002"},
                         translated={"a": Record("T", DAY), "b": Record("T", DAY)},
                         reviewed={"a": Record("R", DAY), "b": Record("R", DAY)})
    later = datetime.date(2026, 12, 1)
    after = rerecord(current, {"a": "2:0000000000000009", "b": "2:0000000000000002"},
                     translated=Record("New", later))
    assert after.translated == {"a": Record("New", later), "b": Record("T", DAY)}
    assert after.reviewed == {"b": Record("R", DAY)}
    # Without a name, nothing is invented: the section has no translator on record.
    assert rerecord(current, {"a": "2:0000000000000009"}).translated == {}
