"""`rules`, `explain`, `extract`, `cache dir` and the help/version basics."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import SEEDS, run, workdir

from avvlint.catalogue import REQUIREMENT_IDS

__all__ = ["workdir"]


def test_rules_lists_every_rule_with_its_metadata(workdir: Path) -> None:
    res = run("rules", "-f", "json")
    assert res.exit_code == 0
    rules = json.loads(res.stdout)
    codes = [r["code"] for r in rules]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    for r in rules:
        assert r["name"] and r["severity"] in ("error", "warning", "info")
        assert r["legal_basis"] and r["message_de"]
    text = run("rules").stdout
    assert all(code in text for code in codes)


def test_explain_by_code_name_and_catalogue_id(workdir: Path) -> None:
    rules = json.loads(run("rules", "-f", "json").stdout)
    first = rules[0]
    by_code = run("explain", first["code"])
    assert by_code.exit_code == 0
    assert first["code"] in by_code.stdout and "Warum" in by_code.stdout
    by_name = json.loads(run("explain", first["name"], "-f", "json").stdout)
    assert [r["code"] for r in by_name["rules"]] == [first["code"]]
    md = run("explain", first["code"], "-f", "markdown").stdout
    assert md.startswith(f"## {first['code']}") and "### Was geprüft wird" in md
    rid = REQUIREMENT_IDS[0]
    by_id = json.loads(run("explain", rid, "-f", "json").stdout)
    assert by_id["requirement"]["id"] == rid
    assert all(r["requirement"] == rid for r in by_id["rules"])


def test_explain_unknown_id_is_a_usage_error(workdir: Path) -> None:
    res = run("explain", "AVV999x")
    assert res.exit_code == 2 and "AVV999x" in res.stderr


def test_extract_text_and_json(workdir: Path) -> None:
    seed = str(SEEDS[0])
    text = run("extract", seed)
    assert text.exit_code == 0 and len(text.stdout) > 1000
    data = json.loads(run("extract", seed, "-f", "json").stdout)
    assert data["format"] == "txt" and data["blocks"] and data["sections"]
    assert run("extract", "gibt-es-nicht.pdf").exit_code == 2


def test_cache_dir_follows_the_environment(workdir: Path) -> None:
    assert run("cache", "dir").stdout.strip() == str(workdir / ".cache")
    assert run("cache", "dir", "--cache-dir", "x").stdout.strip() == "x"


def test_version_and_help(workdir: Path) -> None:
    assert run("--version").stdout.startswith("avvlint, version ")
    helptext = run("--help").stdout
    for cmd in ("check", "scan", "rules", "explain", "init", "config", "baseline", "cache"):
        assert cmd in helptext
