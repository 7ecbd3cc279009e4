"""XLIFF 1.2 for CAT tools, written and read with translate-toolkit (Weblate's format engine).

One `<file>` per page (`original` is the source page, `datatype="x-markdown"`), one
`<trans-unit>` per unit, its ID the unit ID. Inline codes are `<g id ctype>` around text (links,
emphasis, images) and `<ph id ctype>` holding the markup of a standalone code (inline code, HTML,
attribute lists). A pre-filled unit has `<target state="translated">`; a changed one has no target
but an `<alt-trans alttranstype="previous-version">` with the old source and the old target, and
the old source in a `<note>`. Each unit names its section's source fingerprint, file and line in a
`<context-group name="kbsync:ID">`.

translate-toolkit writes the XLIFF 1.1 namespace by default; the classes below are its own store
and unit with the 1.2 namespace and skeleton (its documented way: a store class per dialect, as
its poxliff module does). The tests validate the output against our XLIFF 1.2 schema
(tests/sync/handoff/xliff12/, a strict subset of XLIFF 1.2 strict written from the spec).
"""

from __future__ import annotations

import difflib

from lxml import etree
from translate.storage import xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as placeables
from translate.storage.placeables.lisa import strelem_to_xml

from kbsync.errors import InputError
from kbsync.handoff.exporting import Handoff
from kbsync.handoff.inline import Alone, Close, Code, Open, Token, merge_text, plain
from kbsync.handoff.units import FileUnit, ImportFile, Unit, UnitState

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
DATATYPE = "x-markdown"
CONTEXT_GROUP = "kbsync"
FINGERPRINT_CONTEXT = "x-kbsync-fingerprint"
CTYPES = {"link": "link", "strong": "bold", "emphasis": "italic", "image": "x-md-image",
          "code": "x-md-code", "html": "x-html", "comment": "x-html-comment", "entity": "x-entity",
          "attributes": "x-md-attributes", "autolink": "x-md-autolink", "literal": "x-text"}
# Target states that say the translator has not confirmed the text yet.
UNCONFIRMED_STATES = {"new", "needs-translation", "needs-adaptation", "needs-l10n",
                      "needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}


class Xliff12Unit(xliff.xliffunit):
    namespace = NAMESPACE


class Xliff12File(xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing XLIFF 1.2."""

    UnitClass = Xliff12Unit
    namespace = NAMESPACE
    # No language in the skeleton: the store sets source-language from the hand-off when it is made
    # (translate-toolkit's setsourcelanguage), and each page's <file> takes it from there.
    XMLskeleton = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NAMESPACE}">\n'
                   '<file original="NoName" source-language="" datatype="plaintext">\n<body>\n</body>\n'
                   '</file>\n</xliff>')


def write_xliff(handoff: Handoff) -> bytes:
    store = Xliff12File(sourcelanguage=handoff.source_lang, targetlanguage=handoff.lang)
    for page in handoff.pages:
        store.switchfile(page.source_path, createifmissing=True)
        filenode = store.getfilenode(page.source_path)
        filenode.set("datatype", DATATYPE)
        filenode.set("target-language", handoff.lang)
        for unit in page.units:
            store.addunit(_trans_unit(store, unit, page.source_path, handoff.lang))
    return bytes(store)


def _trans_unit(store: Xliff12File, unit: Unit, source_path: str, lang: str) -> Xliff12Unit:
    element = store.UnitClass("")
    element.setid(unit.id)
    element.rich_source = [rich(unit.source)]
    if unit.state is UnitState.TRANSLATED and unit.target is not None:
        element.rich_target = [rich(unit.target)]
        element.xmlelement.attrib.pop("approved", None)  # translated, not reviewed
        element.getlanguageNode(lang=None, index=1).set("state", "translated")
    elif unit.state is UnitState.FUZZY and unit.target is not None:
        _previous_version(element, unit, lang)
    if unit.note:
        element.addnote(unit.note, origin="kbsync")
    # A context group's name is unique in a file (the schema's U_context-group_name).
    element.createcontextgroup(f"{CONTEXT_GROUP}:{unit.id}", [(FINGERPRINT_CONTEXT, unit.fingerprint),
                                              ("sourcefile", source_path),
                                              ("linenumber", str(unit.line))], purpose="information")
    return element


def _previous_version(element: Xliff12Unit, unit: Unit, lang: str) -> None:
    """The previous source and translation as an `<alt-trans>` (a fuzzy match)."""
    previous = unit.previous_source
    quality = None
    if previous is not None:
        ratio = difflib.SequenceMatcher(None, plain(previous), plain(unit.source), autojunk=False).ratio()
        quality = f"{round(100 * ratio)}%"
    element.addalttrans(plain(unit.target or ()), origin="kbsync", lang=lang,
                        sourcetxt=plain(previous) if previous is not None else None, matchquality=quality)
    alternative = element.xmlelement.findall(element.namespaced("alt-trans"))[-1]
    alternative.set("alttranstype", "previous-version")
    for child, tokens in zip(alternative, ([previous] if previous is not None else []) + [unit.target]):
        child.text = None
        strelem_to_xml(child, rich(tokens))


def rich(tokens: tuple[Token, ...] | None) -> StringElem:
    """Tokens as translate-toolkit's rich text: `<g>` around text, `<ph>` for standalone codes."""
    root: list = []
    stack = [root]
    for token in tokens or ():
        if isinstance(token, str):
            stack[-1].append(StringElem(token))
        elif isinstance(token, Open):
            group = placeables.G(id=str(token.id), sub=[], xml_attrib={"ctype": CTYPES.get(token.code.kind, "x-md")})
            stack[-1].append(group)
            stack.append(group.sub)
        elif isinstance(token, Close):
            stack.pop()
        else:
            stack[-1].append(placeables.Ph(id=str(token.id), sub=[StringElem(token.code.opening)],
                                           xml_attrib={"ctype": CTYPES.get(token.code.kind, "x-md")}))
    return StringElem(root)


# -- reading ----------------------------------------------------------------------------------

def read_xliff(data: bytes, shown: str) -> ImportFile:
    """The units of an XLIFF 1.x file; an InputError naming the line of broken XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise InputError(f"not well-formed XML: {error.msg}", path=shown, line=line,
                         hint="nothing was imported; fix the file or export again") from error
    _refuse_entities_and_instructions(root, shown)
    if not root.tag.startswith("{urn:oasis:names:tc:xliff:document:1.") or etree.QName(root).localname != "xliff":
        raise InputError(f"not an XLIFF 1.x file (its root element is `{etree.QName(root).localname}` in "
                         f"`{etree.QName(root).namespace}`)", path=shown, line=root.sourceline,
                         hint="give the XLIFF file kbsync export wrote, translated")
    try:
        store = xliff.xlifffile.parsestring(data)
    except (ValueError, etree.XMLSyntaxError) as error:
        raise InputError(f"translate-toolkit cannot read it: {error}", path=shown, line=1) from error
    langs = {node.get("target-language") for node in root.iter(f"{{{store.namespace}}}file")} - {None}
    units = []
    for unit in store.units:
        units.append(_file_unit(store, unit, shown))
    return ImportFile(shown, "xliff", sorted(langs), tuple(units))


def _refuse_entities_and_instructions(root, shown: str) -> None:
    """An entity reference, a processing instruction, or a comment inside a text is refused on its line.

    The parsers (ours and translate-toolkit's) resolve no entity, so a DTD's entity can neither
    read another file nor expand without bound (libxml2 also refuses an expansion that grows
    too much); but an unresolved `&name;` or a `<?pi?>` stays in the tree as a node translate-toolkit's
    rich text cannot read. kbsync export writes neither: characters are written as themselves."""
    for node in root.iter(etree.Entity, etree.ProcessingInstruction):
        if isinstance(node, etree._Entity):
            problem = (f"uses the XML entity `{node.text}`, which kbsync does not expand (an entity of "
                       "the DOCTYPE can read other files or grow without bound); kbsync export writes none")
            hint = "write the character itself instead of the entity; nothing was imported"
        else:
            problem = f"holds the XML processing instruction `<?{node.target} ...?>`, which kbsync export never writes"
            hint = "remove it; nothing was imported"
        raise InputError(problem, path=shown, line=node.sourceline or 1, hint=hint)
    for node in root.iter(etree.Comment):  # harmless between units; inside a text, it cuts it
        if any(etree.QName(parent).localname in ("source", "target") for parent in node.iterancestors()):
            raise InputError("has an XML comment inside a unit's text, which kbsync cannot place in the page "
                             "(the text after it would be lost)", path=shown, line=node.sourceline or 1,
                             hint="remove the comment, or put it in a <note>; nothing was imported")


def _file_unit(store, unit, shown: str) -> FileUnit:
    element = unit.xmlelement
    identifier = element.get("id") or ""
    line = element.sourceline or 1
    fingerprint = None
    for group in element.iterchildren(f"{{{store.namespace}}}context-group"):
        if (group.get("name") or "").startswith(CONTEXT_GROUP):
            for context in group.iterchildren(f"{{{store.namespace}}}context"):
                if context.get("context-type") == FINGERPRINT_CONTEXT:
                    fingerprint = (context.text or "").strip()
    target_node = unit.getlanguageNode(lang=None, index=1)
    if target_node is None:
        return FileUnit(identifier, line, None, fingerprint, confirmed=False)
    state = target_node.get("state")
    try:
        tokens = merge_text(_tokens(unit.rich_target[0] if unit.rich_target else StringElem()))
        problem = None
    except _UnknownElement as error:
        tokens, problem = (), str(error)
    return FileUnit(identifier, target_node.sourceline or line, tokens, fingerprint,
                    confirmed=state not in UNCONFIRMED_STATES, problem=problem)


class _UnknownElement(Exception):
    pass


def _tokens(elem) -> list[Token]:
    """translate-toolkit's rich text as tokens whose codes say only the element (`g`, `ph`, `x`);
    the importer gives them the source's markup by ID."""
    out: list[Token] = []
    if isinstance(elem, str):
        return [elem]
    if isinstance(elem, placeables.G):
        identifier = _number(elem.id, "g")
        out.append(Open(identifier, Code("g", "")))
        for sub in elem.sub:
            out += _tokens(sub)
        out.append(Close(identifier, Code("g", "")))
        return out
    if isinstance(elem, placeables.X):
        return [Alone(_number(elem.id, "x"), Code("x", ""))]
    if isinstance(elem, placeables.UnknownXML):
        tag = etree.QName(elem.xml_node).localname
        if tag == "ph":
            return [Alone(_number(elem.id, "ph"), Code("ph", ""))]
        if tag == "mrk":  # a marker a tool put around text (a term, a segment): its text counts
            for sub in elem.sub:
                out += _tokens(sub)
            return out
        raise _UnknownElement(f"the target has an inline element `<{tag}>` the export did not have")
    if type(elem) is StringElem:
        for sub in elem.sub:
            out += _tokens(sub)
        return out
    raise _UnknownElement(f"the target has an inline element `{type(elem).__name__}` the export did not have")


def _number(value: str | None, tag: str) -> int:
    try:
        number = int(value or "")
    except ValueError:
        raise _UnknownElement(f"the target has `<{tag} id=\"{value}\">`, an inline code the export did not have")
    if number < 1:
        raise _UnknownElement(f"the target has `<{tag} id=\"{value}\">`, an inline code the export did not have")
    return number
