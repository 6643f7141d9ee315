"""DOCX: document order, tables, numbering, tracked changes, header/footer excluded."""

from __future__ import annotations

from pathlib import Path

from avvlint.extract import extract_path

GOOD = Path(__file__).resolve().parent.parent / "fixtures" / "good"


def _doc():  # type: ignore[no-untyped-def]
    return extract_path(GOOD / "features.docx")


def test_tracked_insertions_kept_deletions_dropped() -> None:
    doc = _doc()
    assert "(2) Die Daten werden binnen 30 Tagen gelöscht." in doc.text
    assert "GESTRICHEN" not in doc.text


def test_header_and_footer_are_not_body_text() -> None:
    doc = _doc()
    assert "KOPFZEILE" not in doc.text and "FUSSZEILE" not in doc.text


def test_list_numbers_are_rebuilt_from_numbering_definitions() -> None:
    doc = _doc()
    lines = doc.text.split("\n")
    assert "§ 1 Gegenstand" in lines and "§ 2 Meldung" in lines  # "§ %1" heading numbering
    assert "a) Unterpunkt eins zur Löschung." in lines  # lowerLetter level 2
    assert "b) Unterpunkt zwei zur Löschung." in lines
    # the second list restarts at (1) (startOverride) and counts on
    assert "(3) Die Meldung nennt eine Kontaktstelle." in lines
    assert "1.2 Zweiter Unterabschnitt" in lines  # "%1.%2"
    i = doc.text.index("Die Meldung nennt")
    assert doc.section_of(i) == "§ 2 Abs. 3"


def test_tables_stay_in_document_order_with_cells() -> None:
    doc = _doc()
    kinds = [b.kind for b in doc.blocks]
    first_row = kinds.index("table_row")
    assert doc.text[doc.blocks[first_row - 1].start :].startswith("(3) Die Meldung")
    assert doc.text[doc.blocks[first_row + 2].start :].startswith("Nach der Tabelle")
    row = doc.blocks[first_row + 1]
    assert [doc.text[s:e] for s, e in row.cells] == ["Hetzner Online GmbH", "Deutschland", "Hosting"]
    assert row.table == 0 and row.row == 1


def test_headings_from_styles() -> None:
    doc = _doc()
    heads = {doc.text[b.start : b.end]: b.heading_level for b in doc.blocks if b.kind == "heading"}
    assert heads["Auftragsverarbeitungsvertrag"] == 1  # Title style
    assert heads["§ 1 Gegenstand"] == 1
    assert heads["Überschrift auf Deutsch"] == 3
    assert all(b.page is None for b in doc.blocks) and doc.page_count is None


def test_seed_render_keeps_paragraph_numbers() -> None:
    doc = extract_path(GOOD.parent / "seeds" / "003_7f6d5b31554e2f2c.docx")
    i = doc.text.index("Die Löschung ist dem Verantwortlichen schriftlich")
    assert doc.section_of(i) == "§ 9 Abs. 3"
