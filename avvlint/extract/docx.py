"""DOCX contracts: body paragraphs and tables in document order.

The package is checked first (``docx_safety``: zip bomb, DTD/entities), then
the main document, styles and numbering parts are parsed with a parser that
never resolves entities. The body is walked in XML order so that tables stay
where they are; tracked insertions are kept, deletions dropped; list numbers
("1.", "a)", "(1)", "§ 3") are recomputed from the numbering definitions;
headings come from paragraph styles (Heading N / Überschrift N, outline level).
Headers, footers, footnotes and comments live in other parts and are not read.

python-docx is not used for reading the body: its ``Paragraph.text`` skips runs
inside ``w:ins`` and it does not compute list numbers, so the XML is walked directly.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ..document import Document
from ..errors import DocumentError
from ..normalize import normalize_text
from .assemble import OutBlock, document_from_blocks
from .docx_numbering import Numbering, W
from .docx_safety import open_package, safe_xml_parser
from .limits import Limits

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_NAME = re.compile(r"^(?:heading|überschrift|ueberschrift|titre|kop)\s*(\d)$", re.IGNORECASE)
_TITLE_NAME = re.compile(r"^(?:title|titel)$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:[•\-–·*▪◦►]|\d{1,2}[.)]|\(\d{1,2}[a-z]?\)|[a-z]\)|\([a-z]\))\s")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Containers whose content is part of the text flow.
_TRANSPARENT = {f"{W}{t}" for t in ("ins", "moveTo", "hyperlink", "smartTag", "sdt", "sdtContent",
                                      "fldSimple", "customXml", "dir", "bdo")}  # fmt: skip
_SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F0D8": "►", "F0FC": "✓", "F02D": "-"}


@dataclass(slots=True)
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int | None = None


class _Styles:
    def __init__(self, root: object | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_para: str | None = None
        if root is None:
            return
        for st in root.iter(f"{W}style"):  # type: ignore[attr-defined]
            if st.get(f"{W}type") != "paragraph":
                continue
            sid = st.get(f"{W}styleId", "")
            s = _Style()
            name = st.find(f"{W}name")
            s.name = name.get(f"{W}val", "") if name is not None else sid
            based = st.find(f"{W}basedOn")
            s.based_on = based.get(f"{W}val") if based is not None else None
            ppr = st.find(f"{W}pPr")
            if ppr is not None:
                s.outline, s.num_id, s.ilvl = _outline_and_num(ppr)
            self.by_id[sid] = s
            if st.get(f"{W}default") in ("1", "true"):
                self.default_para = sid

    def chain(self, sid: str | None) -> list[_Style]:
        out: list[_Style] = []
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            out.append(self.by_id[sid])
            sid = self.by_id[sid].based_on
        return out

    def heading_level(self, sid: str | None) -> int | None:
        for s in self.chain(sid):
            m = _HEADING_NAME.match(s.name.strip())
            if m:
                return max(1, int(m.group(1)))
            if _TITLE_NAME.match(s.name.strip()):
                return 1
            if s.outline is not None and s.outline < 9:
                return s.outline + 1
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        for s in self.chain(sid):
            if s.num_id is not None:
                return s.num_id, s.ilvl
        return None, None


def _outline_and_num(ppr: object) -> tuple[int | None, str | None, int | None]:
    outline = None
    ol = ppr.find(f"{W}outlineLvl")  # type: ignore[attr-defined]
    if ol is not None and (ol.get(f"{W}val") or "").isdigit():
        outline = int(ol.get(f"{W}val"))
    num_id = ilvl = None
    numpr = ppr.find(f"{W}numPr")  # type: ignore[attr-defined]
    if numpr is not None:
        nid = numpr.find(f"{W}numId")
        lvl = numpr.find(f"{W}ilvl")
        num_id = nid.get(f"{W}val") if nid is not None else None
        if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
            ilvl = int(lvl.get(f"{W}val"))
    return outline, num_id, ilvl


def _run_text(el: object, out: list[str]) -> None:
    """Visible text of a paragraph's content, in order (tracked deletions left out)."""
    for child in el:  # type: ignore[attr-defined]
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}r":
            _run_text(child, out)
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}sym":
            code = (child.get(f"{W}char") or "").upper()
            out.append(_SYMBOLS.get(code, ""))
        elif tag in _TRANSPARENT:
            _run_text(child, out)
        elif tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")
            if choice is not None:
                _run_text(choice, out)
        # everything else (_SKIP, field codes, bookmarks, proofing marks) has no visible text


def _paragraph_text(p: object) -> str:
    parts: list[str] = []
    _run_text(p, parts)
    text = normalize_text("".join(parts))
    return _SPACES.sub(" ", text.replace("\t", " ")).strip()


class _Reader:
    def __init__(self, styles: _Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.out: list[OutBlock] = []
        self.table_no = -1

    def paragraph_parts(self, p: object) -> tuple[str, int | None, bool]:
        """(text with list label, heading level, numbered?) of one ``w:p``."""
        ppr = p.find(f"{W}pPr")  # type: ignore[attr-defined]
        sid = None
        outline = num_id = ilvl = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            sid = ps.get(f"{W}val") if ps is not None else None
            outline, num_id, ilvl = _outline_and_num(ppr)
        sid = sid or self.styles.default_para
        level = outline + 1 if outline is not None and outline < 9 else self.styles.heading_level(sid)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(sid)
            ilvl = ilvl if ilvl is not None else style_ilvl
        text = _paragraph_text(p)
        numbered = False
        if num_id is not None and text:
            got = self.numbering.label(num_id, ilvl or 0)
            if got is not None:
                label, bullet = got
                numbered = True
                if label and not text.startswith(label):
                    text = f"{label} {text}"
                elif bullet:
                    numbered = True
        return text, level, numbered

    def paragraph(self, p: object) -> None:
        text, level, numbered = self.paragraph_parts(p)
        if not text:
            return
        if level is not None and len(text) <= 200:
            self.out.append(OutBlock("heading", text, 0, heading_level=min(level, 9)))
        elif numbered or _LIST_MARKER.match(text):
            self.out.append(OutBlock("list_item", text, 0))
        else:
            self.out.append(OutBlock("paragraph", text, 0))

    def cell_text(self, tc: object) -> str:
        parts: list[str] = []
        for el in _flow(tc):
            if el.tag == f"{W}p":
                t = self.paragraph_parts(el)[0]
                if t:
                    parts.append(t)
            elif el.tag == f"{W}tbl":
                for tr in _rows(el):
                    parts.append(" ".join(self.cell_text(c) for c in _cells(tr)))
        return " ".join(p for p in parts if p)

    def table(self, tbl: object) -> None:
        self.table_no += 1
        row_no = 0
        for tr in _rows(tbl):
            cells = [self.cell_text(tc) for tc in _cells(tr)]
            if not any(cells):
                continue
            self.out.append(
                OutBlock("table_row", "\t".join(cells), 0, table=self.table_no, row=row_no, cells=cells)
            )
            row_no += 1

    def body(self, body: object) -> None:
        for el in _flow(body):
            if el.tag == f"{W}p":
                self.paragraph(el)
            elif el.tag == f"{W}tbl":
                self.table(el)


def _flow(container: object):  # type: ignore[no-untyped-def]
    """Block-level children (``w:p``, ``w:tbl``) in order, through content controls and
    tracked insertions; tracked deletions skipped."""
    for el in container:  # type: ignore[attr-defined]
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in (f"{W}p", f"{W}tbl"):
            yield el
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            yield from _flow(el)
        elif tag == f"{_MC}AlternateContent":
            choice = el.find(f"{_MC}Choice")
            if choice is not None:
                yield from _flow(choice)


def _rows(tbl: object):  # type: ignore[no-untyped-def]
    for el in _flow_rows(tbl):
        trpr = el.find(f"{W}trPr")
        if trpr is not None and trpr.find(f"{W}del") is not None:
            continue  # a row deleted with tracked changes
        yield el


def _flow_rows(container: object):  # type: ignore[no-untyped-def]
    for el in container:  # type: ignore[attr-defined]
        if el.tag == f"{W}tr":
            yield el
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _flow_rows(el)


def _cells(tr: object):  # type: ignore[no-untyped-def]
    for el in tr:  # type: ignore[attr-defined]
        if el.tag == f"{W}tc":
            yield el
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _cells(el)


def _target(parts: dict[str, bytes], rels_name: str, base: str, kind: str) -> str | None:
    """Resolve the part a relationship of type ``.../kind`` points at."""
    from lxml import etree

    body = parts.get(rels_name)
    if body is None:
        return None
    root = etree.fromstring(body, safe_xml_parser())
    for rel in root.iter(f"{_REL}Relationship"):
        if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            return posixpath.normpath(path)
    return None


def extract_docx(data: bytes, source: str, limits: Limits) -> Document:
    from lxml import etree

    parts = open_package(data, source, limits)
    main = _target(parts, "_rels/.rels", "", "officeDocument") or "word/document.xml"
    if main not in parts:
        raise DocumentError("corrupt-docx", f"{source}: the DOCX has no main document part")
    base = posixpath.dirname(main)
    rels = posixpath.join(base, "_rels", posixpath.basename(main) + ".rels")
    parser = safe_xml_parser()
    try:
        root = etree.fromstring(parts[main], parser)
        styles_name = _target(parts, rels, base, "styles")
        numbering_name = _target(parts, rels, base, "numbering")
        styles_root = etree.fromstring(parts[styles_name], parser) if styles_name in parts else None
        num_root = etree.fromstring(parts[numbering_name], parser) if numbering_name in parts else None
    except etree.XMLSyntaxError:
        raise DocumentError("corrupt-docx", f"{source}: the DOCX contains malformed XML") from None
    body = root.find(f"{W}body")
    if body is None:
        raise DocumentError("corrupt-docx", f"{source}: the DOCX has no document body")
    reader = _Reader(_Styles(styles_root), Numbering.from_xml(num_root))
    reader.body(body)
    return document_from_blocks(reader.out, "docx", source)
