"""Unticked form options are not agreed text: they neither meet a requirement nor set a deadline."""

from __future__ import annotations

from avvlint.api import check_bytes
from avvlint.options import unticked_spans

FORM = """§ 1 Gegenstand und Dauer
Gegenstand: Betrieb der Mitgliederverwaltung des Vereins.
Laufzeit des Auftrags:
{a} befristet bis zum 31.12.2027
{b} unbefristet; kündbar mit einer Frist von drei Monaten
"""


def _status(text: str, req: str) -> str:
    report = check_bytes(text.encode(), name="form.txt")
    return next(r.status for r in report.requirements if r.id == req)


def test_empty_boxes_are_not_agreed() -> None:
    assert _status(FORM.format(a="[ ]", b="[ ]"), "a28.3.duration") == "missing"
    assert _status(FORM.format(a="☐", b="☐"), "a28.3.duration") == "missing"


def test_ticked_box_is_agreed() -> None:
    assert _status(FORM.format(a="[X]", b="[ ]"), "a28.3.duration") == "met"
    assert _status(FORM.format(a="☐", b="☒"), "a28.3.duration") == "met"


def test_spans_cover_options_not_explanations() -> None:
    text = (
        "felder in eckigen klammern [ ] sind anzukreuzen.\n"
        "[x] unbefristet   [ ] befristet bis 2027\n"
        "| [ ] keine | [x] hosting: rz gmbh |\n"
    )
    got = [text[s:e].strip() for s, e in unticked_spans(text)]
    assert got == ["[ ] befristet bis 2027", "[ ] keine"]


def test_fill_in_instructions_are_blanked() -> None:
    from avvlint.options import instruction_spans

    text = (
        "art der daten: [bitte die datenkategorien eintragen, z. b. stammdaten, kontaktdaten]\n"
        "frist: [zeitraum angeben]\n"
        "gegenstand: [betrieb der mitgliederverwaltung]\n"
        "categories: [insert categories of personal data]\n"
    )
    got = [text[s:e] for s, e in instruction_spans(text)]
    assert got == [
        "[bitte die datenkategorien eintragen, z. b. stammdaten, kontaktdaten]",
        "[zeitraum angeben]",
        "[insert categories of personal data]",
    ]


def test_example_categories_in_an_instruction_do_not_meet_data_types() -> None:
    blank = (
        "§ 3 Art der Daten\nArt der personenbezogenen Daten:\n"
        "[Bitte die Datenkategorien vollständig eintragen, z. B. Stammdaten, Kontaktdaten]\n"
        "______________________\n"
    )
    filled = blank.replace(
        "______________________", "Stammdaten, Kontaktdaten und Beitragsdaten der Mitglieder"
    )
    assert _status(blank, "a28.3.data_types") == "missing"
    assert _status(filled, "a28.3.data_types") == "met"


CHECKLIST = """Teil 3 – Pflichten

| Nr.  | Regelung                                                              | Ja  | Nein | Bemerkung        |
|------|-----------------------------------------------------------------------|-----|------|------------------|
| 3.4  | Ist der Auftragnehmer gesetzlich zu einer Verarbeitung verpflichtet,  | [ ] | [X]  |                  |
|      | teilt er dies dem Auftraggeber vor der Verarbeitung mit.              |     |      |                  |
| 3.5  | Der Auftragnehmer informiert den Auftraggeber unverzüglich, wenn eine | [X] | [ ]  |                  |
|      | Weisung nach seiner Ansicht gegen Datenschutzrecht verstößt.          |     |      |                  |
| 3.10 | Subunternehmern werden dieselben Datenschutzpflichten auferlegt, die  | [ ] | [X]  | nicht vereinbart |
|      | in diesem Vertrag festgelegt sind.                                    |     |      |                  |
"""


def test_rows_ticked_nein_are_not_agreed() -> None:
    report = check_bytes(CHECKLIST.encode(), "checkliste.txt")
    status = {r.id: r.status for r in report.requirements}
    assert status["a28.3.h.infringing_instruction"] == "met"  # ticked "Ja", text wrapped over two lines
    assert status["a28.3.a.legal_exception"] == "missing"
    assert status["a28.3.d.flow_down"] == "missing"


def test_the_same_rows_ticked_ja_are_agreed() -> None:
    agreed = CHECKLIST.replace("| [ ] | [X]  |", "| [X] | [ ]  |").replace(
        "nicht vereinbart", "                "
    )
    report = check_bytes(agreed.encode(), "checkliste.txt")
    status = {r.id: r.status for r in report.requirements}
    assert status["a28.3.a.legal_exception"] == "met"
    assert status["a28.3.d.flow_down"] == "met"
