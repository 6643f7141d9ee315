"""Structure on the seeds (and the shared corpus when present): headings, sections, Abs."""

from __future__ import annotations

from pathlib import Path

import pytest

from avvlint.extract import extract_bytes, extract_path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "corpora" / "docs"
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def _labels(name: str) -> list[str]:
    return [s.label for s in extract_path(DOCS / name).sections if s.label]


def test_seed_000_articles_and_preamble() -> None:
    assert _labels("000_22ea5317b8b942a2.txt") == ["Präambel"] + [f"Art. {i}" for i in range(1, 8)]


def test_seed_002_paragraph_signs_and_annexes() -> None:
    labels = _labels("002_c8b6cff46e3f89ae.txt")
    assert [f"§ {i}" for i in range(1, 11)] == [x for x in labels if x.startswith("§")]
    assert [x for x in labels if x.startswith("Anlage")] == [f"Anlage {i}" for i in range(1, 5)]


def test_seed_003_sections_and_annex_entries() -> None:
    doc = extract_path(DOCS / "003_7f6d5b31554e2f2c.txt")
    top = [s.label for s in doc.sections if s.label and s.parent is None]
    assert top == [f"§ {i}" for i in range(1, 13)] + ["Anlage 1", "Anlage 2", "Anlage 3"]
    annex2 = next(i for i, s in enumerate(doc.sections) if s.label == "Anlage 2")
    entries = [s.label for s in doc.sections if s.parent == annex2 and s.label]
    assert entries == ["1", "2", "3"]  # "1. Hostinger International Ltd." is an entry like the others
    i = doc.text.index("Der Verantwortliche kann innerhalb von vierzehn (14) Tagen")
    assert doc.section_of(i) == "§ 6 Abs. 3"


def test_seed_004_decimal_nesting_and_title_line() -> None:
    doc = extract_path(DOCS / "004_d59ec76edc251ffd.txt")
    by_label = {s.label: s for s in doc.sections if s.label}
    assert doc.sections[by_label["9.2"].parent].label == "9"
    i = doc.text.index("Rangfolge bei Widersprüchen")
    # the unnumbered "Geltung und Rangfolge" is cited by its title
    assert doc.section_of(i) == "Geltung und Rangfolge"


def test_list_items_are_not_headings() -> None:
    doc = extract_path(DOCS / "001_2b963f6f0f5c753f.txt")
    titles = {s.title for s in doc.sections}
    assert "Bereitstellung von SaaS-/Cloud-Services" not in titles
    text = "3. Pflichten\n\nDer Anbieter verpflichtet sich:\n\n1. Daten zu schützen\n1. Daten zu löschen\n"
    doc = extract_bytes(text.encode(), "x")
    assert [s.label for s in doc.sections] == ["3"]


def test_colon_line_introduces_a_list_not_a_heading() -> None:
    doc = extract_bytes(b"1. Gegenstand\n\nText des Vertrags.\n\n2. Art der Daten:\n\n- Stammdaten\n", "x")
    assert [s.label for s in doc.sections] == ["1"]


@pytest.mark.parametrize(
    ("line", "label"),
    [("§ 7 Löschung", "§ 7"), ("Art. 3 Pflichten", "Art. 3"), ("Artikel 3 Pflichten", "Art. 3"),
     ("7.1 Organisatorische Maßnahmen", "7.1"), ("Anlage 2 – TOM", "Anlage 2"), ("Präambel", "Präambel"),
     ("A.4 Kreis der Betroffenen", "A.4"), ("B.2.1 Weisungen", "B.2.1"), ("II. PFLICHTEN DES AUFTRAGNEHMERS", "II."),
     ("NR. 4 – UNTERAUFTRAGSVERARBEITER", "Nr. 4"), ("Abschnitt B – Rechte und Pflichten", "Abschnitt B")],
)  # fmt: skip
def test_heading_label_forms(line: str, label: str) -> None:
    doc = extract_bytes(f"{line}\n\n(1) Erster Absatz des Vertrags.\n\n(2) Zweiter Absatz.\n".encode(), "x")
    assert doc.sections[0].label == label
    assert doc.section_of(doc.text.index("Zweiter")) == f"{label} Abs. 2"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_shared_corpus_has_sections_and_annexes() -> None:
    expect_annex = {
        "h02_pine_schwenke-generator.txt",
        "h05_toppmoeller_freelancer.txt",
        "h10_kiron_erp-saas.txt",
    }
    for path in sorted(CORPUS.glob("*.txt")):
        doc = extract_path(path)
        assert len(doc.sections) >= 8, path.name
        assert all(s.title or s.label for s in doc.sections), path.name
        if path.name in expect_annex:
            assert doc.annex_labels(), path.name


def test_leistungsschein_numbers_are_headings() -> None:
    text = (
        "ANLAGE 1 – LEISTUNGSSCHEIN\n\nNr. 1  Gegenstand\n       Lagerhaltung und Versand.\n\n"
        "Nr. 2  Kreis der Betroffenen\n       Kunden des Online-Shops, Lieferempfänger.\n"
    )
    doc = extract_bytes(text.encode(), "x")
    assert [(s.label, s.title) for s in doc.sections] == [
        ("Anlage 1", "LEISTUNGSSCHEIN"),
        ("Nr. 1", "Gegenstand"),
        ("Nr. 2", "Kreis der Betroffenen"),
    ]
    assert doc.section_of(doc.text.index("Lieferempf")).startswith("Nr. 2")


@pytest.mark.parametrize(
    "first_line",
    [
        "1.3 Dieser Vertrag läuft so lange wie der Rahmenvertrag. Der",
        "8.1 Nach Ende des Rahmenvertrags gibt der Auftragnehmer dem Auftraggeber nach dessen",
        "2.2 Die Weisungen werden durch den Leistungsschein und durch die",
    ],
)
def test_first_line_of_a_wrapped_sentence_is_no_title(first_line: str) -> None:
    text = f"§ 1 Gegenstand\n\n{first_line}\n    Wahl alle Daten heraus und löscht sie danach.\n"
    doc = extract_bytes(text.encode(), "x")
    assert doc.sections[1].title == ""


def test_paren_numbered_headings_of_a_short_avv() -> None:
    text = (
        "1) Worum geht es?\n\nDer Auftragnehmer wartet für den Auftraggeber die Videoanlage und das Zutrittssystem.\n\n"
        "2) Welche Daten?\n\nVideobilder und Zutrittsprotokolle der Gäste und Mitarbeiter des Hotels.\n\n"
        "3) Kontrolle\n\nDer Auftraggeber darf sich die Arbeit vor Ort ansehen.\n"
    )
    doc = extract_bytes(text.encode(), "x.txt")
    assert [(s.label, s.title) for s in doc.sections] == [
        ("1)", "Worum geht es?"),
        ("2)", "Welche Daten?"),
        ("3)", "Kontrolle"),
    ]


def test_paren_numbered_list_items_stay_list_items() -> None:
    text = "Datenarten:\n1) Stammdaten\n2) Kontaktdaten\n3) Vertragsdaten\n"
    doc = extract_bytes(text.encode(), "x.txt")
    assert doc.sections == []


@pytest.mark.parametrize(
    "first_line",
    [
        "6. Dieser Vertrag gilt ab Unterzeichnung fuer die gesamte Laufzeit des Softwarevertrags",
        "A.5  Betroffene Personen: Versicherte der Kasse und deren Angehörige, gesetzliche",
    ],
)
def test_clause_first_lines_are_no_titles(first_line: str) -> None:
    text = f"I. GRUNDLAGEN\n\n{first_line}\n   Betreuer und Ärzte.\n"
    doc = extract_bytes(text.encode(), "x.txt")
    assert all(s.title == "" for s in doc.sections[1:])
