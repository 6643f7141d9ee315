"""Requirement decisions on real seeds and on small hand-written contracts."""

from pathlib import Path

import yaml

import avvlint
from avvlint.report import DocumentReport

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "corpora" / "docs"
GOLD = ROOT / "corpora" / "gold"


def _check_text(text: str) -> DocumentReport:
    return avvlint.check_bytes(text.encode("utf-8"), "contract.txt")


def test_seed_statuses_agree_with_gold() -> None:
    for gold_file in sorted(GOLD.glob("00*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        report = avvlint.check_path(DOCS / gold["document"])
        for rid, g in gold["elements"].items():
            if g.get("met") is None or g.get("unsure"):
                continue
            got = report.requirement(rid)
            assert got is not None
            assert (got.status == "met") == g["met"], f"{gold['document']} {rid}: {got.status}"


def test_evidence_points_at_the_words_page_and_section() -> None:
    report = avvlint.check_path(DOCS / "003_7f6d5b31554e2f2c.txt")
    breach = report.requirement("a28.3.f.breach_notification")
    assert breach is not None and breach.status == "met"
    ev = breach.evidence[0]
    assert "meldet" in ev.text and "Verletzung" in ev.text
    assert ev.section == "§ 8 Abs. 1"
    assert len(ev.text) < 300  # the words, not the whole section
    text = (DOCS / "003_7f6d5b31554e2f2c.txt").read_text(encoding="utf-8")
    assert text[ev.start : ev.end] == ev.text
    assert text.count("\n", 0, ev.start) + 1 == ev.line


def test_pdf_render_cites_pages() -> None:
    report = avvlint.check_path(DOCS / "003_7f6d5b31554e2f2c.pdf")
    breach = report.requirement("a28.3.f.breach_notification")
    assert breach is not None and breach.status == "met"
    assert breach.evidence[0].page is not None and breach.evidence[0].page >= 1
    assert breach.evidence[0].section == "§ 8 Abs. 1"


ANNEX_CONTRACT = """Auftragsverarbeitungsvertrag

§ 1 Gegenstand und Dauer
(1) Gegenstand des Auftrags ist der Betrieb der Lohnabrechnung für den Auftraggeber.
(2) Art und Zweck der Verarbeitung, die Kategorien personenbezogener Daten und die Kategorien betroffener Personen ergeben sich aus Anlage 1.

§ 2 Unterauftragsverhältnisse
(1) Der Auftraggeber genehmigt die in Anlage 3 genannten Unterauftragsverarbeiter.

Anlage 1 – Beschreibung der Verarbeitung
Datenkategorien: Stammdaten, Lohndaten, Bankdaten
Betroffene Personen: Beschäftigte des Auftraggebers
"""


def test_reference_to_present_annex_meets_and_absent_annex_is_its_own_finding() -> None:
    report = _check_text(ANNEX_CONTRACT)
    assert report.requirement("a28.3.data_types").status == "met"
    assert report.requirement("a28.3.data_subjects").status == "met"
    assert report.requirement("a28.3.d.authorisation").status == "met"
    annex = [f for f in report.findings if f.rule == "AVV090"]
    assert [f.message for f in annex] == [
        "Anlage 3 wird für „Genehmigung von Unterauftragsverarbeitern“ in Bezug genommen, fehlt aber im Dokument oder ist leer."
    ]
    assert annex[0].location is not None and "Anlage 3" in annex[0].location.text


def test_blank_and_deferred_fields_are_missing() -> None:
    report = _check_text(
        "1. Angaben zur Verarbeitung\n\nArt der Daten: ______\nKategorien der Betroffenen: [bitte eintragen]\n\n"
        "Art und Kategorien der personenbezogenen Daten werden vom Verantwortlichen festgelegt.\n"
    )
    assert report.requirement("a28.3.data_types").status == "missing"
    assert report.requirement("a28.3.data_subjects").status == "missing"


def test_vendor_name_counts_as_processor() -> None:
    report = _check_text(
        "Vertrag zwischen dem Kunden und der Acme Cloud GmbH (nachfolgend „Auftragnehmer“).\n\n"
        "§ 1 Gegenstand\nAcme betreibt für den Kunden die Plattform Acme Desk.\n\n"
        "§ 2 Pflichten\nAcme verarbeitet personenbezogene Daten ausschließlich auf dokumentierte Weisung des Kunden.\n"
    )
    assert report.requirement("a28.3.subject").status == "met"
    assert report.requirement("a28.3.a.instructions").status == "met"


def test_negated_duty_is_reported_as_excluded_with_the_clause() -> None:
    report = _check_text(
        "§ 6 Unterauftragsverhältnisse\n"
        "(1) Der Auftragnehmer darf Subunternehmer nur mit Genehmigung des Auftraggebers einsetzen.\n"
        "(2) Eine Haftung des Auftragnehmers für Subunternehmer ist ausgeschlossen.\n"
    )
    liability = report.requirement("a28.3.d.liability")
    assert liability.status == "missing"
    assert liability.negated and "ausgeschlossen" in liability.negated[0].text
    finding = next(f for f in report.findings if f.requirement == "a28.3.d.liability")
    assert finding.location is not None and finding.location.section == "§ 6 Abs. 2"
    assert "schließt die Pflicht aus" in finding.message


def test_every_missing_element_has_a_finding_with_basis_and_recommendation() -> None:
    report = _check_text("Es gilt deutsches Recht. Gerichtsstand ist Berlin.\n")
    missing = [r.id for r in report.requirements if r.status == "missing"]
    assert len(missing) == 25
    by_req = {f.requirement: f for f in report.findings}
    for rid in missing:
        f = by_req[rid]
        assert f.legal_basis.startswith("Art. 28") and f.recommendation and f.message


def test_typos_in_duty_words_are_tolerated_but_real_words_are_not_changed() -> None:
    from avvlint.analysis import Analysis
    from avvlint.engine import load_rule_pack
    from avvlint.engine.matcher import DocMatcher
    from avvlint.extract import extract_bytes

    text = (
        "Der Auftragsverarbeiter informiert den Veranwortlichen unverzüglich über jede Datenschutzverletzung. "
        "Der Verantwortliche erteilt Weisungen. Bei Widersprüchen geht dieser Vertrag vor. "
        "Vertragliche Pflichten bestehen fort. Die Übermittlung erfolgt verschlüsselt."
    )
    pack = load_rule_pack()
    m = DocMatcher(Analysis(extract_bytes(text.encode(), "t.txt")), pack.lemma_forms, pack.lexicon)
    assert m.typos == {"veranwortlichen": "verantwortlichen"}
    report = avvlint.check_bytes(text.encode(), "t.txt")
    ev = report.requirement("a28.3.f.breach_notification").evidence[0]
    assert "Veranwortlichen" in ev.text  # the user sees the document's own spelling
