"""A copy of the real knowledge base in tmp_path, as a git repository, and the hand-off's helpers:
the pseudo-translator and our XLIFF 1.2 schema (xliff12/)."""

from __future__ import annotations

import copy
import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from kbsync.cli import main

PAGE = "guidelines/people.md"
DE = f"docs/de/{PAGE}"
IT = f"docs/it/{PAGE}"
# The "Done when" edit: a new sentence in one section, a changed number in another.
NEW_SENTENCE = ("- Lob von Kundinnen und Kunden geben wir an die betreffende Person weiter.\n",
                "- Lob von Kundinnen und Kunden geben wir an die betreffende Person weiter. "
                "Die Führungskraft bedankt sich persönlich.\n")
CHANGED_NUMBER = ("höchstens 10 Fragen", "höchstens 12 Fragen")
XLIFF_SCHEMA = Path(__file__).with_name("xliff12") / "xliff-1.2-kbsync.rng"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@dataclass
class Result:
    code: int
    out: str
    err: str


class Site:
    """The knowledge base on disk; `run` calls the real CLI in it."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]):
        self.root = root
        self.capsys = capsys

    def run(self, *argv: str) -> Result:
        self.capsys.readouterr()
        code = main(list(argv))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def read(self, relative: str) -> bytes:
        return (self.root / relative).read_bytes()

    def text(self, relative: str) -> str:
        return self.read(relative).decode("utf-8")

    def write(self, relative: str, content: str | bytes) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.text(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.root, check=True, capture_output=True,
                              text=True).stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("-c", "user.name=Editor", "-c", "user.email=editor@example.invalid",
                 "commit", "-q", "-m", message)

    def snapshot(self) -> dict[str, bytes]:
        """Every file under docs/, by path."""
        return {path.relative_to(self.root).as_posix(): path.read_bytes()
                for path in sorted((self.root / "docs").rglob("*")) if path.is_file()}


@pytest.fixture
def site(tmp_path: Path, capsys, monkeypatch, kb_tools) -> Site:
    """The real knowledge base, copied, committed, every translation up to date."""
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path / "kb")
    git(root, "config", "user.name", "Translator")
    git(root, "config", "user.email", "translator@example.invalid")
    (root / ".gitignore").write_text(".cache/\n")
    monkeypatch.chdir(root)
    return Site(root, capsys)


@pytest.fixture
def edited(site: Site) -> Site:
    """The "Done when" change, committed: a new sentence in `recognition`, 10 -> 12 in
    `employee-feedback` of the German guideline on people."""
    site.edit(DE, *NEW_SENTENCE)
    site.edit(DE, *CHANGED_NUMBER)
    site.commit("People: thank personally; pulse surveys up to 12 questions")
    return site


# -- a deterministic pseudo-translation, as a CAT tool would save it --------------------------

CONSONANTS = "bcdfglmnprstvz"
VOWELS = "aeiou"
WORD_RE = re.compile(r"[^\W\d_]+")
PLACEHOLDER_RE = re.compile(r"\{/?[0-9]+\}")


class PseudoTranslator:
    """Turns German text into an Italian-looking pseudo-language: every word becomes syllables
    of consonant and vowel (never a German function word, never `ä ö ü ß`), figures and
    abbreviations (NPS) stay, month names become the target language's, and each termbase
    concept the text uses gets the target language's approved term appended."""

    def __init__(self, root: Path, lang: str):
        from babel.dates import get_month_names

        from kbsync.config import load_site_config
        from kbsync.reading.termbase import site_termbase

        config = load_site_config(root / "mkdocs.yml")
        self.termbase = site_termbase(config)
        self.source_lang = config.source_lang
        self.lang = lang
        self.months = {}
        for width in ("wide", "abbreviated"):
            names = get_month_names(width, locale=config.source_lang)
            targets = get_month_names(width, locale=lang)
            self.months.update({names[number].lower(): targets[number] for number in names})

    def word(self, word: str) -> str:
        if word.lower() in self.months:
            return self.months[word.lower()]
        if len(word) > 1 and any(letter.isupper() for letter in word[1:]):
            return word  # NPS, eNPS, CSAT: the same in every language
        digest = hashlib.sha256(word.lower().encode()).digest()
        syllables = max(2, min(5, (len(word) + 2) // 3))
        text = "".join(CONSONANTS[digest[index] % len(CONSONANTS)] + VOWELS[digest[index + 8] % len(VOWELS)]
                       for index in range(syllables))
        return text.capitalize() if word[0].isupper() else text

    def text(self, text: str) -> str:
        parts = PLACEHOLDER_RE.split(text)
        keep = PLACEHOLDER_RE.findall(text)
        out = [WORD_RE.sub(lambda match: self.word(match.group()), part) for part in parts]
        return "".join(part + (keep[index] if index < len(keep) else "") for index, part in enumerate(out))

    def terms(self, source_text: str) -> str:
        """The approved target terms of the concepts `source_text` uses, to append."""
        from kbsync.reading.termbase import words_of

        words = words_of(source_text)
        found = {concept_id for concept_id, _ in self.termbase.index(self.source_lang, "accepted").find(words)}
        found |= {concept_id for abbreviation, concept_id in self.termbase.abbreviations
                  if abbreviation in source_text.split()}
        terms = [self.termbase.concepts[concept_id].entries[self.lang].term for concept_id in sorted(found)]
        return "".join(f" ({term})" for term in terms)

    def xliff(self, path: Path) -> int:
        """Translate every unit of an XLIFF file that has no confirmed target; the count."""
        ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
        tree = etree.parse(str(path))
        count = 0
        for unit in tree.iterfind(".//x:trans-unit", ns):
            target = unit.find("x:target", ns)
            if target is not None and target.get("state") == "translated":
                continue
            source = unit.find("x:source", ns)
            new = copy.deepcopy(source)
            new.tag = f"{{{ns['x']}}}target"
            new.tail = None
            for element in new.iter():
                if element is not new:
                    element.tail = self.text(element.tail) if element.tail else element.tail
                if etree.QName(element).localname != "ph" and element.text:
                    element.text = self.text(element.text)
            appended = self.terms("".join(source.itertext()))
            if appended:
                last = new[-1] if len(new) else None
                if last is not None:
                    last.tail = (last.tail or "") + appended
                else:
                    new.text = (new.text or "") + appended
            new.set("state", "translated")
            if target is not None:
                unit.remove(target)
            unit.insert(list(unit).index(source) + 1, new)
            count += 1
        tree.write(str(path), xml_declaration=True, encoding="UTF-8")
        return count

    def po(self, path: Path) -> int:
        """Translate every entry of a PO file without a confirmed msgstr, as Poedit saves it
        (polib: another PO library than the one kbsync writes with); the count."""
        import polib

        catalog = polib.pofile(str(path), wrapwidth=0)
        count = 0
        for entry in catalog:
            if entry.msgstr and "fuzzy" not in entry.flags:
                continue
            entry.msgstr = self.text(entry.msgid) + self.terms(PLACEHOLDER_RE.sub("", entry.msgid))
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            count += 1
        catalog.save(str(path))
        return count


@pytest.fixture
def pseudo():
    """pseudo(root, lang) -> a PseudoTranslator for that knowledge base and language."""
    return PseudoTranslator


# -- the XLIFF 1.2 schema ----------------------------------------------------------------------

class XliffSchema:
    """Our RELAX NG schema of the XLIFF kbsync writes (a strict subset of XLIFF 1.2 strict, see
    xliff12/README.md) and the Schematron rules embedded in it: the spec's uniqueness rules
    inside a `<file>`, which RELAX NG cannot state."""

    def __init__(self, path: Path):
        document = etree.parse(str(path))
        self.relaxng = etree.RelaxNG(document)
        self.schematron = isoschematron.Schematron(document, store_report=True)

    def errors(self, xml: bytes | Path) -> list[str]:
        """What makes `xml` (a file or its bytes) invalid; empty when it is valid."""
        tree = etree.ElementTree(etree.fromstring(xml)) if isinstance(xml, bytes) else etree.parse(str(xml))
        problems = []
        if not self.relaxng.validate(tree):
            problems += [f"line {error.line}: {error.message}" for error in self.relaxng.error_log]
        if not self.schematron.validate(tree):
            problems += [text.strip() for text in self.schematron.validation_report.xpath(
                "//svrl:failed-assert/svrl:text/text()", namespaces=SVRL)]
        return problems


@pytest.fixture(scope="session")
def xliff_schema() -> XliffSchema:
    """The XLIFF 1.2 schema the exports are validated against: `xliff_schema.errors(file or bytes)`."""
    return XliffSchema(XLIFF_SCHEMA)
