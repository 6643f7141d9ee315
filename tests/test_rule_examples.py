"""Every rule's own pass/fail examples hold (the rule pack's unit tests)."""

import pytest

from avvlint.engine import load_rule_pack
from avvlint.engine.selftest import check_examples, rule_matches

PACK = load_rule_pack()


def test_every_rule_has_examples() -> None:
    for rule in PACK.rules:
        if rule.type == "reference":
            continue
        assert rule.examples_pass, f"{rule.code} has no pass examples"
        assert rule.examples_fail, f"{rule.code} has no fail examples"


def test_rule_examples_hold() -> None:
    failures = check_examples(PACK)
    assert not failures, "\n".join(f"{f.rule} {f.kind}: {f.detail}: {f.text}" for f in failures)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("AVV044", "Eine Haftung des Auftragnehmers für Unterauftragnehmer ist ausgeschlossen."),
        ("AVV042", "Ein Widerspruchsrecht des Auftraggebers gegen neue Subunternehmer besteht nicht."),
        ("AVV042", "Dem Kunden steht kein Einspruchsrecht gegen den Einsatz weiterer Subdienstleister zu."),
        (
            "AVV081",
            "Der Auftragnehmer ist nicht verpflichtet, Vor-Ort-Kontrollen des Auftraggebers zu dulden.",
        ),
        ("AVV043", "Unterauftragnehmer werden nicht auf dieselben Pflichten dieses Vertrags verpflichtet."),
        (
            "AVV061",
            "Der Auftragnehmer ist nicht verpflichtet, Datenschutzverletzungen an den Auftraggeber zu melden.",
        ),
        ("AVV070", "Eine Rückgabe oder Löschung der Daten nach Vertragsende erfolgt nicht."),
        (
            "AVV081",
            "Vor-Ort-Kontrollen in den Produktionsräumen finden aus Gründen der Betriebssicherheit nicht statt.",
        ),
        ("AVV081", "On-site audits and inspections of the processor's facilities are not permitted."),
        (
            "AVV013",
            "Der Auftragnehmer ist nicht verpflichtet, Weisungen auf ihre Rechtmäßigkeit zu prüfen oder den Auftraggeber auf rechtswidrige Weisungen hinzuweisen.",
        ),
    ],
)
def test_negated_duty_is_never_met(code: str, text: str) -> None:
    rule = PACK.by_code(code)
    assert rule is not None
    met, negated = rule_matches(PACK, rule, text)
    assert not met, f"{code} reported a negated clause as met: {text}"
    assert negated, f"{code} did not recognise the negation: {text}"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # conditions and double negatives keep the duty alive
        (
            "AVV011",
            "Ohne ausdrückliche Weisung des Verantwortlichen erfolgt keine Übermittlung in Drittländer.",
        ),
        (
            "AVV044",
            "Kommt ein Subunternehmer seinen Pflichten nicht nach, haftet der Auftragnehmer gegenüber dem Auftraggeber für dessen Einhaltung.",
        ),
        (
            "AVV042",
            "Erfolgt kein Widerspruch des Auftraggebers gegen den neuen Unterauftragsverarbeiter innerhalb von 14 Tagen, gilt er als genehmigt.",
        ),
        (
            "AVV040",
            "Der Auftragnehmer darf Unterauftragnehmer nicht ohne vorherige schriftliche Zustimmung des Auftraggebers einsetzen.",
        ),
    ],
)
def test_conditions_and_double_negatives_are_not_negations(code: str, text: str) -> None:
    rule = PACK.by_code(code)
    assert rule is not None
    met, _ = rule_matches(PACK, rule, text)
    assert met, f"{code} missed a duty stated with a condition/double negative: {text}"


def test_an_excluded_inspection_outweighs_a_general_audit_right() -> None:
    import avvlint

    text = (
        "§ 9 Kontrollen\n\n(1) Der Auftraggeber ist berechtigt, die Einhaltung dieses Vertrags zu überprüfen.\n\n"
        "(2) Vor-Ort-Inspektionen beim Auftragnehmer finden nicht statt; der Nachweis erfolgt ausschließlich "
        "über Zertifikate.\n"
    )
    report = avvlint.check_bytes(text.encode(), "avv.txt")
    audits = report.requirement("a28.3.h.audits")
    assert audits is not None and audits.status == "missing"
    assert audits.negated and "finden nicht" in audits.negated[0].text
