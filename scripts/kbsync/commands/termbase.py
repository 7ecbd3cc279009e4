"""`kbsync termbase --format tbx [--output FILE]`: the termbase as TBX, for translators' CAT tools.

The file is TBX-Basic (ISO 30042:2008, `martif`): one `termEntry` per concept, one `langSet` per
language of mkdocs.yml. In each, the approved term is the preferred term, its variants are
admitted terms, the concept's abbreviation is an admitted term of type `abbreviation`, and the
forbidden variants are deprecated terms, so that a CAT tool suggests the approved term and flags
the deprecated ones. The termbase is read through `load_termbase` (the same validation, and the
same messages, as `check` and the glossary); nothing here changes it.

translate-toolkit reads TBX (and the tests read this file back with it), but its writer cannot
set a term's administrative status or type, and its skeleton declares the older MARTIF DTD, so
the document is built here with lxml.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kbsync.commands.session import Session
from kbsync.config import SiteConfig
from kbsync.errors import UsageError
from kbsync.reading.schemas import format_path
from kbsync.reading.termbase import DEFINITION_LINK_RE, TermbaseError, load_termbase
from kbsync.writing.output import check_output, write_output

FORMATS = ("tbx",)
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
XCS = "TBXBasicXCSV02.xcs"  # the TBX-Basic constraint file the header names, as TBX-Basic asks
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
ABBREVIATION = "abbreviation"

LINK_TEXT_RE = re.compile(r"\[((?:[^\]\\]|\\.)*)\]")  # the text part of DEFINITION_LINK_RE
NAME_START_RE = re.compile(r"[A-Za-z_]")  # an XML ID starts with a letter or `_`, never a digit
# What XML 1.0 cannot carry; YAML's double-quoted escapes ("\x01") can give it.
NOT_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="tbx",
                        help="tbx: TBX-Basic (ISO 30042:2008), read by CAT tools (default)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE (all or nothing) instead of standard output")


def run(args: argparse.Namespace, session: Session) -> int:
    config = session.config
    path = config.termbase_path
    shown = config.relative(path)
    if args.output is not None:
        _check(args.output, config, path)
    data = load_termbase(Path(shown) if path.is_relative_to(config.root) else path,
                         config.locales, session.cache)
    _require_xml_text(data, [], shown)
    document = tbx_document(termbase_entries(data, config.locales), config.source_lang,
                            title=f"{config.site_name}: {shown}" if config.site_name else shown, source=shown)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(document)
        sys.stdout.buffer.flush()
        return 0
    write_output(args.output, document, config)  # whole or not at all
    sys.stdout.write(f"{args.output.as_posix()}: {len(data['concepts'])} concepts in "
                     f"{len(config.locales)} languages ({', '.join(config.locales)})\n")
    return 0


def _check(output: Path, config: SiteConfig, termbase: Path) -> None:
    """Refuse the termbase itself by name, then what `check_output` refuses (docs/, a link, ...)."""
    if Path(os.path.realpath(output)) == termbase:
        raise UsageError(f"--output {output.as_posix()} is the termbase itself",
                         hint="name another file, like terms.tbx")
    check_output(output, config)


def _require_xml_text(value: object, key_path: list[str | int], shown: str) -> None:
    """Every text of the termbase can stand in XML, or a TermbaseError names its key path."""
    if isinstance(value, str):
        found = NOT_XML_RE.search(value)
        if found:
            raise TermbaseError(f"{format_path(key_path)}: has the character U+{ord(found.group()):04X}, "
                                "which TBX (XML 1.0) cannot carry", path=shown,
                                hint="remove it from the termbase")
    elif isinstance(value, dict):
        for key, item in value.items():
            _require_xml_text(item, [*key_path, key], shown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _require_xml_text(item, [*key_path, index], shown)


@dataclass(frozen=True)
class TbxTerm:
    text: str
    status: str  # an administrativeStatus value of TBX-Basic
    term_type: str | None = None


@dataclass(frozen=True)
class TbxLanguage:
    lang: str
    terms: tuple[TbxTerm, ...]
    definition: str | None


@dataclass(frozen=True)
class TbxEntry:
    id: str
    subject: str | None  # the glossary group
    languages: tuple[TbxLanguage, ...]


def termbase_entries(data: dict, locales: tuple[str, ...]) -> list[TbxEntry]:
    """The validated termbase (`load_termbase`) as TBX entries, in the termbase's order, each
    with its languages in the order of mkdocs.yml."""
    return [TbxEntry(concept["id"], concept.get("group"), tuple(
        _language(lang, concept[lang], concept.get("abbreviation")) for lang in locales
        if lang in concept)) for concept in data["concepts"]]


def _language(lang: str, entry: dict, abbreviation: str | None) -> TbxLanguage:
    forbidden = tuple(entry.get("forbidden", ()))
    phrases = [(entry["term"], PREFERRED), *((variant, ADMITTED) for variant in entry.get("variants", ()))]
    if abbreviation is not None and abbreviation not in forbidden:  # forbidden in this language
        phrases.append((abbreviation, ADMITTED))
    phrases.extend((variant, DEPRECATED) for variant in forbidden)
    terms: dict[str, TbxTerm] = {}
    for text, status in phrases:  # one tig per term; the first status wins
        terms.setdefault(text, TbxTerm(text, status, ABBREVIATION if text == abbreviation else None))
    definition = entry.get("definition")
    return TbxLanguage(lang, tuple(terms.values()), plain_definition(definition) if definition else None)


def plain_definition(markdown: str) -> str:
    """A definition as a CAT tool shows it: each Markdown link becomes its text, since its target
    is a page of the site, relative to the glossary."""
    def text_of(link: re.Match[str]) -> str:
        text = LINK_TEXT_RE.match(link.group(0))
        return re.sub(r"\\(.)", r"\1", text.group(1)) if text else link.group(0)
    return " ".join(DEFINITION_LINK_RE.sub(text_of, markdown).split())


def tbx_document(entries: list[TbxEntry], source_lang: str, title: str, source: str) -> bytes:
    """A TBX-Basic document (UTF-8 bytes with the XML declaration and the DOCTYPE)."""
    martif = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: source_lang})
    header = etree.SubElement(martif, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title").text = title
    etree.SubElement(etree.SubElement(file_desc, "sourceDesc"), "p").text = \
        f"Exported by kbsync from {source}; edit the termbase there, not here."
    etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = XCS
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for entry in entries:
        term_entry = etree.SubElement(body, "termEntry", id=entry.id if NAME_START_RE.match(entry.id)
                                      else f"_{entry.id}")
        if entry.subject:
            etree.SubElement(term_entry, "descrip", type="subjectField").text = entry.subject
        for language in entry.languages:
            lang_set = etree.SubElement(term_entry, "langSet", {XML_LANG: language.lang})
            if language.definition:
                etree.SubElement(lang_set, "descrip", type="definition").text = language.definition
            for term in language.terms:
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = term.text
                if term.term_type:
                    etree.SubElement(tig, "termNote", type="termType").text = term.term_type
                etree.SubElement(tig, "termNote", type="administrativeStatus").text = term.status
    return etree.tostring(martif, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype=DOCTYPE)

