"""`kbsync import` of a damaged or hostile file: refused whole with the file and line (exit 2), no
traceback, no page changed, nothing read from elsewhere, in bounded time. The parsers resolve no
entity and keep libxml2's limits (no huge_tree), as translate-toolkit's own parser does."""

from __future__ import annotations

import os
import re
import time

from tests.sync.handoff.test_import import translated

BILLION_LAUGHS = ('<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + index)} "{("&" + chr(97 + index) + ";") * 10}">' for index in range(9)) + "]>")


def _with_doctype(data: bytes, doctype: str, entity: str) -> bytes:
    data = data.replace(b"?>\n", b"?>\n" + doctype.encode() + b"\n", 1)
    return data.replace(b'state="translated">', f'state="translated">&{entity};'.encode(), 1)


def hostile_xliff(data: bytes, secret: str) -> dict[str, tuple[bytes, str]]:
    """Name -> (file content, what the message says)."""
    return {
        "billion-laughs": (_with_doctype(data, BILLION_LAUGHS, "j"), "not well-formed XML"),
        "external-entity": (_with_doctype(data, f'<!DOCTYPE xliff [<!ENTITY e SYSTEM "file://{secret}">]>', "e"),
                            "uses the XML entity `&e;`, which kbsync does not expand"),
        "internal-entity": (_with_doctype(data, '<!DOCTYPE xliff [<!ENTITY e "Ecco">]>', "e"),
                            "uses the XML entity `&e;`"),
        "processing-instruction": (data.replace(b'state="translated">', b'state="translated"><?x y?>', 1),
                                   "holds the XML processing instruction `<?x ...?>`"),
        "comment-in-text": (data.replace(b'state="translated">', b'state="translated"><!-- c -->', 1),
                            "has an XML comment inside a unit's text"),
        "truncated": (data[:len(data) // 2], "not well-formed XML"),
        "not-utf8": (data.replace("ü".encode(), b"\xfc", 1) if "ü".encode() in data else b"<x>\xfc</x>",
                     "not well-formed XML"),
        "nul-byte": (data.replace(b"<body>", b"<body>\x00", 1), "not well-formed XML"),
        "nesting-300-deep": (data.replace(b"</source>", b"<g id='1'>" * 300 + b"x" + b"</g>" * 300 + b"</source>", 1),
                             "Excessive depth"),
        "empty": (b"", "not well-formed XML: Document is empty"),
    }


def test_a_hostile_or_damaged_file_is_refused_whole_naming_file_and_line(edited, tmp_path, pseudo, monkeypatch):
    monkeypatch.delenv("KBSYNC_DEBUG", raising=False)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xliff = translated(edited, tmp_path, pseudo).read_bytes()
    assert b'state="translated">' in xliff
    po = tmp_path / "it.po"
    assert edited.run("export", "it", "--format", "po", "--output", str(po)).code == 0
    po_data = po.read_bytes()
    cases = {f"xliff {name}": (".xlf", data, message) for name, (data, message) in hostile_xliff(xliff, secret).items()}
    cases.update({
        "po truncated": (".po", po_data[:po_data.index(b'msgstr "', len(po_data) // 2) + 12] + b"\n", "not a readable PO file"),
        "po not-utf8": (".po", po_data.replace("ü".encode(), b"\xfc", 1), "not a readable PO file"),
        "po nul-byte": (".po", po_data.replace(b"msgstr", b"msgstr\x00", 1), "not a readable PO file"),
        "po unknown-charset": (".po", po_data.replace(b"charset=UTF-8", b"charset=NOPE-1"), "Unsupported charset"),
    })
    before = edited.snapshot()
    for name, (suffix, data, message) in cases.items():
        file = tmp_path / f"case{suffix}"
        file.write_bytes(data)
        started = time.monotonic()
        result = edited.run("import", str(file), "--translator", "Anna Rossi")
        took = time.monotonic() - started
        shown = f"{name}: {result.code} {result.err[-600:]}"
        assert result.code == 2, shown
        assert re.match(rf"^kbsync: error: {re.escape(str(file))}:\d+: ", result.err), shown
        assert message in result.err and "nothing was imported" in result.err, shown
        assert "Traceback" not in result.err and "internal error" not in result.err, shown
        assert "TOP-SECRET" not in result.out + result.err, shown
        assert took < 30, shown
        assert edited.snapshot() == before, shown


def test_what_is_not_a_regular_file_is_refused_without_reading_it(edited, tmp_path):
    fifo = tmp_path / "it.xlf"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    for path in (fifo, tmp_path):
        result = edited.run("import", str(path))
        assert (result.code, result.err) == (2, f"kbsync: error: {path}: is not a regular file (give the file "
                                                "kbsync export wrote, translated; nothing was imported)\n")


def test_a_50_mb_xliff_is_read_in_bounded_time(edited, tmp_path, pseudo):
    """50 MB of units (the limit is 64 MiB): each one a copy of a real unit under an ID the export did not
    write, so each is named and refused; the real units are imported as they would be alone."""
    out = translated(edited, tmp_path, pseudo)
    data = out.read_bytes()
    unit = re.search(rb"<trans-unit .*?</trans-unit>\s*", data, re.S).group()
    copies = b"".join(unit.replace(b' id="', b' id="copy%d-' % number, 1)
                      for number in range(50_000_000 // len(unit) + 1))
    big = tmp_path / "big.xlf"
    big.write_bytes(data.replace(b"</body>", copies + b"</body>", 1))
    assert big.stat().st_size > 50_000_000
    started = time.monotonic()
    result = edited.run("import", str(big), "--dry-run")
    took = time.monotonic() - started
    print(f"\nimport --dry-run of a {big.stat().st_size / 1e6:.0f} MB XLIFF: {took:.1f} s (bound 180 s)")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.count("/tmp") >= copies.count(b"<trans-unit ")  # each copy named with its line
    assert result.out.startswith("docs/it/guidelines/people.md: would import ")
    assert took < 180
