"""SARIF 2.1.0 output checked against what GitHub code scanning requires."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from cli_support import copy_seeds, run, sample_report, workdir, write_empty_contract

from avvlint.formatters import RenderContext, render
from avvlint.rulesinfo import rule_index
from avvlint.settings import Settings

__all__ = ["workdir"]

LEVELS = {"none", "note", "warning", "error"}
FINGERPRINT = re.compile(r"^[0-9a-f]{16}:\d+$")


def assert_valid_for_github(log: dict[str, Any]) -> None:
    assert log["version"] == "2.1.0"
    assert "sarif-2.1.0" in log["$schema"]
    assert 1 <= len(log["runs"]) <= 20
    for run_ in log["runs"]:
        driver = run_["tool"]["driver"]
        assert driver["name"] == "avvlint"
        assert driver.get("semanticVersion") or driver.get("version")
        rules = driver["rules"]
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids))
        for r in rules:
            assert r["id"]
            assert 0 < len(r["shortDescription"]["text"]) <= 1024
            assert 0 < len(r["fullDescription"]["text"]) <= 1024
            assert r["help"]["text"]
            assert r["defaultConfiguration"]["level"] in {"note", "warning", "error"}
            assert len(r["properties"]["tags"]) <= 20
            assert len(r.get("name", "")) <= 255
        assert isinstance(run_["results"], list) and len(run_["results"]) <= 25_000
        assert "%SRCROOT%" in run_["originalUriBaseIds"]
        assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
        for res in run_["results"]:
            assert res["ruleId"] in ids
            assert ids[res["ruleIndex"]] == res["ruleId"]
            assert res["level"] in LEVELS
            assert res["message"]["text"]
            assert 1 <= len(res["locations"]) <= 10
            phys = res["locations"][0]["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            assert not uri.startswith(("/", "file:")) and "://" not in uri
            assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert phys["region"]["startLine"] >= 1
            assert FINGERPRINT.match(res["partialFingerprints"]["primaryLocationLineHash"])


def test_cli_sarif_is_valid_for_github(workdir: Path) -> None:
    seeds = copy_seeds(workdir / "vertraege", 2)
    write_empty_contract(workdir / "vertraege" / "leer.txt")
    res = run("check", "vertraege", "-f", "sarif", "--sarif-category", "avv")
    log = json.loads(res.stdout)
    assert_valid_for_github(log)
    run_ = log["runs"][0]
    assert run_["automationDetails"]["id"] == "avv/"
    uris = {a["location"]["uri"] for a in run_["artifacts"]}
    assert uris == {f"vertraege/{p.name}" for p in seeds} | {"vertraege/leer.txt"}
    # The empty contract misses everything, so there are results for it.
    assert any(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "vertraege/leer.txt"
        for r in run_["results"]
    )


def test_sarif_results_carry_snippet_page_section_and_own_fingerprint() -> None:
    report = sample_report()
    ctx = RenderContext(rules=rule_index(Settings()), root=Path.cwd())
    log = json.loads(render("sarif", report, ctx))
    assert_valid_for_github(log)
    results = log["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    breach = by_rule["AVV101"]
    region = breach["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 14
    assert "72 Stunden" in region["snippet"]["text"]
    assert breach["properties"]["page"] == 2 and breach["properties"]["section"] == "§ 7 Abs. 2"
    assert breach["partialFingerprints"]["primaryLocationLineHash"] == "fedcba9876543210:1"
    assert breach["level"] == "error" and by_rule["AVV014"]["level"] == "warning"
    # A missing clause has no words to point at: line 1, no snippet.
    missing = by_rule["AVV013"]["locations"][0]["physicalLocation"]["region"]
    assert missing == {"startLine": 1}
    # The unreadable document is a tool notification, not a result.
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "corrupt-pdf"
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_baselined_findings_are_left_out_of_sarif(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("baseline", "write", "bl.json", str(doc)).exit_code == 0
    log = json.loads(run("check", str(doc), "-f", "sarif", "--baseline", "bl.json").stdout)
    assert log["runs"][0]["results"] == []


def test_fingerprints_survive_edits_elsewhere_in_the_contract(workdir: Path) -> None:
    seed = copy_seeds(workdir, 1)[0]
    before = json.loads(run("check", str(seed), "-f", "sarif").stdout)
    text = seed.read_text(encoding="utf-8")
    seed.write_text("Vorbemerkung des Anbieters.\n\nStand: 2025\n\n" + text, encoding="utf-8")
    after = json.loads(run("check", str(seed), "-f", "sarif").stdout)

    def prints(log: dict[str, Any]) -> set[tuple[str, str]]:
        return {
            (r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"])
            for r in log["runs"][0]["results"]
        }

    assert prints(before) == prints(after)
