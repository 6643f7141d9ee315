#!/usr/bin/env python3
"""Generate every file under fixtures/ and the rendered seeds in corpora/.

Run from the repository root:  python scripts/make_fixtures.py

The output is committed, so CI needs neither an office suite nor this script;
rerun it only when a fixture must change. It needs the test extra (reportlab)
and python-docx. Output is deterministic apart from what reportlab embeds
(font subsets, creation dates are pinned with ``invariant=1``).

- fixtures/good/   small valid inputs: TXT encodings and Markdown, a DOCX with
                   numbering, tracked changes, header/footer and a table, PDFs
                   with ligatures, hyphenation, running heads, a table, two columns
- fixtures/bad/    one file per bad-input kind, named after the expected error code
- fixtures/seeds/  the five seed AVVs rendered to DOCX and PDF
- corpora/docs + corpora/gold: the same renders with gold copies for `avvlint eval`
"""

from __future__ import annotations

import io
import random
import re
import shutil
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
SEEDS = sorted((ROOT / "corpora" / "docs").glob("00*_*.txt"))
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

# --------------------------------------------------------------------------------------
# Seed text -> simple document model (independent of avvlint, so tests are not circular)
# --------------------------------------------------------------------------------------

_HEADING = re.compile(
    r"^(?:§\s*\d+[a-z]?\b|Art\.\s*\d+|Artikel\s+\d+|Anlage\s+\d+|Anhang\s+\d+|Präambel|"
    r"\d{1,2}\.\s+[A-ZÄÖÜ]|\d{1,2}\s+[A-ZÄÖÜ][a-zäöüß]|\d{1,2}\.\d{1,2}\.?\s+[A-ZÄÖÜ])"
)
_PARA_NUM = re.compile(r"^\((\d{1,2})\)\s+(.*)$")
_BULLET = re.compile(r"^(\s*)[-•–]\s+(.*)$")


@dataclass
class Item:
    kind: str  # heading | para | bullet | numpara | table
    text: str = ""
    level: int = 1
    number: int = 0
    rows: list[list[str]] = field(default_factory=list)


def md_plain(text: str) -> str:
    """Markdown ``**`` removed; a space where the marks glued two words together."""
    text = re.sub(r"(?<=[\w.:)\]])\*{2,}(?=[\w(\[§])", " ", text)
    return text.replace("**", "")


def md_inline(text: str) -> str:
    """Markdown bold to reportlab/markup ``<b>``; a space where ``md_plain`` puts one."""
    from xml.sax.saxutils import escape

    out: list[str] = []
    bold = False
    tail = ""
    for i, part in enumerate(text.split("**")):
        if i:
            bold = not bold
        if not part:
            continue
        if out and re.match(r"[\w.:)\]]", tail) and re.match(r"[\w(\[§]", part[0]):
            out.append(" ")
        out.append(f"<b>{escape(part)}</b>" if bold else escape(part))
        tail = part[-1]
    return "".join(out)


def _heading_level(line: str) -> int | None:
    s = md_plain(line).strip()
    if len(s) > 110 or (s.endswith((".", ",", ";")) and not re.match(r"^\S+\s*$", s)):
        return None
    if re.match(r"^\d{1,2}\.\d{1,2}\.?\s", s):
        return 2
    if _HEADING.match(s):
        return 1
    return None


def _short_title(line: str, nxt: str | None, prev: str | None = "") -> bool:
    """A short line between running text is a title; a run of short lines is a list."""
    s = md_plain(line).strip()
    if nxt is not None and len(nxt.strip()) < 80 and not _PARA_NUM.match(nxt.strip()):
        return False
    if prev and len(prev.strip()) < 80 and not prev.strip().endswith((".", ":")):
        return False
    return (
        4 <= len(s) <= 70
        and s[:1].isupper()
        and not s.endswith((".", ",", ";", ":"))
        and "\t" not in line
        and (len(s.split()) >= 2 or len(s) >= 8)
        and nxt is not None
        and not _BULLET.match(nxt)
    )


def parse_seed(text: str) -> list[Item]:
    lines = text.split("\n")
    items: list[Item] = []
    i = 0
    n = len(lines)

    def prev_nonblank(j: int) -> str | None:
        while j >= 0 and not lines[j].strip():
            j -= 1
        return lines[j] if j >= 0 else None

    def next_nonblank(j: int) -> str | None:
        while j < n and not lines[j].strip():
            j += 1
        return lines[j] if j < n else None

    while i < n:
        line = lines[i]
        if not line.strip() or (re.match(r"^[-\t ]{3,}$", line) and "-" in line):
            i += 1
            continue
        if line.startswith("\t") or ("\t" in line.strip() and not _BULLET.match(line)):
            rows: list[list[str]] = []
            while i < n:
                cur = lines[i]
                if not cur.strip():
                    nxt = next_nonblank(i)
                    if nxt is not None and (nxt.startswith("\t") or "\t" in nxt.strip()):
                        i += 1
                        continue
                    break
                if re.match(r"^[-\t ]{3,}$", cur):
                    i += 1
                    continue
                if cur.startswith("\t") and "\t" not in cur.strip():
                    row = []
                    while i < n and lines[i].startswith("\t") and "\t" not in lines[i].strip():
                        row.append(lines[i].strip())
                        i += 1
                    rows.append(row)
                    continue
                if "\t" in cur.strip():
                    rows.append([c.strip() for c in cur.split("\t") if c.strip()])
                    i += 1
                    continue
                break
            if len(rows) == 1 and len(rows[0]) == 1:
                items.append(Item("para", rows[0][0]))
            elif rows:
                width = max(len(r) for r in rows)
                items.append(Item("table", rows=[r + [""] * (width - len(r)) for r in rows]))
            continue
        m = _BULLET.match(line)
        if m:
            items.append(Item("bullet", m.group(2).strip(), level=2 if m.group(1) else 1))
            i += 1
            continue
        stripped = line.strip()
        m = _PARA_NUM.match(stripped)
        if m:
            items.append(Item("numpara", m.group(2), number=int(m.group(1))))
            i += 1
            continue
        level = _heading_level(stripped)
        nxt = next_nonblank(i + 1)
        if level is None and _short_title(stripped, nxt, prev_nonblank(i - 1)):
            level = 3
        if level is not None:
            # "§ 8" alone, title on the next line: one heading
            if re.fullmatch(r"(?:§\s*\d+|Art\.\s*\d+|Anlage\s+\d+)", md_plain(stripped).strip()) and nxt:
                j = i + 1
                while not lines[j].strip():
                    j += 1
                if _short_title(lines[j].strip(), next_nonblank(j + 1)) or len(lines[j].strip()) < 80:
                    stripped = f"{stripped} {lines[j].strip()}"
                    i = j
            items.append(Item("heading", stripped, level=level))
            i += 1
            continue
        items.append(Item("para", stripped))
        i += 1
    return items


def header_text(seed: Path) -> str:
    return f"AVV {seed.stem.split('_')[0]} – Vertragsunterlage – vertraulich"


# --------------------------------------------------------------------------------------
# DOCX rendering (python-docx plus a little numbering XML)
# --------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _add_abstract(doc, abstract_id: int, levels: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """Add an abstractNum with (numFmt, lvlText) per level to numbering.xml."""
    from docx.oxml import parse_xml

    lv = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{txt}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (k + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for k, (fmt, txt) in enumerate(levels)
    )
    el = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">{lv}</w:abstractNum>')
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def _add_num(doc, num_id: int, abstract_id: int, restart: bool = True) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    el = parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
    )
    doc.part.numbering_part.element.append(el)


def _set_num(paragraph, num_id: int, ilvl: int = 0) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    xml = f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ppr.append(parse_xml(xml))


def _add_runs(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    inline = md_inline(text)
    for m in re.finditer(r"<b>(.*?)</b>|([^<]+)", inline):
        from xml.sax.saxutils import unescape

        if m.group(1) is not None:
            paragraph.add_run(unescape(m.group(1))).bold = True
        else:
            paragraph.add_run(unescape(m.group(2)))


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    paragraph.add_run("Seite ")
    paragraph._p.append(
        parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def render_docx(items: list[Item], out: Path, header: str) -> None:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.core_properties.author = "avvlint fixtures"
    style = doc.styles["Normal"]
    style.font.size = Pt(10)
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = header
    _page_field(sec.footer.paragraphs[0])
    _add_abstract(doc, 90, [("decimal", "(%1)")])
    _add_abstract(doc, 91, [("bullet", "•"), ("bullet", "◦")])
    next_num = 100
    para_num: int | None = None
    expected = 1
    bullets_num = None
    for it in items:
        if it.kind == "heading":
            para_num, expected = None, 1
            bullets_num = None
            p = doc.add_paragraph(style=f"Heading {min(it.level, 3)}")
            _add_runs(p, md_plain(it.text))
        elif it.kind == "numpara":
            if para_num is None or it.number != expected:
                if it.number != 1:
                    p = doc.add_paragraph()
                    _add_runs(p, f"({it.number}) {it.text}")
                    continue
                para_num = next_num
                next_num += 1
                _add_num(doc, para_num, 90)
            p = doc.add_paragraph()
            _set_num(p, para_num)
            _add_runs(p, it.text)
            expected = it.number + 1
        elif it.kind == "bullet":
            if bullets_num is None:
                bullets_num = next_num
                next_num += 1
                _add_num(doc, bullets_num, 91, restart=False)
            p = doc.add_paragraph()
            _set_num(p, bullets_num, it.level - 1)
            _add_runs(p, it.text)
        elif it.kind == "table":
            bullets_num = None
            t = doc.add_table(rows=0, cols=len(it.rows[0]))
            t.style = "Table Grid"
            for row in it.rows:
                cells = t.add_row().cells
                for c, val in zip(cells, row, strict=True):
                    c.text = ""
                    _add_runs(c.paragraphs[0], val)
        else:
            bullets_num = None
            p = doc.add_paragraph()
            _add_runs(p, it.text)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_pin_zip_dates(buf.getvalue()))


def _pin_zip_dates(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so regenerated fixtures do not churn git."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                pinned = rb'<dcterms:\1 xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z<'
                body = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*<", pinned, body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# PDF rendering (reportlab)
# --------------------------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("Body", str(regular)))
        pdfmetrics.registerFont(TTFont("Body-Bold", str(bold)))
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        registerFontFamily("Body", normal="Body", bold="Body-Bold", italic="Body", boldItalic="Body-Bold")
        return "Body", "Body-Bold"
    return "Helvetica", "Helvetica-Bold"


def hyphenate(word: str):  # type: ignore[no-untyped-def]
    """A crude German hyphenator for reportlab: split before a consonant+vowel,
    longest head first; enough to put real line-end hyphens into the renders."""
    if len(word) < 10 or not word.isalpha():
        return
    vowels = "aeiouäöüy"
    for k in range(len(word) - 4, 3, -1):
        if word[k].lower() not in vowels and word[k + 1].lower() in vowels:
            yield word[:k], word[k:]


class _NumberedCanvasMixin:
    pass


def _numbered_canvas(header: str, font: str):  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        """Draws the running header and "Seite N von M" once the page count is known."""

        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                w, h = self._pagesize
                self.setFont(font, 8)
                self.drawString(56, h - 40, header)
                self.line(56, h - 44, w - 56, h - 44)
                self.drawCentredString(w / 2, 30, f"Seite {self._pageNumber} von {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(items: list[Item], out: Path, header: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font, bold = _fonts()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=10, leading=13, alignment=TA_JUSTIFY, spaceAfter=6,
        hyphenationLang=hyphenate,
    )  # fmt: skip
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=6, spaceAfter=2)
    bullet2 = ParagraphStyle("bullet2", parent=bullet, leftIndent=36, bulletIndent=24)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=10.5, hyphenationLang=hyphenate)
    small_cell = ParagraphStyle("small_cell", parent=cell, fontSize=7, leading=8.5)
    heads = {
        1: ParagraphStyle("h1", fontName=bold, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6),
        2: ParagraphStyle("h2", fontName=bold, fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=4),
        3: ParagraphStyle("h3", fontName=bold, fontSize=10, leading=13, spaceBefore=6, spaceAfter=4),
    }
    story = []
    for it in items:
        if it.kind == "heading":
            story.append(Paragraph(md_inline(md_plain(it.text)), heads[min(it.level, 3)]))
        elif it.kind == "bullet":
            st = bullet2 if it.level > 1 else bullet
            story.append(Paragraph(md_inline(it.text), st, bulletText="•" if it.level == 1 else "–"))
        elif it.kind == "numpara":
            story.append(Paragraph(md_inline(f"({it.number}) {it.text}"), body))
        elif it.kind == "table":
            ncol = len(it.rows[0])
            # narrow columns get a smaller font so that long compounds need no forced break
            cst = cell if ncol <= 3 else small_cell
            data = [[Paragraph(md_inline(c), cst) for c in row] for row in it.rows]
            width = A4[0] - 2 * 56
            t = Table(data, colWidths=[width / ncol] * ncol, repeatRows=0)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
            story.append(t)
        else:
            story.append(Paragraph(md_inline(it.text), body))
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=64, bottomMargin=56,
        title=header, author="avvlint fixtures", invariant=1,
    )  # fmt: skip
    doc.build(story, canvasmaker=_numbered_canvas(header, font))


# --------------------------------------------------------------------------------------
# Small good fixtures
# --------------------------------------------------------------------------------------

SAMPLE = (
    "§ 1 Gegenstand\n\n"
    "(1) Der Auftragnehmer verarbeitet personenbezogene Daten im Auftrag des Auftraggebers.\n\n"
    "(2) Die Rückgabe der Daten erfolgt binnen dreißig Tagen nach Vertragsende.\n\n"
    "§ 2 Meldepflichten\n\n"
    "Der Auftragnehmer meldet Verletzungen des Schutzes personenbezogener Daten unverzüglich, "
    "spätestens innerhalb von 24 Stunden.\n"
)


def make_txt(good: Path) -> None:
    (good / "utf8.txt").write_bytes(SAMPLE.encode("utf-8"))
    (good / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    (good / "utf16le_bom.txt").write_bytes(b"\xff\xfe" + SAMPLE.encode("utf-16-le"))
    (good / "utf16be_bom.txt").write_bytes(b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    (good / "cp1252.txt").write_bytes(SAMPLE.replace("Tagen", "Tagen „netto“ – ohne Zusatz").encode("cp1252"))
    (good / "latin1.txt").write_bytes(SAMPLE.encode("latin-1"))
    (good / "crlf.txt").write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    md = (
        "# Auftragsverarbeitungsvertrag\n\n"
        "## § 1 Gegenstand\n\n"
        "Der **Auftragnehmer** verarbeitet Daten nur auf __dokumentierte Weisung__ des Auftraggebers.\n\n"
        "## § 2 Meldung\n\n"
        "- Der Auftragnehmer meldet *unverzüglich*, spätestens binnen **24 Stunden**.\n"
        "- Die Meldung enthält die Art der Verletzung.\n\n"
        "| Anbieter | Sitz | Zweck |\n|---|---|---|\n| Hetzner Online GmbH | Deutschland | Hosting |\n\n"
        "## Anlage 1 Technische und organisatorische Maßnahmen\n\n"
        "Zutrittskontrolle: Rechenzentrum mit Zugangskontrolle.\n"
    )
    (good / "markdown.md.txt").write_bytes(md.encode("utf-8"))


def make_docx_features(good: Path) -> None:
    """A DOCX exercising numbering, tracked changes, header/footer and a table."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "KOPFZEILE Musterfirma GmbH – vertraulich"
    sec.footer.paragraphs[0].text = "FUSSZEILE Seite 1"
    _add_abstract(doc, 80, [("decimal", "§ %1")])
    _add_abstract(doc, 81, [("decimal", "(%1)"), ("lowerLetter", "%2)")])
    _add_abstract(doc, 82, [("decimal", "%1."), ("decimal", "%1.%2")])
    _add_num(doc, 10, 80)
    _add_num(doc, 11, 81)
    _add_num(doc, 12, 81)
    _add_num(doc, 13, 82)

    def para(text: str, num: int | None = None, ilvl: int = 0, style: str | None = None):  # type: ignore[no-untyped-def]
        p = doc.add_paragraph(style=style)
        if num is not None:
            _set_num(p, num, ilvl)
        if text:
            p.add_run(text)
        return p

    doc.add_paragraph("Auftragsverarbeitungsvertrag", style="Title")
    para("Gegenstand", 10, style="Heading 1")
    para("Der Auftragnehmer verarbeitet Daten im Auftrag.", 11)
    p = para("Die Daten werden ", 11)
    p._p.append(parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">binnen 30 Tagen </w:t></w:r></w:ins>'
    ))  # fmt: skip
    p._p.append(parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">GESTRICHEN nach Ermessen </w:delText></w:r></w:del>'
    ))  # fmt: skip
    p.add_run("gelöscht.")
    para("Unterpunkt eins zur Löschung.", 11, 1)
    para("Unterpunkt zwei zur Löschung.", 11, 1)
    para("Meldung", 10, style="Heading 1")
    para("Der Auftragnehmer meldet Verletzungen unverzüglich.", 12)
    para("Die Meldung enthält die Art der Verletzung.", 12)
    para("Die Meldung nennt eine Kontaktstelle.", 12)
    t = doc.add_table(rows=2, cols=3)
    rows = [["Anbieter", "Sitz", "Zweck"], ["Hetzner Online GmbH", "Deutschland", "Hosting"]]
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    para("Nach der Tabelle folgt dieser Absatz.")
    para("Weitere Regelungen", 13, style="Heading 2")
    para("Erster Unterabschnitt", 13, 1)
    para("Zweiter Unterabschnitt", 13, 1)
    para("Überschrift auf Deutsch", style="Heading 3")
    buf = io.BytesIO()
    doc.save(buf)
    (good / "features.docx").write_bytes(_pin_zip_dates(buf.getvalue()))


def make_pdf_features(good: Path) -> None:
    """PDFs for ligatures/soft hyphens, a two-column page, and a table with running heads."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font, bold = _fonts()
    c = canvas.Canvas(str(good / "ligatures.pdf"), pagesize=A4, invariant=1)
    c.setFont(font, 11)
    # ligatures fi/fl as single glyphs; a soft hyphen drawn at the line end
    c.drawString(72, 760, "Die Verarbeitung ist ef\ufb01zient und \ufb02exibel geregelt; der Auf\u00ad")
    c.drawString(72, 746, "tragsverarbeiter und der Sub-")
    c.drawString(72, 732, "Auftragsverarbeiter treffen Art.-")
    c.drawString(72, 718, "32-Maßnahmen sowie Zutritts-")
    c.drawString(72, 704, "und Zugangskontrollen.")
    c.showPage()
    c.save()

    c = canvas.Canvas(str(good / "two_columns.pdf"), pagesize=A4, invariant=1)
    c.setFont(bold, 14)
    c.drawString(72, 790, "Auftragsverarbeitungsvertrag")
    c.setFont(font, 10)
    left = [f"Linke Spalte Zeile {i:02d} mit etwas Vertragstext." for i in range(1, 21)]
    right = [f"Rechte Spalte Zeile {i:02d} mit weiterem Text." for i in range(1, 21)]
    # Interleave the drawing order (line by line across columns) as some generators do.
    for i in range(20):
        y = 760 - i * 13
        c.drawString(72, y, left[i])
        c.drawString(320, y, right[i])
    c.showPage()
    c.save()


def make_pdf_tables(good: Path) -> None:
    """Ruled tables the seed renders do not have: merged cells (across columns and rows),
    a shaded header, cells so tight that one text line runs through several of them, a
    grid drawn as one path of rectangles inside a scaled form XObject, and a framed note
    that is not a table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    font, bold = _fonts()
    c = canvas.Canvas(str(good / "tables.pdf"), pagesize=A4, invariant=1)
    c.setFont(bold, 12)
    c.drawString(56, 790, "Anlage 3 Fristen und Kontrollen")
    c.setFont(font, 10)
    c.drawString(56, 770, "Die folgenden Fristen gelten für den Auftragsverarbeiter.")

    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    cell_right = ParagraphStyle("cell_right", parent=cell, alignment=2)
    data = [
        ["Pflicht", "Frist", ""],
        ["Meldung", "24 Stunden", "per E-Mail"],
        ["Löschung", "30 Tage", Paragraph("nach Vertragsende, auch in allen Sicherungskopien", cell)],
        ["", "90 Tage", "Backups"],
        ["Nachweis", "14 Tage", "auf Anfrage"],
        # words broken at a line-end hyphen inside cells
        [
            Paragraph("Auftrags-<br/>kontrolle", cell_right),
            "7 Tage",
            Paragraph("Unter-<br/>auftragnehmer prüfen", cell),
        ],
        # a hyphen ending a PDFium line that runs through two cells
        ["Prüfung", Paragraph("Sub-<br/>unternehmer", cell), "jährlich"],
    ]
    t = Table(data, colWidths=[70, 62, 150])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("SPAN", (1, 0), (2, 0)),  # "Frist" over two columns
                ("SPAN", (0, 2), (0, 3)),  # "Löschung" over two rows
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # right-aligned first column, no padding: the runs of a row nearly touch and
                # PDFium reads "Meldung 24 Stunden" as one line that the cells must split
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    _w, h = t.wrapOn(c, 300, 400)
    t.drawOn(c, 56, 750 - h)

    c.drawString(56, 560, "Die technischen Kontrollen stehen in der folgenden Übersicht.")
    # A grid as one path of cell rectangles, in a form drawn at 80 %: segments and matrices.
    c.beginForm("grid")
    p = c.beginPath()
    for row in range(3):
        for col in range(2):
            p.rect(col * 180, row * 20, 180, 20)
    c.drawPath(p, stroke=1, fill=0)
    cells = [
        ["Zutrittskontrolle", "Chipkarten"],
        ["Zugangskontrolle", "Passwörter und MFA"],
        ["Maßnahme", "Umsetzung"],
    ]
    for row, (left, right) in enumerate(cells):
        c.setFont(font, 10)
        c.drawString(4, row * 20 + 6, left)
        c.drawString(184, row * 20 + 6, right)
    c.endForm()
    c.saveState()
    c.translate(56, 480)
    c.scale(0.8, 0.8)
    c.doForm("grid")
    c.restoreState()

    c.rect(56, 400, 300, 30)  # a framed note: one box, text, no table
    c.drawString(62, 412, "Hinweis: Änderungen bedürfen der Textform.")
    c.drawString(56, 370, "Ende der Anlage.")
    c.showPage()

    # page 2: a table ruled only with heavy 2 pt lines
    c.setFont(font, 10)
    c.drawString(56, 790, "Anlage 4 Kontakte")
    heavy = Table(
        [["Rolle", "Kontakt"], ["Datenschutzbeauftragter", "dsb@example.org"], ["Support", "+49 30 123456"]],
        colWidths=[150, 150],
    )
    heavy.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 2, colors.black), ("FONTNAME", (0, 0), (-1, -1), font)])
    )
    _w, h = heavy.wrapOn(c, 300, 400)
    heavy.drawOn(c, 56, 770 - h)
    c.showPage()
    c.save()


# --------------------------------------------------------------------------------------
# Bad inputs
# --------------------------------------------------------------------------------------


def _png(width: int = 8, height: int = 8) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + bytes([200, 200, 200]) * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


_CT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)


def _docx_with_document(document_xml: bytes) -> bytes:
    return _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS, "word/document.xml": document_xml})


def _ole_encrypted_package() -> bytes:
    """A minimal compound file with the two streams Office writes for an encrypted DOCX."""
    sector = 512
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>".ljust(4088, b"\x00")  # agile header stub
    package = struct.pack("<Q", 1234) + random.Random(7).randbytes(4088)
    fat = [fat_sect, end, *range(3, 10), end, *range(11, 18), end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        enc = (name + "\x00").encode("utf-16-le") if name else b""
        return (
            enc.ljust(64, b"\x00") + struct.pack("<HBB", len(enc), kind, 1)
            + struct.pack("<III", left, right, child)
            + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IQ", start, size)
        )  # fmt: skip

    directory = (
        entry("Root Entry", 5, nostream, nostream, 1, end, 0)
        + entry("EncryptionInfo", 2, nostream, 2, nostream, 2, len(info))
        + entry("EncryptedPackage", 2, nostream, nostream, nostream, 10, len(package))
        + entry("", 0, nostream, nostream, nostream, 0, 0)
    )
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6 + struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, end, 0, end) + struct.pack("<I", 0)
        + struct.pack("<I", 0) + struct.pack("<108I", *([free] * 108))
    )  # fmt: skip
    header = header[:76] + struct.pack("<I", 0) + header[80:]
    assert len(header) == 512, len(header)
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + info + package
    return header + body


def make_bad(bad: Path, good_pdf: Path, good_docx: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    (bad / "empty-file.pdf").write_bytes(b"")
    (bad / "unsupported-format.png").write_bytes(_png())
    (bad / "unsupported-format_image-named.pdf").write_bytes(_png())
    xlsx = _zip({
        "[Content_Types].xml": b"<Types/>",
        "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        "xl/worksheets/sheet1.xml": b"<worksheet/>",
    })  # fmt: skip
    (bad / "unsupported-format_spreadsheet-named.pdf").write_bytes(xlsx)
    (bad / "unsupported-format_random.bin").write_bytes(b"\x00\x91" + random.Random(42).randbytes(4094))
    (bad / "unsupported-format_legacy.doc").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    )

    # encrypted PDF (user password required)
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("geheim", ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(bad / "encrypted-pdf.pdf"), pagesize=A4, encrypt=enc, invariant=1)
    c.drawString(72, 760, "Vertraulicher Auftragsverarbeitungsvertrag")
    c.showPage()
    c.save()

    data = good_pdf.read_bytes()
    (bad / "corrupt-pdf_truncated.pdf").write_bytes(data[: len(data) // 2])
    (bad / "corrupt-pdf_garbage.pdf").write_bytes(
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n" + random.Random(5).randbytes(2000)
        + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )  # fmt: skip
    d = good_docx.read_bytes()
    (bad / "corrupt-docx_truncated.docx").write_bytes(d[: len(d) // 2])
    (bad / "corrupt-docx_malformed-xml.docx").write_bytes(
        _docx_with_document(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>unclosed')
    )

    # scanned: a page that is only an image
    img = io.BytesIO(_png(200, 280))
    c = canvas.Canvas(str(bad / "no-text-layer.pdf"), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(img), 50, 50, width=495, height=740)
    c.showPage()
    c.save()
    c = canvas.Canvas(str(bad / "no-text_blank.pdf"), pagesize=A4, invariant=1)
    c.showPage()
    c.save()

    # zip bomb: 40 MB of zeros in one member inflate from ~40 kB
    bomb = _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS, "word/document.xml": b"<a/>",
                 "word/media/zeros.xml": b"\x00" * (40 * 1024 * 1024)})  # fmt: skip
    (bad / "zip-bomb.docx").write_bytes(bomb)

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
            for i in range(1, 10)
        )
        + f"]>\n<w:document {w}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    (bad / "unsafe-xml_billion-laughs.docx").write_bytes(_docx_with_document(laughs.encode()))
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f"<w:document {w}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    (bad / "unsafe-xml_external-entity.docx").write_bytes(_docx_with_document(xxe.encode()))
    (bad / "encrypted-docx.docx").write_bytes(_ole_encrypted_package())
    (bad / "unsupported-format.rtf").write_bytes(rb"{\rtf1\ansi Auftragsverarbeitung}")


# --------------------------------------------------------------------------------------


def main() -> int:
    good, bad, seeds = FIX / "good", FIX / "bad", FIX / "seeds"
    for d in (good, bad, seeds):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    make_txt(good)
    make_docx_features(good)
    make_pdf_features(good)
    make_pdf_tables(good)
    docs, gold = ROOT / "corpora" / "docs", ROOT / "corpora" / "gold"
    for seed in SEEDS:
        items = parse_seed(seed.read_text(encoding="utf-8"))
        for ext, render in (("docx", render_docx), ("pdf", render_pdf)):
            out = seeds / f"{seed.stem}.{ext}"
            render(items, out, header_text(seed))
            shutil.copyfile(out, docs / out.name)
            gold_src = (gold / f"{seed.stem}.yaml").read_text(encoding="utf-8")
            gold_out = re.sub(
                r"^document: .*$", f"document: {out.name}", gold_src, count=1, flags=re.MULTILINE
            )
            (gold / f"{out.name}.yaml").write_text(gold_out, encoding="utf-8")
    make_bad(bad, seeds / f"{SEEDS[0].stem}.pdf", seeds / f"{SEEDS[0].stem}.docx")
    total = sum(p.stat().st_size for p in FIX.rglob("*") if p.is_file())
    print(f"fixtures written: {total / 1024:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
