"""Tables in PDFs: a cheap test for ruled tables, and pdfplumber's finder where it passes.

pdfplumber takes ~80 ms a page, PDFium ~1.5 ms, so pdfplumber only looks at
pages whose drawing objects look like a table grid (several horizontal and
vertical rulings or cell boxes). Unruled tables are handled by the layout
step from the column gaps of the PDFium lines.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from ..normalize import normalize_text
from .hyphenation import join_lines


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


def _iter_objects(page: object, depth: int = 0):  # type: ignore[no-untyped-def]
    count = pdfium_c.FPDFPage_CountObjects(page) if depth == 0 else pdfium_c.FPDFFormObj_CountObjects(page)
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, i) if depth == 0 else pdfium_c.FPDFFormObj_GetObject(page, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            yield from _iter_objects(obj, depth + 1)
        else:
            yield kind, obj


@dataclass(slots=True)
class PageDrawing:
    """What the page draws besides text: enough to guess at tables and scans."""

    h_rules: int = 0
    v_rules: int = 0
    boxes: int = 0
    images: int = 0

    @property
    def looks_like_table(self) -> bool:
        return (self.h_rules >= 2 and (self.v_rules >= 2 or self.boxes >= 2)) or self.boxes >= 4


def page_drawing(page: object) -> PageDrawing:
    """Count rulings, boxes and images on a page (PDFium page handle)."""
    d = PageDrawing()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    for kind, obj in _iter_objects(page):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            d.images += 1
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        w = right.value - left.value
        h = top.value - bottom.value
        if h <= 2.5 and w >= 15:
            d.h_rules += 1
        elif w <= 2.5 and h >= 8:
            d.v_rules += 1
        elif w > 8 and h > 8:
            d.boxes += 1
    return d


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    lines = [" ".join(line.split()) for line in normalize_text(cell).split("\n")]
    return join_lines(line for line in lines if line)


class TableFinder:
    """pdfplumber opened lazily, once per document, only if some page needs it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf = None
        self.failed = False

    def tables(self, page_index: int, page_height: float) -> list[TableGrid]:
        if self.failed:
            return []
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            page = self._pdf.pages[page_index]
            found = page.find_tables()
            out: list[TableGrid] = []
            for t in found:
                # None marks the shadow of a merged cell; "" a genuinely empty one.
                rows = [[_cell_text(c) for c in row if c is not None] for row in t.extract()]
                rows = [r for r in rows if any(r)]
                cells = sum(1 for r in rows for c in r if c)
                if len(rows) < 2 and cells < 2:
                    continue  # a framed note or a single box is text, not a table
                x0, top, x1, bottom = t.bbox
                out.append(TableGrid(page_index, x0, page_height - bottom, x1, page_height - top, rows))
            page.flush_cache()
            return out
        except Exception:
            # pdfplumber parses the file independently; if it cannot, the text from PDFium
            # still stands and only the table structure is lost.
            self.failed = True
            return []

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
