"""Plain text (and Markdown) contracts.

The text is kept as the user sees it (decoded, NFC, LF line ends), so offsets
point into it; Markdown marks stay in the text and are ignored by matching.
Blocks are found from blank lines, list markers, headings and table rows.
"""

from __future__ import annotations

import codecs
import re

from ..document import Block, Document
from ..errors import DocumentError
from ..normalize import normalize_text
from ..wording import FUNCTION_WORDS
from .limits import Limits

_LIST_ITEM = re.compile(
    r"^[ \t]*(?:[-–•·*▪◦►]|\d{1,2}[.)]|\(\d{1,2}[a-z]?\)|[a-z]\)|\([a-z]\)|[ivx]+\))[ \t]+\S"
)
_MD_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+\S")
# a horizontal rule of dashes, equals signs, stars, tildes or box lines ("____" is a form field)
_DASH_RULE = re.compile(
    r"^[ \t]*(?:-{3,}[ \t\-]*|={3,}[ \t=]*|\*{3,}[ \t*]*|~{3,}[ \t~]*|[─━═]{3,}[ \t─━═]*)$"
)
_MULTI_SPACE_CELLS = re.compile(r"\S(?: {3,})\S")


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("decode-error", f"{source}: invalid UTF-16 text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _is_table_line(line: str) -> bool:
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 2:
        return True
    if "\t" in line.strip("\t ") and len([c for c in line.split("\t") if c.strip()]) >= 2:
        return True
    return bool(_MULTI_SPACE_CELLS.search(s)) and len(s) < 240


def _cells(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Cell spans of one table line (pipes, tabs or runs of 3+ spaces)."""
    seg = text[start:end]
    if seg.strip().startswith("|"):
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^|]+", seg)]
    elif "\t" in seg.strip():
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^\t]+", seg)]
    else:
        parts = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", seg)]
    out = []
    for s, e in parts:
        cell = seg[s:e]
        if not cell.strip():
            continue
        lead = len(cell) - len(cell.lstrip())
        trail = len(cell) - len(cell.rstrip())
        out.append((start + s + lead, start + e - trail))
    return tuple(out)


_FIRST_CELL_EMPTY = re.compile(r"^[ \t]*\|[ \t]*\|[^|]*\S")


def _continues_row(line: str) -> bool:
    """A pipe-table line whose first cell is empty and another is not: the wrapped text
    of the row above (ASCII tables wrap long cells onto extra lines)."""
    return bool(_FIRST_CELL_EMPTY.match(line))


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    """How long a line of running text gets before it is wrapped: a line this long that
    stops mid-sentence goes on in the next line. Plain-text contracts wrap anywhere from
    60 to 100 columns; unwrapped ones have long lines and few short ones."""
    lengths = sorted(len(text[s:e].strip()) for s, e in lines if text[s:e].strip())
    if not lengths:
        return 55
    p90 = lengths[int(len(lengths) * 0.9)]
    return max(40, min(55, int(p90 * 0.8)))


def _mid_sentence(line: str) -> bool:
    """A line that stops on a comma or a lower-case word ("…, sage ich dir das") breaks a
    sentence; one that ends on a capitalised noun may be a heading ("Zweck der Verarbeitung")."""
    words = line.split()
    return line.rstrip().endswith(",") or bool(words and words[-1][:1].islower())


def _dangling(line: str) -> bool:
    """A line ending on an article, a preposition or a conjunction ("…, falls du je eine")
    cannot end a paragraph."""
    words = line.split()
    return bool(words) and words[-1] in FUNCTION_WORDS


def segment_lines(text: str) -> list[Block]:
    """Split a text into blocks; shared with extractors that produce line text."""
    blocks: list[Block] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1

    wrap = _wrap_width(text, lines)
    table_no = -1
    row_no = 0
    in_table = False
    cur: tuple[int, int] | None = None  # open paragraph (start, end)
    cur_kind = "paragraph"
    tab_row: list[tuple[int, int]] = []  # consecutive tab-led lines form one row

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            blocks.append(Block(cur_kind, cur[0], cur[1]))  # type: ignore[arg-type]
            cur = None

    def flush_tab_row() -> None:
        nonlocal tab_row, row_no, table_no, in_table
        if not tab_row:
            return
        if not in_table:
            table_no += 1
            row_no = 0
            in_table = True
        cells = tuple((s + (len(text[s:e]) - len(text[s:e].lstrip())), e) for s, e in tab_row)
        blocks.append(
            Block("table_row", tab_row[0][0], tab_row[-1][1], table=table_no, row=row_no, cells=cells)
        )
        row_no += 1
        tab_row = []

    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip()
        if not stripped or _DASH_RULE.match(line) or _MD_TABLE_SEP.match(line):
            flush()
            flush_tab_row()
            if not stripped:
                # a blank line ends a cell-per-line table only if the next line is not tab-led
                nxt = text[lines[idx + 1][0] : lines[idx + 1][1]] if idx + 1 < len(lines) else ""
                if not nxt.startswith("\t"):
                    in_table = False
            continue
        if (
            line.startswith("\t")
            and "\t" not in stripped
            and not tab_row
            and blocks
            and blocks[-1].kind == "table_row"
            and len(blocks[-1].cells) >= 2
            and blocks[-1].end == s - 1
        ):
            # A wrapped cell: "Gegenstand<TAB>Druck, Kuvertierung und Versand der …" followed by
            # "<TAB>Mieterhöhungsverlangen …" continues the last cell of the row above.
            prev = blocks[-1]
            cells = (*prev.cells[:-1], (prev.cells[-1][0], e))
            blocks[-1] = Block("table_row", prev.start, e, table=prev.table, row=prev.row, cells=cells)
            continue
        if line.startswith("\t") and "\t" not in stripped:
            # DOCX-to-text tables: one cell per tab-led line, a blank line between rows.
            flush()
            tab_row.append((s, e))
            continue
        flush_tab_row()
        if _is_table_line(line):
            flush()
            prev = blocks[-1] if blocks else None
            if in_table and prev is not None and prev.kind == "table_row" and _continues_row(line):
                # "|      | Weisung des Auftraggebers. |     |" goes on with the row above
                blocks[-1] = Block(
                    "table_row",
                    prev.start,
                    e,
                    table=prev.table,
                    row=prev.row,
                    cells=prev.cells + _cells(text, s, e),
                )
                continue
            if not in_table:
                table_no += 1
                row_no = 0
                in_table = True
            lead = len(line) - len(line.lstrip())
            blocks.append(
                Block("table_row", s + lead, e, table=table_no, row=row_no, cells=_cells(text, s, e))
            )
            row_no += 1
            continue
        in_table = False
        lead = len(line) - len(line.lstrip())
        start = s + lead
        end = s + len(line.rstrip())
        md = _MD_HEADING.match(line)
        if md:
            # A Markdown heading is always a block of its own; its level is a hint for structure.
            flush()
            blocks.append(Block("heading", start, end, heading_level=len(md.group(1))))
            continue
        is_item = bool(_LIST_ITEM.match(line))
        if cur is not None and not is_item:
            prev = text[cur[0] : cur[1]]
            # Hard-wrapped paragraph: the previous line runs on (no sentence end, long for
            # this document's wrap width, or the next line goes on in lower case).
            last = prev.split("\n")[-1]
            if not prev.rstrip().endswith((".", ":", ";", "!", "?")) and (
                len(last) >= wrap
                or (len(last) >= 20 and stripped[:1].islower() and _mid_sentence(last))
                or (len(last) >= 15 and _dangling(last))
            ):
                cur = (cur[0], end)
                continue
        flush()
        cur = (start, end)
        cur_kind = "list_item" if is_item else "paragraph"
    flush()
    flush_tab_row()
    blocks.sort(key=lambda b: b.start)
    return blocks


def extract_txt(data: bytes, source: str, limits: Limits) -> Document:
    text = normalize_text(decode_text(data, source))
    return Document(text=text, format="txt", blocks=segment_lines(text), source=source)
