"""From PDF lines to blocks: running heads out, columns in order, paragraphs from geometry.

Input is what ``pdf_lines`` and ``pdf_tables`` read from each page; output is
block text with page numbers, ready to become a ``Document``. The rules look
only at geometry and typography a reader would use: the same line at the top or
bottom of most pages is a running head or footer; a larger vertical gap, a change
of font size or weight, a bullet, or a short line ending a sentence ends a
paragraph; larger or bold short blocks are headings.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .assemble import OutBlock
from .hyphenation import join_pair
from .pdf_lines import Line
from .pdf_tables import TableGrid

_LIST_MARKER = re.compile(
    r"^(?:[•\-–·*▪◦►]|\d{1,2}[.)]|\(\d{1,2}[a-z]?\)|[a-z]\)|\([a-z]\)|[ivx]{1,4}\)|\([ivx]{1,4}\))(?:\s|$)"
)
_MARKER_ONLY = re.compile(
    r"^(?:[•\-–·*▪◦►]|\d{1,2}[.)]|\(\d{1,2}[a-z]?\)|[a-z]\)|\([a-z]\)|[ivx]{1,4}\)|\([ivx]{1,4}\)|§)$"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:seite|page|s\.|blatt)\s*)?\d{1,4}(?:\s*(?:von|of|/|aus)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", ":", ";", "!", "?")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class PageLayout:
    """One page as read: its size, lines in reading order and ruled tables."""

    index: int
    width: float
    height: float
    lines: list[Line]
    tables: list[TableGrid] = field(default_factory=list)


# -- running heads and footers ---------------------------------------------------------


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def remove_running_lines(pages: list[PageLayout]) -> int:
    """Drop lines repeated in the top or bottom margin of many pages, and page numbers.

    Keys mask digits so that ``Seite 3 von 12`` on every page counts as one line.
    Returns how many lines were removed.
    """
    zone_lines: list[list[tuple[str, Line]]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        cands: list[tuple[str, Line]] = []
        if page.lines:
            by_y = sorted(page.lines, key=lambda ln: -ln.y1)
            top = [ln for ln in by_y[:3] if ln.y0 >= page.height * 0.82]
            bottom = [ln for ln in by_y[-3:] if ln.y1 <= page.height * 0.18]
            cands = [("top", ln) for ln in top] + [("bottom", ln) for ln in bottom if ln not in top]
        zone_lines.append(cands)
        for key in {(zone, _running_key(ln.text)) for zone, ln in cands}:
            counts[key] += 1
    n = len(pages)
    need = max(2, int(0.4 * n + 0.999))
    removed = 0
    for page, cands in zip(pages, zone_lines, strict=True):
        drop: set[int] = set()
        for zone, ln in cands:
            repeated = n >= 2 and counts[(zone, _running_key(ln.text))] >= need
            if repeated or _PAGE_NUMBER.match(ln.text):
                drop.add(id(ln))
        if drop:
            page.lines = [ln for ln in page.lines if id(ln) not in drop]
            removed += len(drop)
    return removed


# -- reading order -------------------------------------------------------------------


def order_columns(page: PageLayout) -> bool:
    """Put a two-column page into reading order (left column, then right); True if it was.

    The gutter is an x that many lines end before and many start after, and that few
    lines cross; text above the columns (a title) stays first.
    """
    lines = page.lines
    if len(lines) < 12:
        return False
    width = page.width
    best: tuple[int, float] | None = None
    for g in sorted({round(ln.x0) for ln in lines if 0.3 * width < ln.x0 < 0.7 * width}):
        left = sum(1 for ln in lines if ln.x1 <= g)
        right = sum(1 for ln in lines if ln.x0 >= g - 0.5)
        crossing = len(lines) - left - right
        if left >= 5 and right >= 5 and crossing <= 0.25 * len(lines):
            score = min(left, right)
            if best is None or score > best[0]:
                best = (score, g - 0.5)
    if best is None:
        return False
    g = best[1]
    left_l = [ln for ln in lines if ln.x1 <= g]
    right_l = [ln for ln in lines if ln.x0 >= g]
    if statistics.median(ln.x1 - ln.x0 for ln in left_l) < 0.2 * width:
        return False  # narrow runs on the left: a table or a form, not a text column
    col_top = max(ln.y1 for ln in left_l + right_l)
    crossing_l = [ln for ln in lines if ln.x1 > g and ln.x0 < g]
    above = [ln for ln in crossing_l if ln.y0 >= col_top - 1]
    below = [ln for ln in crossing_l if ln.y0 < col_top - 1]

    def key(ln: Line) -> tuple[float, float]:
        return (-round(ln.y1, 1), ln.x0)

    page.lines = (
        sorted(above, key=key) + sorted(left_l, key=key) + sorted(right_l, key=key) + sorted(below, key=key)
    )
    return True


# -- items: lines and table rows in reading order -------------------------------------


@dataclass(slots=True)
class _Row:
    cells: list[str]
    page: int
    table_key: tuple[int, int]  # (page, table number on the page) groups rows into tables


def _baseline_groups(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines on one baseline (runs PDFium split at wide gaps) go together."""
    groups: list[list[Line]] = []
    for ln in lines:
        if groups:
            g = groups[-1]
            last = g[-1]
            tol = 0.35 * max(last.size, ln.size)
            if abs(last.y0 - ln.y0) <= tol and ln.x0 > last.x1:
                g.append(ln)
                continue
        groups.append([ln])
    return groups


def _merge_marker(group: list[Line]) -> list[Line]:
    """A bullet or "(1)" set apart from its text by a tab stop is not a table cell."""
    while len(group) >= 2 and _MARKER_ONLY.match(group[0].text):
        a, b = group[0], group[1]
        merged = Line(
            f"{a.text} {b.text}",
            a.x0,
            min(a.y0, b.y0),
            b.x1,
            max(a.y1, b.y1),
            b.size,
            b.bold,
            b.page,
            b.hyphen,
        )
        group = [merged, *group[2:]]
    return group


def page_items(page: PageLayout) -> list[Line | _Row]:
    """Lines and table rows of a page in reading order."""
    items: list[Line | _Row] = []
    placed: set[int] = set()
    free: list[Line] = []

    def flush_free() -> None:
        for g in _baseline_groups(free):
            g = _merge_marker(g)
            if len(g) == 1:
                items.append(g[0])
            else:
                # an unruled table row: runs on one baseline far apart
                items.append(_Row([ln.text for ln in g], page.index, (page.index, -1)))
        free.clear()

    for ln in page.lines:
        x = (ln.x0 + ln.x1) / 2
        hit = next((k for k, t in enumerate(page.tables) if t.contains(x, ln.mid_y)), None)
        if hit is None:
            free.append(ln)
            continue
        if hit not in placed:
            flush_free()
            placed.add(hit)
            for cells in page.tables[hit].rows:
                items.append(_Row(cells, page.index, (page.index, hit)))
    flush_free()
    for k, t in enumerate(page.tables):
        if k not in placed:  # a table whose text PDFium did not report (rare): keep it at the end
            items.extend(_Row(cells, page.index, (page.index, k)) for cells in t.rows)
    return items


# -- paragraphs ----------------------------------------------------------------------


@dataclass(slots=True)
class _Metrics:
    body_size: float
    pitch: dict[float, float]
    right_edge: dict[tuple[int, bool], float]  # (page, right half?) -> text right edge

    def line_pitch(self, size: float) -> float:
        return self.pitch.get(round(size * 2) / 2, 1.2 * size)

    def edge(self, ln: Line, width: float) -> float:
        return self.right_edge.get((ln.page, ln.x0 >= width / 2), ln.x1)


def _metrics(pages: list[PageLayout]) -> _Metrics:
    sizes: Counter[float] = Counter()
    pitches: dict[float, list[float]] = defaultdict(list)
    right_edge: dict[tuple[int, bool], float] = {}
    for page in pages:
        x1s: dict[bool, list[float]] = defaultdict(list)
        prev: Line | None = None
        for ln in page.lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
            x1s[ln.x0 >= page.width / 2].append(ln.x1)
            if prev is not None and abs(prev.size - ln.size) < 0.5:
                d = prev.y0 - ln.y0
                if 0.6 * ln.size < d < 2.5 * ln.size:
                    pitches[round(ln.size * 2) / 2].append(d)
            prev = ln
        for half, xs in x1s.items():
            xs.sort()
            right_edge[(page.index, half)] = xs[int(0.9 * (len(xs) - 1))]
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    # The most common line distance is the leading inside paragraphs.
    pitch = {s: Counter(round(p, 0) for p in ps).most_common(1)[0][0] for s, ps in pitches.items()}
    return _Metrics(body, pitch, right_edge)


# a section number opening a line ("Art. 32" is left out: it often opens a wrapped line)
_SECTION_NUMBER = re.compile(
    r"^(?:[A-H]\.\d{1,2}(?:\.\d{1,2})*|\d{1,2}(?:\.\d{1,2})+|[IVX]{1,5}\.|§\s*\d{1,3}[a-z]?|Nr\.\s*\d{1,2}"
    r"|(?:Anlage|Anhang)\s+\d{1,2})\s+[A-ZÄÖÜ–-]"
)


def _starts_item(text: str) -> bool:
    return bool(_LIST_MARKER.match(text))


def _continues_across_pages(prev: Line, cur: Line) -> bool:
    if abs(prev.size - cur.size) > 0.5 or prev.bold != cur.bold or _starts_item(cur.text):
        return False
    if prev.hyphen:
        return True
    return not prev.text.endswith(_SENTENCE_END) and (cur.text[:1].islower() or prev.text.endswith(","))


def _breaks(prev: Line, cur: Line, block: list[Line], m: _Metrics, width: float) -> bool:
    """Does ``cur`` start a new block after ``prev`` (same page, reading order)?"""
    size = max(prev.size, cur.size)
    if abs(prev.size - cur.size) > 0.8 or prev.bold != cur.bold:
        return True
    if _starts_item(cur.text):
        return True
    if cur.y1 > prev.y1 + 0.5 * size:  # moved up: next column or a jump
        return True
    pitch = prev.y0 - cur.y0
    if pitch > m.line_pitch(cur.size) * 1.3 + 0.5:
        return True
    if prev.hyphen:
        return False
    first = block[0]
    is_item = _starts_item(first.text)
    if cur.x0 > prev.x0 + 1.5 * size and not (is_item and len(block) == 1):
        return True  # indented: a new paragraph (a hanging list indent is allowed once)
    if cur.x0 < prev.x0 - 1.5 * size and len(block) >= 2:
        return True  # back out of a hanging indent
    edge = m.edge(prev, width)
    short = prev.x1 < edge - max(0.12 * (edge - first.x0), 2.5 * size)
    if (short or prev.text.endswith(_SENTENCE_END)) and _SECTION_NUMBER.match(cur.text):
        return True  # "A.4 Kreis der Betroffenen" after a short list item or a full stop
    return short and prev.text.endswith(_SENTENCE_END)


def _heading_level(text: str, lines: list[Line], m: _Metrics, sizes_desc: list[float]) -> int | None:
    if len(lines) > 3 or len(text) > 160 or text.endswith((",", ";")) or _starts_item(text):
        return None
    size = round(lines[0].size)
    if size >= m.body_size + 0.9:
        return min(sizes_desc.index(size) + 1 if size in sizes_desc else 1, 6)
    if all(ln.bold for ln in lines) and len(text) <= 110 and not text.endswith("."):
        return min(len([s for s in sizes_desc if s > m.body_size + 0.9]) + 1, 6)
    return None


def assemble(pages: list[PageLayout]) -> list[OutBlock]:
    """Blocks of the whole document in reading order."""
    m = _metrics(pages)
    width_of = {p.index: p.width for p in pages}
    out: list[OutBlock] = []
    cur: list[Line] = []
    cur_marks: list[tuple[int, int]] = []
    cur_text = ""
    table_no = -1
    row_no = 0
    last_table_key: tuple[int, int] | None = None
    last_row_page: int | None = None
    heading_sizes: set[float] = set()

    def flush() -> None:
        nonlocal cur, cur_text, cur_marks
        if cur:
            blk = OutBlock("paragraph", cur_text, cur[0].page, page_marks=cur_marks)
            blk_lines = list(cur)
            out.append(blk)
            _pending.append((blk, blk_lines))
        cur = []
        cur_text = ""
        cur_marks = []

    _pending: list[tuple[OutBlock, list[Line]]] = []

    for page in pages:
        for item in page_items(page):
            if isinstance(item, _Row):
                flush()
                same_table = last_table_key == item.table_key or (
                    item.table_key[1] == -1
                    and last_table_key is not None
                    and last_table_key[1] == -1
                    and out
                    and out[-1].kind == "table_row"
                    and last_row_page == item.page
                )
                if not (same_table and out and out[-1].kind == "table_row"):
                    table_no += 1
                    row_no = 0
                out.append(
                    OutBlock(
                        "table_row",
                        "\t".join(item.cells),
                        item.page,
                        table=table_no,
                        row=row_no,
                        cells=item.cells,
                    )
                )
                row_no += 1
                last_table_key = item.table_key
                last_row_page = item.page
                continue
            ln = item
            if cur:
                prev = cur[-1]
                if prev.page != ln.page:
                    brk = not _continues_across_pages(prev, ln)
                else:
                    brk = _breaks(prev, ln, cur, m, width_of[ln.page])
                if not brk:
                    joined = join_pair(cur_text, ln.text)
                    if prev.page != ln.page:
                        cur_marks.append((ln.page, len(joined) - len(ln.text)))
                    cur_text = joined
                    cur.append(ln)
                    continue
                flush()
            cur = [ln]
            cur_text = ln.text
    flush()

    for _blk, lines in _pending:
        if abs(lines[0].size - m.body_size) >= 0.9 or all(ln.bold for ln in lines):
            heading_sizes.add(round(lines[0].size))
    sizes_desc = sorted((s for s in heading_sizes if s >= m.body_size + 0.9), reverse=True)
    for blk, lines in _pending:
        level = _heading_level(blk.text, lines, m, sizes_desc)
        if level is not None:
            blk.kind = "heading"
            blk.heading_level = level
        elif _starts_item(blk.text):
            blk.kind = "list_item"
    return out
