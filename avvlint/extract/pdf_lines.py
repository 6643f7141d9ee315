"""Visual text lines of a PDF page, read with PDFium.

PDFium gives a page's text in content order with generated line breaks
(``\\r\\n``) and marks a line-end hyphen it has already joined with ``\\ufffe``.
Asking for every character's box costs ~2 µs a character, so this reads boxes
per line (``FPDFText_CountRects``) and only looks at single characters where a
line holds several runs far apart (table cells, a second column).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from ..normalize import normalize_text
from .hyphenation import ends_with_hyphen

# Bullet glyphs from Symbol/Wingdings fonts arrive as private-use code points.
_BULLETS = dict.fromkeys(map(ord, "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u25aa\u25cf\u2023\u2043\u25e6"), "•")
_SPACES = re.compile(r"[ \t]+")
# PDFium marks a line-end hyphen it joined with U+FFFE; some producers emit STX.
_JOINED_HYPHEN = "\ufffe"
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FORCE_BOLD = 1 << 18


@dataclass(slots=True)
class Line:
    """One visual line (or one far-apart run of it) on a page, PDF coordinates (y up)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page: int
    hyphen: bool = False  # ends with a line-end hyphen (visible or PDFium-joined)
    # PDFium character indices [start, end) the line was read from; -1 when built by hand
    start: int = -1
    end: int = -1

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


class _Boxes:
    """Reusable ctypes out-parameters for PDFium rectangle calls."""

    def __init__(self) -> None:
        self.left = ctypes.c_double()
        self.top = ctypes.c_double()
        self.right = ctypes.c_double()
        self.bottom = ctypes.c_double()
        self.refs = (
            ctypes.byref(self.left),
            ctypes.byref(self.top),
            ctypes.byref(self.right),
            ctypes.byref(self.bottom),
        )

    def rects(self, textpage: object, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """(x0, y0, x1, y1) of the runs covering ``count`` characters from ``start``."""
        n = pdfium_c.FPDFText_CountRects(textpage, start, count)
        out = []
        for i in range(n):
            if pdfium_c.FPDFText_GetRect(textpage, i, *self.refs):
                out.append((self.left.value, self.bottom.value, self.right.value, self.top.value))
        return out


def _font_style(textpage: object, index: int, name_buf: ctypes.Array[ctypes.c_char]) -> tuple[float, bool]:
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    if weight >= 600:
        return size, True
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name_buf, len(name_buf), ctypes.byref(flags))
    name = name_buf.value.decode("latin-1", "replace")
    return size, bool(_BOLD_NAME.search(name) or flags.value & _FORCE_BOLD)


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """Split PDFium page text into (start, end, joined_hyphen) pieces at line breaks."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\r" or ch == "\n":
            if i > start:
                out.append((start, i, False))
            i += 1
            start = i
            continue
        if ch == _JOINED_HYPHEN or ch == "\x02":
            out.append((start, i, True))
            i += 1
            start = i
            continue
        i += 1
    if start < n:
        out.append((start, n, False))
    return out


def _split_points(
    rects: list[tuple[float, float, float, float]], size: float, gutter: float | None
) -> list[tuple[int, tuple[float, float, float, float]]]:
    """Indices of rects that open a new line: a jump to another baseline, a wide gap,
    or a gap over the page's column gutter."""
    points = []
    for k in range(1, len(rects)):
        prev, cur = rects[k - 1], rects[k]
        new_line = cur[3] < prev[1] + 0.3 * size or cur[1] > prev[3] - 0.3 * size
        gap = cur[0] - prev[2]
        over_gutter = gutter is not None and prev[2] <= gutter <= cur[0] and gap > 0.8 * size
        if new_line or over_gutter or gap > 2.5 * max(size, 4.0) or gap < -size:
            points.append((k, cur))
    return points


def _gutter(
    pieces: list[tuple[list[tuple[float, float, float, float]], float]], width: float
) -> float | None:
    """The x of a column gutter that many lines have a gap over (text drawn line by line
    across two columns), or ``None``."""
    gaps: list[tuple[float, float]] = []
    for rects, size in pieces:
        for prev, cur in itertools.pairwise(rects):
            same_line = not (cur[3] < prev[1] + 0.3 * size or cur[1] > prev[3] - 0.3 * size)
            if same_line and cur[0] - prev[2] > 0.8 * size:
                gaps.append((prev[2], cur[0]))
    if len(gaps) < 4:
        return None
    best, best_n = None, 0
    for a, b in gaps:
        mid = (a + b) / 2
        if not 0.25 * width < mid < 0.75 * width:
            continue
        n = sum(1 for x, y in gaps if x <= mid <= y)
        if n > best_n:
            best, best_n = mid, n
    return best if best_n >= max(4, 0.3 * len(pieces)) else None


def page_lines(textpage: object, page_index: int, page_width: float) -> list[Line]:
    """The visual lines of one page in PDFium's (content) order."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = pdfium_c.FPDFText_GetText(textpage, 0, n, buf)
    raw = bytes(memoryview(buf).cast("B")[: max(got - 1, 0) * 2]).decode("utf-16-le", errors="replace")
    if len(raw) != n:
        # Characters outside the BMP take two UTF-16 units: read them one by one so that
        # string indices stay PDFium character indices.
        raw = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(n))
    boxes = _Boxes()
    name_buf = ctypes.create_string_buffer(128)
    read: list[tuple[int, int, bool, list[tuple[float, float, float, float]], float, bool]] = []
    for start, end, joined in _pieces(raw):
        rects = boxes.rects(textpage, start, end - start)
        if not rects:
            continue
        first = start + (len(raw[start:end]) - len(raw[start:end].lstrip()))
        size, bold = _font_style(textpage, min(first, end - 1), name_buf)
        read.append((start, end, joined, rects, size, bold))
    gutter = _gutter([(r[3], r[4]) for r in read if len(r[3]) > 1], page_width)
    lines: list[Line] = []
    for start, end, joined, rects, size, bold in read:
        cuts = [start]
        if len(rects) > 1:
            for _k, rect in _split_points(rects, size, gutter):
                ci = pdfium_c.FPDFText_GetCharIndexAtPos(
                    textpage, rect[0] + 0.6, (rect[1] + rect[3]) / 2, 1.0, 1.0
                )
                if start < ci < end and ci > cuts[-1]:
                    cuts.append(ci)
        cuts.append(end)
        for a, b in itertools.pairwise(cuts):
            piece_rects = rects if len(cuts) == 2 else boxes.rects(textpage, a, b - a)
            if not piece_rects:
                continue
            line = _make_line(raw[a:b], piece_rects, page_index, textpage, a, b, size, bold, name_buf)
            if line is not None:
                lines.append(line)
        if joined and lines and not lines[-1].hyphen:
            # PDFium dropped the visible hyphen when it joined the lines; put it back so
            # one rule (hyphenation.join_pair) decides for all PDFs.
            lines[-1].text += "-"
            lines[-1].hyphen = True
    return lines


def clean_text(text: str) -> str:
    """Display text of a run of PDFium characters: normalised, bullets unified, spaces folded."""
    text = text.rstrip()
    if text.endswith("\u00ad"):
        # A soft hyphen at the line end is where the word was broken: keep it visible as "-"
        # (normalize_text drops soft hyphens) so the join rule can see the break.
        text = text[:-1] + "-"
    return _SPACES.sub(" ", normalize_text(text).translate(_BULLETS)).strip()


def _make_line(
    text: str,
    rects: list[tuple[float, float, float, float]],
    page_index: int,
    textpage: object,
    a: int,
    b: int,
    size: float,
    bold: bool,
    name_buf: ctypes.Array[ctypes.c_char],
) -> Line | None:
    clean = clean_text(text)
    if not clean:
        return None
    if bold and b - a > 2:
        # A line counts as bold only if its middle and end are bold too (not a bold lead-in).
        bold = all(_font_style(textpage, i, name_buf)[1] for i in (a + (b - a) // 2, b - 1))
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[2] for r in rects)
    y1 = max(r[3] for r in rects)
    return Line(clean, x0, y0, x1, y1, size, bold, page_index, ends_with_hyphen(clean), a, b)
