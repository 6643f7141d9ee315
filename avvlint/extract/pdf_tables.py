"""Ruled tables in PDFs, read with PDFium: drawn lines -> cell grid -> cell texts.

A cheap count of rulings and boxes (``page_drawing``) says whether a page may
hold a ruled table; only such pages have their path objects taken apart into
edges, which ``pdf_grid`` turns into cells. The characters of the text lines
inside a table then go to the cell holding their centre, and each cell's lines
are joined like paragraph lines (line-end hyphens undone). Unruled tables are
handled by the layout step from the column gaps of the PDFium lines.
"""

from __future__ import annotations

import bisect
import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from .hyphenation import join_lines
from .pdf_grid import MAX_EDGES, Cell, Edge, find_grids
from .pdf_lines import Line, clean_text

Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f (PDF order)
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A path with more segments than this is artwork (a logo, a chart); its box still counts.
_MAX_SEGMENTS = 400
# PDFium's bounds of a stroked line are about twice the line width thick: this admits rules
# up to ~2 pt (heavy table frames) and thin filled bars.
_RULE_BOUNDS = 4.5
# PDFium marks a line-end hyphen it removed when joining lines with U+FFFE (some producers: STX).
_JOINED_HYPHEN = frozenset("\ufffe\x02")


@dataclass(slots=True)
class TableGrid:
    """A table found on a page: its box (PDF coordinates, y up) and its cell texts."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    rows: list[list[str]] = field(default_factory=list)

    def contains(self, x: float, y: float, tol: float = 1.0) -> bool:
        return self.x0 - tol <= x <= self.x1 + tol and self.y0 - tol <= y <= self.y1 + tol


def _matrix(obj: object) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _iter_objects(
    parent: object, depth: int = 0, ctm: Matrix = _IDENTITY
) -> Iterator[tuple[int, object, Matrix]]:
    """Page objects as (type, handle, matrix to page space of the form holding them)."""
    count = (
        pdfium_c.FPDFPage_CountObjects(parent) if depth == 0 else pdfium_c.FPDFFormObj_CountObjects(parent)
    )
    for i in range(count):
        obj = (
            pdfium_c.FPDFPage_GetObject(parent, i)
            if depth == 0
            else pdfium_c.FPDFFormObj_GetObject(parent, i)
        )
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            # objects inside a form XObject report coordinates in the form's space
            yield from _iter_objects(obj, depth + 1, _compose(_matrix(obj), ctm))
        else:
            yield kind, obj, ctm


@dataclass(slots=True)
class PageDrawing:
    """What the page draws besides text: enough to guess at tables and scans, and the
    path objects to take apart if it is a table (valid only while the page is open)."""

    h_rules: int = 0
    v_rules: int = 0
    boxes: int = 0
    images: int = 0
    paths: list[tuple[object, Matrix]] = field(default_factory=list)

    @property
    def looks_like_table(self) -> bool:
        return (self.h_rules >= 2 and (self.v_rules >= 2 or self.boxes >= 2)) or self.boxes >= 4


def page_drawing(page: object) -> PageDrawing:
    """Count rulings, boxes and images on a page (PDFium page handle)."""
    d = PageDrawing()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    for kind, obj, ctm in _iter_objects(page):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            d.images += 1
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        d.paths.append((obj, ctm))
        # bounds of objects inside forms are in the form's space; good enough for counting
        w = right.value - left.value
        h = top.value - bottom.value
        if h <= _RULE_BOUNDS and w >= 15:
            d.h_rules += 1
        elif w <= _RULE_BOUNDS and h >= 8:
            d.v_rules += 1
        elif w > 8 and h > 8:
            d.boxes += 1
    return d


# -- edges ---------------------------------------------------------------------------


def _visible(obj: object) -> bool:
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    return bool(fill.value) or bool(stroke.value)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _edge(p: tuple[float, float], q: tuple[float, float], page_height: float) -> Edge | None:
    """The segment p-q as a top-down edge if it is horizontal or vertical."""
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 1:
        return Edge(True, page_height - (y0 + y1) / 2, min(x0, x1), max(x0, x1))
    if abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 1:
        return Edge(False, (x0 + x1) / 2, page_height - max(y0, y1), page_height - min(y0, y1))
    return None


def _box_edges(obj: object, ctm: Matrix, page_height: float) -> list[Edge]:
    """A path too complex to take apart counts as its bounding box."""
    vals = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in vals)):
        return []
    left, bottom, right, top = (v.value for v in vals)
    corners = [_apply(ctm, x, y) for x, y in ((left, bottom), (right, bottom), (right, top), (left, top))]
    return [
        e for a, b in zip(corners, corners[1:] + corners[:1], strict=True) if (e := _edge(a, b, page_height))
    ]


def path_edges(obj: object, ctm: Matrix, page_height: float) -> list[Edge]:
    """Horizontal and vertical straight segments a visible path draws (stroked or the
    sides of a filled area), in page space, top-down."""
    if not _visible(obj):
        return []
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0:
        return []
    if n > _MAX_SEGMENTS:
        return _box_edges(obj, ctm, page_height)
    m = _compose(_matrix(obj), ctm)
    x = ctypes.c_float()
    y = ctypes.c_float()
    out: list[Edge] = []
    start: tuple[float, float] | None = None
    cur: tuple[float, float] | None = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        pt = _apply(m, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or cur is None:
            start = cur = pt
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and (e := _edge(cur, pt, page_height)):
            out.append(e)
        cur = pt  # a Bézier point only moves the pen: curves are not rulings
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            if e := _edge(cur, start, page_height):
                out.append(e)
            cur = start
    return out


# -- cell texts ----------------------------------------------------------------------


class _CharReader:
    """Code points and glyph-box centres of PDFium characters (one ctypes call each)."""

    def __init__(self, textpage: object) -> None:
        self.textpage = textpage
        self.count = pdfium_c.FPDFText_CountChars(textpage)
        self._vals = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(v) for v in self._vals]

    def char(self, i: int) -> str:
        if not 0 <= i < self.count:
            return ""
        return chr(pdfium_c.FPDFText_GetUnicode(self.textpage, i) or 0xFFFD)

    def centre(self, i: int) -> tuple[float, float] | None:
        if not pdfium_c.FPDFText_GetCharBox(self.textpage, i, *self._refs):
            return None
        left, right, bottom, top = (v.value for v in self._vals)
        return (left + right) / 2, (bottom + top) / 2


class _CellIndex:
    """Which cell of a table holds a point: a lookup in the table's column and row lines,
    falling back to the nearest cell (text in a gap of an irregular grid stays in the table)."""

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells
        self.xs = sorted({v for c in cells for v in (c[0], c[2])})
        self.tops = sorted({v for c in cells for v in (c[1], c[3])})
        self.slots: dict[tuple[int, int], int] = {}
        for k, (x0, t0, x1, t1) in enumerate(cells):
            for col in range(bisect.bisect_left(self.xs, x0), bisect.bisect_left(self.xs, x1)):
                for row in range(bisect.bisect_left(self.tops, t0), bisect.bisect_left(self.tops, t1)):
                    self.slots[(col, row)] = k

    def at(self, x: float, top: float) -> int:
        col = bisect.bisect_right(self.xs, x) - 1
        row = bisect.bisect_right(self.tops, top) - 1
        k = self.slots.get((col, row))
        return k if k is not None else self._nearest(x, top)

    def _nearest(self, x: float, top: float) -> int:
        best, best_d = 0, float("inf")
        for k, (x0, t0, x1, t1) in enumerate(self.cells):
            dx = max(x0 - x, 0.0, x - x1)
            dy = max(t0 - top, 0.0, top - t1)
            if dx * dx + dy * dy < best_d:
                best, best_d = k, dx * dx + dy * dy
        return best


def _fill_cells(
    cells: list[Cell], lines: list[Line], reader: _CharReader, page_height: float
) -> list[list[tuple[float, float, str]]]:
    """Per cell, its text pieces as (top, x0, text): a line inside one cell as read, a line
    running over several cells split where its characters pass into the next cell."""
    index = _CellIndex(cells)
    pieces: list[list[tuple[float, float, str]]] = [[] for _ in cells]
    for ln in lines:
        top = page_height - ln.y1
        mid = page_height - ln.mid_y
        first = index.at(ln.x0 + 0.5, mid)
        if ln.start < 0 or first == index.at(ln.x1 - 0.5, mid):
            # cells are rectangles: both ends in one cell means the whole line is in it
            pieces[first].append((top, ln.x0, ln.text))
            continue
        runs: list[tuple[int, float, list[str]]] = []  # cell, x0 of first char, chars
        for i in range(ln.start, ln.end):
            ch = reader.char(i)
            c = reader.centre(i) if not ch.isspace() else None
            if c is None:
                if runs:
                    runs[-1][2].append(ch)  # spaces (also generated ones) go with the text before
                continue
            k = index.at(c[0], page_height - c[1])
            if runs and runs[-1][0] == k:
                runs[-1][2].append(ch)
            else:
                runs.append((k, c[0], [ch]))
        joined = reader.char(ln.end) in _JOINED_HYPHEN
        for n, (k, x0, chars) in enumerate(runs):
            text = clean_text("".join(chars))
            if n == len(runs) - 1 and joined and text:
                text += "-"  # PDFium dropped the visible hyphen when it joined the lines
            if text:
                pieces[k].append((top, x0, text))
    return pieces


def _cell_text(pieces: list[tuple[float, float, str]]) -> str:
    # top to bottom; pieces on one line (within a third of a line) left to right
    pieces = sorted(pieces, key=lambda p: (p[0], p[1]))
    lines: list[list[tuple[float, float, str]]] = []
    for p in pieces:
        if lines and abs(lines[-1][0][0] - p[0]) < 3:
            lines[-1].append(p)
        else:
            lines.append([p])
    return join_lines(" ".join(t for _, _, t in sorted(line, key=lambda p: p[1])) for line in lines)


def find_tables(
    drawing: PageDrawing, textpage: object, lines: list[Line], page_index: int, page_height: float
) -> list[TableGrid]:
    """The ruled tables of a page with their cell texts, top to bottom."""
    edges: list[Edge] = []
    for obj, ctm in drawing.paths:
        edges += path_edges(obj, ctm, page_height)
        if len(edges) > MAX_EDGES:
            return []  # a chart or a pattern, not a contract table
    reader = _CharReader(textpage)
    out: list[TableGrid] = []
    for rows in find_grids(edges):
        cells = [c for row in rows for c in row]
        x0 = min(c[0] for c in cells)
        top = min(c[1] for c in cells)
        x1 = max(c[2] for c in cells)
        bottom = max(c[3] for c in cells)
        grid = TableGrid(page_index, x0, page_height - bottom, x1, page_height - top)
        inside = [ln for ln in lines if grid.contains((ln.x0 + ln.x1) / 2, ln.mid_y)]
        texts = [_cell_text(p) for p in _fill_cells(cells, inside, reader, page_height)]
        k = 0
        for row in rows:
            grid.rows.append(texts[k : k + len(row)])
            k += len(row)
        grid.rows = [r for r in grid.rows if any(r)]
        filled = sum(1 for r in grid.rows for c in r if c)
        if len(grid.rows) < 2 and filled < 2:
            continue  # a framed note or a single box is text, not a table
        out.append(grid)
    return out
