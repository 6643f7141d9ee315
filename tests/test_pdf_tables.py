"""Ruled PDF tables found from PDFium's drawing objects: grid geometry and cell texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from avvlint.document import Document
from avvlint.extract import extract_path
from avvlint.extract.pdf_grid import Edge, find_grids

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


def _tables(doc: Document) -> dict[int, list[list[str]]]:
    """Table number -> rows of cell texts, read back from the document's blocks."""
    out: dict[int, list[list[str]]] = {}
    for b in doc.blocks:
        if b.kind == "table_row":
            assert b.table is not None and b.cells
            out.setdefault(b.table, []).append([doc.text[s:e] for s, e in b.cells])
    return out


# -- geometry ------------------------------------------------------------------------


def _h(top: float, x0: float, x1: float) -> Edge:
    return Edge(True, top, x0, x1)


def _v(x: float, top: float, bottom: float) -> Edge:
    return Edge(False, x, top, bottom)


def test_grid_with_a_cell_merged_across_columns_and_one_across_rows() -> None:
    # 3 columns (0-50-100-150) x 3 rows (0-10-20-30); the top row is one cell over all
    # columns, the first column of rows 2-3 is one cell over both rows.
    edges = [
        _h(0, 0, 150),
        _h(10, 0, 150),
        _h(20, 50, 150),
        _h(30, 0, 150),
        _v(0, 0, 30),
        _v(50, 10, 30),
        _v(100, 10, 30),
        _v(150, 0, 30),
    ]
    (rows,) = find_grids(edges)
    assert rows == [
        [(0, 0, 150, 10)],
        [(0, 10, 50, 30), (50, 10, 100, 20), (100, 10, 150, 20)],
        [(50, 20, 100, 30), (100, 20, 150, 30)],
    ]


def test_double_rules_and_stroke_offsets_snap_into_one_grid_line() -> None:
    # a header underline drawn twice 1.5 pt apart, rules that stop 2 pt short of the frame
    edges = [
        _h(0, 0, 100),
        _h(10, 0, 100),
        _h(11.5, 0, 100),
        _h(20, 2, 98),
        _v(0, 0, 20),
        _v(50.8, 0, 20),
        _v(100, 0, 20),
    ]
    (rows,) = find_grids(edges)
    assert len(rows) == 2 and [len(r) for r in rows] == [2, 2]
    assert rows[0][0][3] == rows[1][0][1]  # one line between the rows, not a sliver row


def test_lines_that_do_not_close_cells_or_a_single_box_are_no_table() -> None:
    # two underlines and a margin bar: no rectangle closes
    assert find_grids([_h(0, 0, 100), _h(20, 0, 100), _v(200, 0, 20)]) == []
    # one framed note: a single cell is not a table
    assert find_grids([_h(0, 0, 100), _h(20, 0, 100), _v(0, 0, 20), _v(100, 0, 20)]) == []


def test_two_separate_grids_are_two_tables_top_first() -> None:
    def box(top: float) -> list[Edge]:
        return [
            _h(top, 0, 100),
            _h(top + 10, 0, 100),
            _h(top + 20, 0, 100),
            _v(0, top, top + 20),
            _v(100, top, top + 20),
        ]

    grids = find_grids(box(300) + box(100))
    assert [rows[0][0][1] for rows in grids] == [100, 300]
    assert all(len(rows) == 2 for rows in grids)


# -- rendered seeds ------------------------------------------------------------------


def test_seed_000_tables_rows_and_cells() -> None:
    doc = extract_path(SEEDS / "000_22ea5317b8b942a2.pdf")
    tables = _tables(doc)
    assert [(len(rows), {len(r) for r in rows}) for rows in tables.values()] == [(2, {4}), (7, {2}), (6, {4})]
    assert tables[0] == [
        ["Version", "v1.0", "Datum", "März 2026"],
        ["Status", "Aktiv", "Vertraulich", "Intern + Kunden"],
    ]
    sub = tables[2]
    assert sub[0] == ["Sub-AV", "Sitz", "Rechtsgrundlage", "Aufgabe"]
    assert sub[3] == [
        "Mistral AI SAS",
        "Paris (FR/EU)",
        "Art. 28 DSGVO direkt",
        "Mistral Large 2 — EU-native, kein Cloud Act",
    ]
    row_pages = {b.page for b in doc.blocks if b.kind == "table_row" and b.table == 2}
    assert row_pages == {2}


def test_seed_002_tables_keep_wrapped_cells_whole_and_sit_in_their_annex() -> None:
    doc = extract_path(SEEDS / "002_c8b6cff46e3f89ae.pdf")
    tables = _tables(doc)
    assert [(len(rows), {len(r) for r in rows}) for rows in tables.values()] == [
        (8, {2}),
        (9, {4}),
        (5, {2}),
        (5, {2}),
    ]
    # a cell wrapped over three lines in a narrow column comes back as one text
    assert tables[1][1][0] == "Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen"
    assert tables[3][2] == ["Backups", "Werden spätestens 90 Tage nach Produktivlöschung endgültig gelöscht"]
    first = next(b for b in doc.blocks if b.kind == "table_row")
    assert doc.section_of(first.start).startswith("Anlage 1")
    assert doc.text[first.start : first.end] == "Merkmal\tBeschreibung"


# -- synthetic: merged cells, tight cells, a grid inside a form ------------------------


def test_merged_cells_tight_cells_and_a_grid_in_a_scaled_form() -> None:
    doc = extract_path(ROOT / "fixtures" / "good" / "tables.pdf")
    tables = _tables(doc)
    assert tables[0] == [
        ["Pflicht", "Frist"],  # "Frist" spans two columns: its text once, in the first
        ["Meldung", "24 Stunden", "per E-Mail"],  # one PDFium line split between two cells
        ["Löschung", "30 Tage", "nach Vertragsende, auch in allen Sicherungskopien"],
        ["90 Tage", "Backups"],  # the row under the merged "Löschung" cell has no first cell
        ["Nachweis", "14 Tage", "auf Anfrage"],
        ["Auftragskontrolle", "7 Tage", "Unterauftragnehmer prüfen"],  # line-end hyphens undone
        ["Prüfung", "Subunternehmer", "jährlich"],  # also where the hyphen ends a line over two cells
    ]
    assert tables[1] == [
        ["Maßnahme", "Umsetzung"],
        ["Zugangskontrolle", "Passwörter und MFA"],
        ["Zutrittskontrolle", "Chipkarten"],
    ]
    kinds = [(b.kind, doc.text[b.start : b.end].split("\t")[0]) for b in doc.blocks]
    # tables stand in reading order between the paragraphs; the framed note is a paragraph
    assert sum(1 for b in doc.blocks if b.kind == "table_row" and b.page == 1) == 10
    assert kinds.index(("table_row", "Pflicht")) < kinds.index(
        ("paragraph", "Die technischen Kontrollen stehen in der folgenden Übersicht.")
    )
    assert ("paragraph", "Hinweis: Änderungen bedürfen der Textform.") in kinds
    assert "Hinweis: Änderungen bedürfen der Textform.\n\nEnde der Anlage.\n\nAnlage 4 Kontakte" in doc.text


def test_a_table_ruled_with_heavy_lines_is_found() -> None:
    # PDFium's bounds of a 2 pt rule are 4 pt thick; the page still counts as a table page
    doc = extract_path(ROOT / "fixtures" / "good" / "tables.pdf")
    rows = [b for b in doc.blocks if b.kind == "table_row" and b.page == 2]
    assert [doc.text[b.start : b.end] for b in rows] == [
        "Rolle\tKontakt",
        "Datenschutzbeauftragter\tdsb@example.org",
        "Support\t+49 30 123456",
    ]
    assert {b.table for b in rows} == {2}


def test_pdf_tables_do_not_load_pdfplumber() -> None:
    code = (
        "import sys\n"
        "from avvlint.extract import extract_path\n"
        f"doc = extract_path({str(ROOT / 'fixtures' / 'good' / 'tables.pdf')!r})\n"
        "assert any(b.kind == 'table_row' for b in doc.blocks)\n"
        "print(','.join(m for m in ('pdfplumber', 'pdfminer') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
