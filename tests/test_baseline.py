"""Accepted deviations: write, apply, expired, stale, moved files, kept reasons."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from cli_support import run, sample_report, workdir, write_empty_contract

from avvlint import baseline as bl
from avvlint.errors import ConfigError

__all__ = ["workdir"]


def test_write_then_apply_hides_every_current_finding(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "vertraege" / "leer.txt")
    assert run("check", str(doc), "--severity", "ALL=error").exit_code == 1
    res = run(
        "baseline",
        "write",
        "avvlint-baseline.json",
        str(doc),
        "--severity",
        "ALL=error",
        "--reason",
        "vom DSB akzeptiert",
        "--expires",
        "2999-12-31",
    )
    assert res.exit_code == 0, res.stderr
    data = json.loads((workdir / "avvlint-baseline.json").read_text())
    entries = data["entries"]
    assert entries and all(e["path"] == "vertraege/leer.txt" for e in entries)
    assert all(len(e["sha256"]) == 64 and ":" in e["fingerprint"] and e["rule"] for e in entries)
    assert {e["reason"] for e in entries} == {"vom DSB akzeptiert"}
    assert {e["expires"] for e in entries} == {"2999-12-31"}
    res = run(
        "check", str(doc), "--severity", "ALL=error", "--baseline", "avvlint-baseline.json", "-f", "json"
    )
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["documents"][0]["findings"] == []
    assert len(out["documents"][0]["suppressed"]) == len(entries)
    assert out["baseline"] == {"suppressed": len(entries), "expired": [], "stale": []}


def test_baseline_from_config_and_relative_to_its_file(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    (workdir / "ci").mkdir()
    assert run("baseline", "write", "ci/bl.json", str(doc)).exit_code == 0
    assert json.loads((workdir / "ci" / "bl.json").read_text())["entries"][0]["path"] == "../leer.txt"
    (workdir / "avvlint.toml").write_text('baseline = "ci/bl.json"\n[severity]\nALL = "error"\n')
    assert run("check", str(doc)).exit_code == 0


def test_expired_entries_stop_hiding_and_are_reported(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("baseline", "write", "bl.json", str(doc), "--expires", "2000-01-01").exit_code == 0
    res = run("check", str(doc), "--severity", "ALL=error", "--baseline", "bl.json")
    assert res.exit_code == 1
    assert "Baseline-Eintrag abgelaufen (2000-01-01)" in res.stdout
    res = run("check", str(doc), "--severity", "ALL=error", "--baseline", "bl.json", "-f", "json")
    assert json.loads(res.stdout)["baseline"]["expired"]
    assert "expired on 2000-01-01" in res.stderr


def test_stale_entries_are_reported(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("baseline", "write", "bl.json", str(doc)).exit_code == 0
    data = json.loads((workdir / "bl.json").read_text())
    data["entries"].append(dict(data["entries"][0], fingerprint="00000000deadbeef:1"))
    (workdir / "bl.json").write_text(json.dumps(data))
    res = run("check", str(doc), "--baseline", "bl.json", "-f", "json")
    stale = json.loads(res.stdout)["baseline"]["stale"]
    assert [e["fingerprint"] for e in stale] == ["00000000deadbeef:1"]
    assert "stale baseline entry" in res.stderr


def test_moved_file_keeps_its_accepted_deviations(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "alt" / "leer.txt")
    assert run("baseline", "write", "bl.json", str(doc)).exit_code == 0
    new = workdir / "neu" / "leer.txt"
    new.parent.mkdir()
    shutil.move(doc, new)
    assert run("check", str(new), "--severity", "ALL=error", "--baseline", "bl.json").exit_code == 0


def test_rewrite_keeps_reasons_and_adds_new_findings() -> None:
    report = sample_report()
    first = bl.build(report, Path("bl.json"), reason="akzeptiert", expires=dt.date(2030, 1, 1))
    assert len(first.entries) == 3
    report.documents[0].findings = report.documents[0].findings[:2]
    second = bl.build(report, Path("bl.json"), reason="", previous=first)
    assert [e.reason for e in second.entries] == ["akzeptiert"] * 2
    assert {e.expires for e in second.entries} == {dt.date(2030, 1, 1)}


def test_apply_matches_by_fingerprint_not_line() -> None:
    report = sample_report()
    base = bl.build(report, Path("bl.json"))
    fresh = sample_report()
    f = fresh.documents[0].findings[1]
    assert f.location is not None
    object.__setattr__(f.location, "line", 99)  # the clause moved down the document
    out = bl.apply(fresh, base, today=dt.date(2025, 1, 1))
    assert out.suppressed == 3 and fresh.documents[0].findings == []
    assert out.stale == [] and out.expired == []


@pytest.mark.parametrize(
    "content",
    [
        "{",
        '{"entries": 3}',
        '{"version": 9, "entries": []}',
        '{"entries": [{"rule": "x"}]}',
        '{"entries": [{"fingerprint": "a:1", "rule": "R", "path": "p", "expires": "bald"}]}',
    ],
)
def test_invalid_baseline_is_exit_2(workdir: Path, content: str) -> None:
    (workdir / "bl.json").write_text(content)
    with pytest.raises(ConfigError):
        bl.load(workdir / "bl.json")
    doc = write_empty_contract(workdir / "leer.txt")
    res = run("check", str(doc), "--baseline", "bl.json")
    assert res.exit_code == 2 and "config-error" in res.stderr


def test_missing_baseline_file_is_exit_2(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    res = run("check", str(doc), "--baseline", "gibt-es-nicht.json")
    assert res.exit_code == 2 and "baseline write" in res.stderr
