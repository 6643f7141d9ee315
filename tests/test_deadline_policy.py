"""Policy values, verdicts, findings and rule metadata of the deadline check."""

from __future__ import annotations

import pytest

from avvlint.analysis import Analysis
from avvlint.api import check_bytes
from avvlint.deadlines import check_deadlines, deadline_rules, primary_deadlines
from avvlint.errors import AvvlintError
from avvlint.extract import extract_bytes
from avvlint.policy import DEADLINE_KINDS, Policy, parse_policy_assignment, parse_policy_value
from avvlint.report import Deadline
from avvlint.settings import Settings


@pytest.mark.parametrize(
    ("value", "hours"),
    [
        ("24h", 24),
        ("3d", 72),
        ("2w", 336),
        ("1 month", 720),
        ("30 Tage", 720),
        ("5 Werktage", 168),
        ("zwei Wochen", 336),
        ("1,5d", 36),
        ("48", 48),
        (48, 48),
        (12.5, 12.5),
        ("1y", 8760),
    ],
)
def test_policy_values(value: str | float, hours: float) -> None:
    assert parse_policy_value(value) == hours


@pytest.mark.parametrize("value", ["", "x", "-3h", "0h", "24 parsecs", "3 Tage und 2 Stunden", True])
def test_bad_policy_values_are_config_errors(value: str) -> None:
    with pytest.raises(AvvlintError) as err:
        parse_policy_value(value)
    assert err.value.code == "config-error"
    assert "\n" not in err.value.message


def test_policy_assignment_from_the_command_line() -> None:
    assert parse_policy_assignment("breach_notice=24h") == ("breach_notice", 24)
    assert parse_policy_assignment("deletion_max_hours=480") == ("deletion", 480)
    for bad in ["breach_notice", "=24h", "breach=24h", "breach_notice="]:
        with pytest.raises(AvvlintError) as err:
            parse_policy_assignment(bad)
        assert err.value.code == "config-error"


def test_with_overrides_keeps_json_keys_and_directions() -> None:
    policy = Policy().with_overrides({"breach_notice": "24h", "subprocessor_notice_min_hours": "30 Tage"})
    out = policy.to_dict()
    assert out["breach_notice_max_hours"] == 24
    assert out["subprocessor_notice_min_hours"] == 720
    assert out["deletion_max_hours"] == 720  # untouched default
    assert set(out) == {f"{k}_{Policy().thresholds[k].direction}_hours" for k in DEADLINE_KINDS}


def _check(text: str, settings: Settings | None = None):
    doc = extract_bytes(text.encode("utf-8"), "avv.txt")
    return check_deadlines(Analysis(doc), settings or Settings())


CONTRACT = "\n\n".join(
    [
        "§ 8 Datenschutzverletzungen",
        "Der Auftragsverarbeiter meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener "
        "Daten in der Regel innerhalb von 72 Stunden nach Kenntnis.",
        "§ 9 Unterauftragsverarbeiter",
        "Der Auftragsverarbeiter informiert den Auftraggeber mindestens 7 Tage vor dem Einsatz neuer "
        "Unterauftragsverarbeiter.",
        "§ 10 Löschung",
        "Nach Vertragsende löscht der Auftragsverarbeiter alle Daten unverzüglich.",
    ]
)


def test_verdicts_and_findings() -> None:
    deadlines, findings = _check(CONTRACT)
    by_kind = primary_deadlines(deadlines)
    assert by_kind["breach_notice"].verdict == "exceeds"
    assert by_kind["breach_notice"].policy_hours == 48
    assert by_kind["subprocessor_notice"].verdict == "below"
    assert by_kind["deletion"].verdict == "vague"
    rules = sorted((f.rule, f.severity, f.requirement) for f in findings)
    assert rules == [
        ("DL001", "error", "breach_notice"),
        ("DL005", "warning", "subprocessor_notice"),
        ("DL010", "warning", "deletion"),
        ("DL011", "warning", "breach_notice"),
    ]
    hedge = next(f for f in findings if f.rule == "DL011")
    assert "in der Regel" in hedge.message
    assert hedge.location is not None and hedge.location.section == "§ 8"
    assert "72 Stunden" in hedge.location.text
    vague = next(f for f in findings if f.rule == "DL010")
    assert "unverzüglich" in vague.message and vague.message_en
    beyond = next(f for f in findings if f.rule == "DL001")
    assert "72 h" in beyond.message and "48 h" in beyond.message
    assert beyond.legal_basis.startswith("Art. 28")


def test_policy_change_turns_a_finding_off() -> None:
    settings = Settings(policy=Policy().with_overrides({"breach_notice": "3d", "subprocessor_notice": "1w"}))
    _, findings = _check(CONTRACT, settings)
    assert sorted(f.rule for f in findings) == ["DL010", "DL011"]


def test_severity_override_ignore_and_select() -> None:
    _, findings = _check(CONTRACT, Settings(severity={"DL011": "info", "deletion": "off"}))
    got = {f.rule: f.severity for f in findings}
    assert got == {"DL001": "error", "DL005": "warning", "DL011": "info"}
    _, findings = _check(CONTRACT, Settings(ignore=("DL01",)))
    assert sorted(f.rule for f in findings) == ["DL001", "DL005"]
    _, findings = _check(CONTRACT, Settings(select=("AVV",)))
    assert findings == []
    _, findings = _check(CONTRACT, Settings(select=("breach_notice",)))
    assert sorted(f.rule for f in findings) == ["DL001", "DL011"]


def test_deadlines_reach_the_json_report() -> None:
    report = check_bytes(CONTRACT.encode("utf-8"), "avv.txt")
    assert report.error is None
    out = report.to_dict()["deadlines"]
    breach = next(d for d in out if d["kind"] == "breach_notice")
    assert breach["hours"] == 72 and breach["hedged"] is True and breach["verdict"] == "exceeds"
    assert breach["written"] == "72 Stunden"
    assert breach["evidence"]["section"] == "§ 8"
    deletion = next(d for d in out if d["kind"] == "deletion")
    assert deletion["value"] is None and deletion["hours"] is None and deletion["vague"] is True


def test_primary_prefers_numbers_and_the_worst_case() -> None:
    def dl(kind: str, hours: float | None, vague: bool = False, hedged: bool = False) -> Deadline:
        return Deadline(kind, hours, "hours" if hours else None, hours, vague=vague, hedged=hedged)

    chosen = primary_deadlines(
        [
            dl("deletion", None, vague=True),
            dl("deletion", 720),
            dl("deletion", 2160),
            dl("subprocessor_notice", 720),
            dl("subprocessor_notice", 336),
            dl("breach_notice", 24),
            dl("breach_notice", 24, hedged=True),
        ]
    )
    assert chosen["deletion"].hours == 2160
    assert chosen["subprocessor_notice"].hours == 336
    assert chosen["breach_notice"].hedged


def test_rule_metadata() -> None:
    rules = deadline_rules()
    codes = [r.code for r in rules]
    assert codes == ["DL001", "DL002", "DL003", "DL004", "DL005", "DL006", "DL007", "DL010", "DL011", "DL012"]
    assert len({r.name for r in rules}) == len(rules)
    by_code = {r.code: r for r in rules}
    assert by_code["DL001"].severity == "error" and by_code["DL004"].severity == "warning"
    assert by_code["DL001"].requirement == "breach_notice"
    assert all(r.message_de and r.message_en and r.legal_basis and r.recommendation for r in rules)
    assert all("deadlines" in r.groups for r in rules)
    assert "24 h" in deadline_rules(Policy().with_overrides({"breach_notice": "24h"}))[0].message_de
