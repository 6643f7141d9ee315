"""Rule files are validated on load: bad rules name their file and line."""

from pathlib import Path

import pytest

from avvlint.catalogue import REQUIREMENT_IDS
from avvlint.engine.loader import load_rule_files
from avvlint.engine.pack import builtin_rules_dir
from avvlint.errors import RuleError

GOOD = """
rules:
  - code: ACME001
    name: acme-dpo-named
    requirement: x.dpo_named
    severity: warning
    message: {de: Kein Datenschutzbeauftragter benannt., en: No DPO named.}
    match:
      all:
        - datenschutzbeauftragte*
        - benannt|bestellt
    examples:
      pass: [Der Auftragnehmer hat einen Datenschutzbeauftragten bestellt.]
      fail: [Es gilt deutsches Recht.]
"""


def _load(tmp_path: Path, text: str) -> list:
    f = tmp_path / "acme.yml"
    f.write_text(text, encoding="utf-8")
    rules, _ = load_rule_files([f], set(REQUIREMENT_IDS))
    return rules


def test_builtin_pack_loads_and_covers_every_catalogue_element() -> None:
    rules, digest = load_rule_files([builtin_rules_dir() / "art28"], set(REQUIREMENT_IDS))
    covered = {r.requirement for r in rules}
    assert set(REQUIREMENT_IDS) <= covered
    assert len(digest) == 16
    for r in rules:
        assert r.legal_basis.startswith("Art."), r.code
        assert r.message_de and r.message_en and r.rationale and r.recommendation, r.code


def test_company_rule_loads(tmp_path: Path) -> None:
    (rule,) = _load(tmp_path, GOOD)
    assert rule.code == "ACME001" and rule.requirement == "x.dpo_named" and rule.severity == "warning"


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (("severity: warning", "severity: warning\n    colour: red"), "unknown key 'colour'"),
        (("- datenschutzbeauftragte*", "- {regex: '(unclosed'}"), "bad regex"),
        (("code: ACME001\n    name", "name"), "rule without 'code'"),
        (("requirement: x.dpo_named", "requirement: a28.3.nonsense"), "unknown requirement"),
        (("severity: warning", "severity: fatal"), "bad severity"),
        (("- benannt|bestellt", "- (benannt|bestellt"), "bad term"),
    ],
)
def test_invalid_rules_name_file_and_line(tmp_path: Path, mutation: tuple[str, str], expected: str) -> None:
    text = GOOD.replace(*mutation)
    assert text != GOOD
    with pytest.raises(RuleError) as exc:
        _load(tmp_path, text)
    msg = str(exc.value)
    assert "acme.yml:" in msg and expected in msg
    assert exc.value.code == "rule-error"


def test_duplicate_code_is_reported_with_both_places(tmp_path: Path) -> None:
    twice = GOOD + GOOD.split("rules:\n", 1)[1].replace("acme-dpo-named", "acme-other")
    with pytest.raises(RuleError, match=r"duplicate rule code ACME001 \(also at .*acme.yml:3\)"):
        _load(tmp_path, twice)


def test_yaml_object_tags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="invalid YAML"):
        _load(tmp_path, "rules:\n  - !!python/object/apply:os.system ['echo owned']\n")


def test_bad_scope_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="unknown scope 'page'"):
        _load(tmp_path, GOOD.replace("    match:\n", "    scope: page\n    match:\n"))
