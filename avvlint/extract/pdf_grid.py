"""Ruled tables from line geometry: rulings -> grid lines -> cells -> tables.

Pure geometry, no PDF library: the input is the horizontal and vertical edges a
page draws (rules, cell borders, sides of filled boxes), in top-down page
coordinates (``top`` grows downwards, as a reader scans). The method is the one
pdfplumber's ``lines`` strategy uses, so tables come out cell for cell as they did
when pdfplumber found them:

1. edges a few points apart are one grid line (snap), collinear pieces with small
   gaps are one line (join);
2. a vertical and a horizontal line meeting (within a tolerance) is a grid point;
3. a cell is the smallest rectangle of four grid points whose sides are drawn;
4. cells sharing a corner form one table; rows are the cells with the same top.

A merged cell is simply a larger rectangle: it belongs to the row of its top
edge and the column of its left edge, and the rows it spans have no cell there.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

SNAP_TOLERANCE = 3.0  # edges this close are one grid line (double rules, stroke widths)
JOIN_TOLERANCE = 3.0  # collinear pieces with a gap up to this are one line
INTERSECTION_TOLERANCE = 3.0  # a line ending this short of another still meets it
MIN_EDGE_LENGTH = 3.0  # shorter edges are the ends of thin boxes or glyph-like marks
# A page drawing thousands of lines is a chart or a pattern, not a contract table; the
# grid search is quadratic in the worst case, so such pages are not searched at all.
MAX_EDGES = 5000
MAX_CROSSINGS = 250_000  # horizontal x vertical grid lines tested for intersection

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class Edge:
    """A horizontal (``pos`` = top, span in x) or vertical (``pos`` = x, span in top) line."""

    horizontal: bool
    pos: float
    start: float
    end: float


def _snap(edges: list[Edge], tol: float) -> None:
    """Move edges whose positions chain within ``tol`` to the group's mean position."""
    edges.sort(key=lambda e: e.pos)
    group: list[Edge] = []
    for e in [*edges, None]:
        if e is not None and (not group or e.pos - group[-1].pos <= tol):
            group.append(e)
            continue
        if group:
            mean = sum(g.pos for g in group) / len(group)
            for g in group:
                g.pos = mean
        group = [e] if e is not None else []


def _join(edges: list[Edge], tol: float) -> list[Edge]:
    """Merge collinear edges (same snapped position) that overlap or nearly touch."""
    by_pos: dict[float, list[Edge]] = defaultdict(list)
    for e in edges:
        by_pos[e.pos].append(e)
    out: list[Edge] = []
    for pos in sorted(by_pos):
        group = sorted(by_pos[pos], key=lambda e: e.start)
        cur = Edge(group[0].horizontal, pos, group[0].start, group[0].end)
        for e in group[1:]:
            if e.start <= cur.end + tol:
                cur.end = max(cur.end, e.end)
            else:
                out.append(cur)
                cur = Edge(e.horizontal, pos, e.start, e.end)
        out.append(cur)
    return out


def merge_edges(edges: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """Snapped and joined (horizontal, vertical) grid lines of at least the minimum length."""
    hs = [Edge(True, e.pos, e.start, e.end) for e in edges if e.horizontal]
    vs = [Edge(False, e.pos, e.start, e.end) for e in edges if not e.horizontal]
    out = []
    for group in (hs, vs):
        _snap(group, SNAP_TOLERANCE)
        joined = _join(group, JOIN_TOLERANCE)
        out.append([e for e in joined if e.end - e.start >= MIN_EDGE_LENGTH])
    return out[0], out[1]


def _intersections(hs: list[Edge], vs: list[Edge]) -> dict[tuple[float, float], tuple[set[int], set[int]]]:
    """Grid points (x, top) -> (indices of horizontal lines, indices of vertical lines) through them."""
    tol = INTERSECTION_TOLERANCE
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, v in enumerate(vs):
        for hi, h in enumerate(hs):
            if v.start - tol <= h.pos <= v.end + tol and h.start - tol <= v.pos <= h.end + tol:
                hset, vset = points.setdefault((v.pos, h.pos), (set(), set()))
                hset.add(hi)
                vset.add(vi)
    return points


def cells_from_edges(hs: list[Edge], vs: list[Edge]) -> list[Cell]:
    """Every smallest rectangle whose four corners are grid points joined by drawn lines."""
    points = _intersections(hs, vs)
    column: dict[float, list[float]] = defaultdict(list)  # x -> tops of the points on it
    row: dict[float, list[float]] = defaultdict(list)  # top -> xs of the points on it
    for x, top in points:
        column[x].append(top)
        row[top].append(x)
    for lst in (*column.values(), *row.values()):
        lst.sort()

    def on_same_v(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return bool(points[p][1] & points[q][1])

    def on_same_h(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return bool(points[p][0] & points[q][0])

    cells: list[Cell] = []
    for x, top in sorted(points):
        pt = (x, top)
        tops = column[x]
        xs = row[top]
        found = None
        for below_top in tops[bisect.bisect_right(tops, top) :]:
            below = (x, below_top)
            if not on_same_v(pt, below):
                continue
            for right_x in xs[bisect.bisect_right(xs, x) :]:
                right = (right_x, top)
                if not on_same_h(pt, right):
                    continue
                corner = (right_x, below_top)
                if corner in points and on_same_v(corner, right) and on_same_h(corner, below):
                    found = (x, top, right_x, below_top)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def group_cells(cells: list[Cell]) -> list[list[Cell]]:
    """Cells sharing a corner (transitively) form one table; single-cell groups are dropped."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[Cell]] = defaultdict(list)
    for i, c in enumerate(cells):
        groups[find(i)].append(c)
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return tables


def table_rows(cells: list[Cell]) -> list[list[Cell]]:
    """A table's cells as rows (same top), top to bottom, each row left to right."""
    rows: dict[float, list[Cell]] = defaultdict(list)
    for c in cells:
        rows[c[1]].append(c)
    return [sorted(rows[top]) for top in sorted(rows)]


def find_grids(edges: list[Edge]) -> list[list[list[Cell]]]:
    """The ruled tables the edges draw, each as rows of cells (top-down coordinates)."""
    if not edges or len(edges) > MAX_EDGES:
        return []
    hs, vs = merge_edges(edges)
    if len(hs) < 2 or len(vs) < 2 or len(hs) * len(vs) > MAX_CROSSINGS:
        return []
    return [table_rows(t) for t in group_cells(cells_from_edges(hs, vs))]
