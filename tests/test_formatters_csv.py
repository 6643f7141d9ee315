"""CSV: the batch matrix, one row per document."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cli_support import copy_seeds, make_broken_files, run, sample_report, workdir

from avvlint.catalogue import REQUIREMENT_IDS
from avvlint.formatters import RenderContext, render
from avvlint.policy import DEADLINE_KINDS

__all__ = ["workdir"]


def test_csv_matrix_from_a_scan(workdir: Path) -> None:
    seeds = copy_seeds(workdir / "docs", 3)
    broken = make_broken_files(workdir / "docs")
    res = run("scan", "docs", "-f", "csv", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == len(seeds) + len(broken)
    assert [r["path"] for r in rows] == sorted(r["path"] for r in rows)
    header = list(rows[0])
    assert header[:5] == ["path", "format", "sha256", "result", "error"]
    assert set(REQUIREMENT_IDS) <= set(header)
    assert {f"{k}_verdict" for k in DEADLINE_KINDS} <= set(header)
    for r in rows:
        if r["result"] == "error":
            assert r["error"] in {"empty-file", "unsupported-format"}
        else:
            assert r["result"] in {"pass", "fail"}
            assert {r[rid] for rid in REQUIREMENT_IDS} <= {"met", "missing"}
            assert int(r["missing"]) == sum(r[rid] == "missing" for rid in REQUIREMENT_IDS)


def test_csv_deadline_columns() -> None:
    out = render("csv", sample_report(), RenderContext(root=Path.cwd()))
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["breach_notice_hours"] == "72" and row["breach_notice_verdict"] == "exceeds"
    assert row["deletion_verdict"] == "ok"
    assert row["dsr_forwarding_hours"] == "" and row["dsr_forwarding_verdict"] == "vague"
    assert row["audit_notice_verdict"] == ""
    assert row["a28.3.d.objection"] == "missing" and row["a28.3.subject"] == "met"
    assert row["result"] == "fail" and row["errors"] == "2" and row["warnings"] == "1"
