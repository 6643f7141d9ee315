"""PDF specifics: ligatures, soft hyphens, hyphenation, columns, running heads."""

from __future__ import annotations

from pathlib import Path

import pytest

from avvlint.extract import extract_path
from avvlint.extract.hyphenation import join_lines, join_pair
from avvlint.extract.pdf_layout import PageLayout, remove_running_lines
from avvlint.extract.pdf_lines import Line

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "fixtures" / "good"


def test_ligatures_soft_hyphens_and_line_end_hyphens() -> None:
    doc = extract_path(GOOD / "ligatures.pdf")
    assert doc.text == (
        "Die Verarbeitung ist effizient und flexibel geregelt; der Auftragsverarbeiter und der "
        "Sub-Auftragsverarbeiter treffen Art.-32-Maßnahmen sowie Zutritts- und Zugangskontrollen."
    )


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Auftragsverarbei-", "tung", "Auftragsverarbeitung"),
        ("der Sub-", "Auftragsverarbeiter", "der Sub-Auftragsverarbeiter"),
        ("Art.-", "32-Maßnahmen", "Art.-32-Maßnahmen"),
        ("Daten-", "und Informationssicherheit", "Daten- und Informationssicherheit"),
        ("Zutritts-", "oder Zugangskontrolle", "Zutritts- oder Zugangskontrolle"),
        ("E-", "Mail", "E-Mail"),
        ("Frist –", "ohne Zusatz", "Frist – ohne Zusatz"),
        ("binnen 30", "Tagen", "binnen 30 Tagen"),
    ],
)
def test_join_pair(left: str, right: str, joined: str) -> None:
    assert join_pair(left, right) == joined


def test_join_lines() -> None:
    assert (
        join_lines(["Der Auftrags-", "verarbeiter meldet", "unverzüglich."])
        == "Der Auftragsverarbeiter meldet unverzüglich."
    )


def test_two_column_page_reads_left_column_first() -> None:
    doc = extract_path(GOOD / "two_columns.pdf")
    text = doc.text
    assert text.startswith("Auftragsverarbeitungsvertrag")
    assert text.index("Linke Spalte Zeile 20") < text.index("Rechte Spalte Zeile 01")
    assert text.index("Linke Spalte Zeile 02") < text.index("Linke Spalte Zeile 03")


def _line(text: str, y: float, page: int) -> Line:
    return Line(text, 72, y, 500, y + 8, 9, False, page)


def test_running_heads_with_page_numbers_are_removed_body_kept() -> None:
    pages = []
    for p in range(4):
        lines = [
            _line("Muster GmbH – Auftragsverarbeitungsvertrag", 800, p),
            _line(f"Vertragstext der Seite {p + 1} bleibt stehen.", 600, p),
            _line(f"Seite {p + 1} von 4", 30, p),
        ]
        pages.append(PageLayout(p, 595, 842, lines))
    pages[2].lines.append(_line("- 3 -", 15, 2))
    removed = remove_running_lines(pages)
    assert removed == 9
    assert [[ln.text for ln in p.lines] for p in pages] == [
        [f"Vertragstext der Seite {p + 1} bleibt stehen."] for p in range(4)
    ]


def test_rendered_seed_page_numbers_and_locations() -> None:
    doc = extract_path(ROOT / "fixtures" / "seeds" / "003_7f6d5b31554e2f2c.pdf")
    i = doc.text.index("meldet dem Verantwortlichen jede ihm bekanntwerdende Verletzung")
    loc = doc.locate(i, i + 20)
    assert loc.page is not None and 2 <= loc.page <= doc.page_count
    assert loc.section == "§ 8 Abs. 1"
    heads = [b for b in doc.blocks if b.kind == "heading"]
    assert any(doc.text[b.start : b.end].startswith("§ 8") and b.heading_level == 1 for b in heads)
    # bullets keep their marker and are list items
    items = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
    assert "– Wahrscheinliche Folgen" in items  # a second-level bullet
    assert "• Behördenvertreter (als Absender)" in items


def test_to_dict_lists_blocks_with_locations() -> None:
    doc = extract_path(ROOT / "fixtures" / "seeds" / "000_22ea5317b8b942a2.pdf")
    d = doc.to_dict()
    assert d["format"] == "pdf" and d["pages"] == doc.page_count
    blocks = d["blocks"]
    assert isinstance(blocks, list) and len(blocks) == len(doc.blocks)
    row = next(b for b in blocks if b["kind"] == "table_row")
    assert row["cells"] and all(c["text"] == doc.text[c["start"] : c["end"]] for c in row["cells"])
    assert all({"kind", "start", "end", "page", "line", "section", "text"} <= b.keys() for b in blocks)


def test_section_number_after_a_short_list_item_starts_a_heading(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "list_then_heading.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 780.0
    body = (
        "Die Auftragnehmerin verarbeitet personenbezogene Daten im Auftrag der Auftraggeberin und",
        "ausschließlich auf deren dokumentierte Weisung; die Einzelheiten regeln die folgenden Teile",
        "dieses Vertrags, die Anlagen und die Leistungsbeschreibung des kommunalen IT-Dienstleisters.",
    )
    for line in (
        *body,
        "A.3 Art der Daten",
        "– Meldedaten und Anschriften",
        "– Protokolldaten der Sachbearbeitung",
        "A.4 Kreis der Betroffenen",
        "Einwohnerinnen und Einwohner sowie Beschäftigte der Auftraggeberin.",
    ):
        c.drawString(72, y, line)
        y -= 12
    c.save()
    doc = extract_path(path)
    texts = [doc.text[b.start : b.end] for b in doc.blocks]
    assert "– Protokolldaten der Sachbearbeitung" in texts
    assert any(t.startswith("A.4 Kreis der Betroffenen") for t in texts)
    assert [s.label for s in doc.sections if s.label] == ["A.3", "A.4"]
