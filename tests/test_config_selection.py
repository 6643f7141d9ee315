"""Selection: select/ignore/extend-select, severity overrides, per-file ignores."""

from __future__ import annotations

from avvlint.engine.model import Rule
from avvlint.report import DocumentReport, Finding
from avvlint.selection import apply_selection, is_enabled, path_matches, unknown_selectors
from avvlint.settings import Settings

RULE = Rule(
    code="AVV012",
    name="subprocessor-approval",
    requirement="a28.3.d.authorisation",
    severity="error",
    legal_basis="Art. 28 Abs. 2 DSGVO",
    message_de="m",
    message_en="m",
    rationale="r",
    recommendation="x",
    groups=("art28-2", "core"),
    aliases=("subprocessors",),
)
RULES = {"AVV012": RULE}


def finding(rule: str = "AVV012", req: str = "a28.3.d.authorisation", sev: str = "error") -> Finding:
    return Finding(rule, req, sev, "msg")  # type: ignore[arg-type]


def test_selectors_name_codes_names_groups_aliases_ids_prefixes_and_globs() -> None:
    f = finding()
    for sel in (
        "ALL",
        "AVV012",
        "avv012",
        "subprocessor-approval",
        "subprocessors",
        "core",
        "AVV0",
        "AVV",
        "AVV0*",
        "a28.3.d",
        "a28.3.d.authorisation",
    ):
        assert is_enabled(f, RULE, [sel], []), sel
    for sel in ("AVV013", "AVV1*", "a28.3.e", "other-group"):
        assert not is_enabled(f, RULE, [sel], []), sel


def test_the_more_specific_selector_wins_and_ties_go_to_ignore() -> None:
    f = finding()
    assert not is_enabled(f, RULE, ["ALL"], ["AVV012"])
    assert is_enabled(f, RULE, ["AVV012"], ["ALL"])
    assert is_enabled(f, RULE, ["AVV012"], ["core"])
    assert not is_enabled(f, RULE, ["AVV0"], ["AVV01"])
    assert not is_enabled(f, RULE, ["AVV012"], ["subprocessor-approval"])


def test_apply_selection_filters_and_relevels() -> None:
    doc = DocumentReport(path="a/b.pdf", findings=[finding(), finding("AVV099", "a28.3.h.audits", "warning")])
    s = Settings(severity={"AVV012": "warning", "a28.3.h": "off"})
    apply_selection(doc, s, RULES)
    assert [(f.rule, f.severity) for f in doc.findings] == [("AVV012", "warning")]
    doc = DocumentReport(path="a/b.pdf", findings=[finding(), finding("AVV099", "a28.3.h.audits")])
    apply_selection(doc, Settings(extend_select=("AVV099",), select=("core",)), RULES)
    assert [f.rule for f in doc.findings] == ["AVV012", "AVV099"]


def test_per_file_ignores_match_paths_and_names() -> None:
    assert path_matches("lieferanten/acme/*.pdf", "lieferanten/acme/avv.pdf")
    assert path_matches("lieferanten/acme/*.pdf", "./lieferanten/acme/avv.pdf")
    assert not path_matches("lieferanten/acme/*.pdf", "lieferanten/other/avv.pdf")
    assert path_matches("*.docx", "tief/im/ordner/x.docx")
    doc = DocumentReport(path="lieferanten/acme/avv.pdf", findings=[finding()])
    apply_selection(doc, Settings(per_file_ignores={"lieferanten/acme/*.pdf": ("a28.3.d",)}), RULES)
    assert doc.findings == []


def test_unknown_selectors_are_found() -> None:
    assert unknown_selectors(
        ["AVV012", "core", "a28.3.h.audits", "breach_notice", "AVV9*", "nix"],
        [RULE],
        ["a28.3.h.audits", "breach_notice"],
    ) == ["AVV9*", "nix"]
