"""The deadline rules' metadata (rules/deadlines/findings.yml): loaded, validated, each code once."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from avvlint.deadlines import deadline_rules
from avvlint.deadlines.cues import rules_dir
from avvlint.deadlines.findings import default_finding_book, load_finding_book
from avvlint.errors import RuleError
from avvlint.policy import DEADLINE_KINDS

SHIPPED = rules_dir() / "findings.yml"


def _shipped() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def test_every_dl_code_is_defined_once() -> None:
    text = _shipped()
    written = re.findall(r"^\s*-?\s*code:\s*(DL\d{3})\s*$", text, flags=re.M)
    counts = Counter(written)
    assert written and all(n == 1 for n in counts.values()), counts
    codes = [r.code for r in deadline_rules()]
    assert sorted(codes) == sorted(written)
    assert len(set(codes)) == len(codes)
    data = yaml.safe_load(text)
    names = [r["name"] for r in data["periods"]["rules"] + data["wording"]]
    assert len(names) == len(set(names)) == len(codes)


def test_shipped_book_covers_every_kind_and_wording() -> None:
    book = default_finding_book()
    assert list(book.periods) == list(DEADLINE_KINDS)
    assert list(book.wording) == ["vague", "hedged", "conflict"]
    assert book.codes() == [
        "DL001",
        "DL002",
        "DL003",
        "DL004",
        "DL005",
        "DL006",
        "DL007",
        "DL010",
        "DL011",
        "DL012",
    ]


def test_rule_texts_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "findings.yml"
    path.write_text(
        _shipped().replace(
            "title_de: Löschfrist nach Vertragsende", "title_de: Frist für die Datenlöschung", 1
        ),
        encoding="utf-8",
    )
    rules = {r.code: r for r in deadline_rules(book=load_finding_book(path))}
    assert (
        rules["DL003"].message_de
        == "Frist für die Datenlöschung zu lang (Vorgabe: höchstens 30 Tage (720 h))"
    )
    assert "Die Frist für die Datenlöschung des Vertrags" in rules["DL003"].rationale


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "      title_en: backup deletion period",
            "      titel_en: backup deletion period",
            "titel_en",
            "unknown key",
        ),
        ('    rationale: "Welche Zahl', '    begruendung: "Welche Zahl', "begruendung", "unknown key"),
        (
            "  - code: DL011",
            "  - code: DL010",
            "code: DL010\n    name: deadline-hedged",
            "already defined on line",
        ),
        (
            "      name: deletion-period-too-long",
            "      name: breach-notice-too-long",
            "name: breach-notice-too-long\n      kind: deletion",
            "already defined",
        ),
        (
            "      kind: audit_notice",
            "      kind: audit_notification",
            "kind: audit_notification",
            "unknown deadline kind",
        ),
        (
            '    severity: warning\n    legal_basis: Art. 28 Abs. 3 DSGVO\n    message_de: "Frist durch',
            '    severity: fatal\n    legal_basis: Art. 28 Abs. 3 DSGVO\n    message_de: "Frist durch',
            "severity: fatal",
            "not one of error, warning, info",
        ),
        (
            "    when: conflict",
            "    when: hedged",
            'when: hedged\n    severity: warning\n    legal_basis: Art. 28 Abs. 3 DSGVO\n    message_de: "Frist in Worten',
            "has a rule already",
        ),
        ("{limit_de})", "{grenze})", 'message_de: "{title_de}', "unknown placeholder {grenze}"),
        ("  - code: DL012", "  - code: X12", "code: X12", "not a code like DL001"),
    ],
)
def test_broken_finding_files_name_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    shipped = _shipped()
    assert old in shipped
    text = shipped.replace(old, new, 1)
    path = tmp_path / "findings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_finding_book(path)
    assert err.value.code == "rule-error"
    assert err.value.message.startswith(f"{path}:{_line_of(text, needle)}: "), err.value.message
    assert message in err.value.message


def test_missing_field_names_the_entry(tmp_path: Path) -> None:
    text = _shipped().replace("      legal_basis: Art. 28 Abs. 3 lit. g DSGVO\n", "", 1)
    path = tmp_path / "findings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_finding_book(path)
    assert (
        err.value.message == f"{path}:{_line_of(text, 'code: DL003')}: periods.rules[2]: missing legal_basis"
    )


def test_missing_kind_and_duplicate_key(tmp_path: Path) -> None:
    shipped = _shipped()
    start = shipped.index("    - code: DL007")
    path = tmp_path / "findings.yml"
    path.write_text(shipped[:start] + shipped[shipped.index("wording:") :], encoding="utf-8")
    with pytest.raises(RuleError, match=r"periods\.rules: no rule for audit_notice"):
        load_finding_book(path)
    text = shipped.replace(
        "    name: deadline-hedged\n", "    name: deadline-hedged\n    name: deadline-soft\n", 1
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_finding_book(path)
    assert err.value.message == f"{path}:{_line_of(text, 'name: deadline-soft')}: 'name' is defined twice"


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "periods: [\n"])
def test_unusable_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "findings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_finding_book(path)
    assert err.value.message.startswith(f"{path}:")
    assert "\n" not in err.value.message
