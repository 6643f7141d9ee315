"""Plain text and Markdown: encodings, line ends, and marks that must not disturb matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from avvlint.analysis import Analysis
from avvlint.extract import extract_bytes, extract_path

GOOD = Path(__file__).resolve().parent.parent / "fixtures" / "good"


@pytest.mark.parametrize(
    "name",
    [
        "utf8.txt",
        "utf8_bom.txt",
        "utf16le_bom.txt",
        "utf16be_bom.txt",
        "cp1252.txt",
        "latin1.txt",
        "crlf.txt",
    ],
)
def test_encodings_decode_to_the_same_contract(name: str) -> None:
    doc = extract_path(GOOD / name)
    assert doc.format == "txt"
    assert doc.text.startswith("§ 1 Gegenstand\n")
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert "Rückgabe der Daten erfolgt binnen dreißig Tagen" in doc.text
    assert doc.section_of(doc.text.index("Rückgabe")) == "§ 1 Abs. 2"
    assert doc.section_of(doc.text.index("spätestens")) == "§ 2"


def test_cp1252_typographic_quotes_and_dashes() -> None:
    doc = extract_path(GOOD / "cp1252.txt")
    assert "„netto“ – ohne Zusatz" in doc.text


def test_markdown_marks_do_not_disturb_matching_and_offsets_stay_in_user_text() -> None:
    doc = extract_path(GOOD / "markdown.md.txt")
    an = Analysis(doc)
    for phrase, shown in [
        ("der auftragnehmer verarbeitet daten nur auf dokumentierte weisung", "Auftragnehmer** verarbeitet"),
        ("binnen 24 stunden", "**24 Stunden"),
        ("§ 1 gegenstand", "§ 1 Gegenstand"),
    ]:
        i = an.folded.text.find(phrase)
        assert i >= 0, phrase
        s, e = an.to_source(i, i + len(phrase))
        assert shown in doc.text[s - 2 : e + 2]


def test_markdown_headings_tables_and_lists() -> None:
    doc = extract_path(GOOD / "markdown.md.txt")
    heads = [(doc.text[b.start : b.end], b.heading_level) for b in doc.blocks if b.kind == "heading"]
    assert heads[0] == ("# Auftragsverarbeitungsvertrag", 1)
    assert ("## § 1 Gegenstand", 2) in heads
    assert [s.label for s in doc.sections if s.label] == ["§ 1", "§ 2", "Anlage 1"]
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [[doc.text[s:e] for s, e in b.cells] for b in rows] == [
        ["Anbieter", "Sitz", "Zweck"],
        ["Hetzner Online GmbH", "Deutschland", "Hosting"],
    ]
    assert sum(b.kind == "list_item" for b in doc.blocks) == 2


def test_crlf_offsets_point_into_normalised_text() -> None:
    doc = extract_bytes(
        "§ 3 Fristen\r\n\r\nDer Auftragnehmer löscht binnen 30 Tagen.\r\n".encode(), "crlf.txt"
    )
    i = doc.text.index("binnen 30 Tagen")
    loc = doc.locate(i, i + 15)
    assert loc.text == "binnen 30 Tagen" and loc.line == 3 and loc.section == "§ 3" and loc.page is None


def test_narrowly_wrapped_paragraph_is_one_block() -> None:
    # wrapped at ~56 columns: a 52-character line that stops mid-sentence still runs on
    text = (
        "Wenn mich ein Gesetz zwingt, Daten anders zu verarbeiten\n"
        "(z. B. Herausgabe an eine Behörde), sage ich dir das\n"
        "vorher, soweit ich das darf.\n\n"
        "Ich übermittle deine Daten nicht in Länder außerhalb\n"
        "der EU, es sei denn, du hast mir das vorher schriftlich\n"
        "erlaubt.\n"
    )
    doc = extract_bytes(text.encode(), "x.txt")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end].endswith("darf.")


def test_wrapped_ascii_table_row_is_one_row() -> None:
    text = (
        "| Nr. | Regelung                                   | Bemerkung |\n"
        "|-----|--------------------------------------------|-----------|\n"
        "| 3.2 | Der Auftragnehmer verarbeitet Daten nur auf | |\n"
        "|     | dokumentierte Weisung des Auftraggebers.    | |\n"
        "| 3.3 | Eine Übermittlung in Drittländer erfolgt nur | |\n"
    )
    doc = extract_bytes(text.encode(), "x.txt")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len(rows) == 3
    assert "dokumentierte Weisung" in doc.text[rows[1].start : rows[1].end]
    assert doc.text[rows[2].start : rows[2].end].startswith("| 3.3")


def test_line_ending_on_an_article_runs_on() -> None:
    text = "Ich helfe dir auch bei der Sicherheit und, falls du je eine\nDatenschutz-Folgenabschätzung brauchst, auch dabei.\n"
    doc = extract_bytes(text.encode(), "x.txt")
    assert len(doc.blocks) == 1
