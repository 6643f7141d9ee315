"""JSON, JSON Lines, Markdown and GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import copy_seeds, make_broken_files, run, sample_report, workdir, write_empty_contract

from avvlint.formatters import RenderContext, render
from avvlint.formatters.github import escape_data, escape_property

__all__ = ["workdir"]


def test_jsonl_is_one_document_per_line(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 2)
    make_broken_files(workdir / "docs")
    res = run("scan", "docs", "-f", "jsonl", "-j", "1")
    lines = res.stdout.splitlines()
    assert len(lines) == 5
    docs = [json.loads(line) for line in lines]
    assert [d["path"] for d in docs] == sorted(d["path"] for d in docs)
    assert sum(d["error"] is not None for d in docs) == 3
    assert all(d["tool"]["name"] == "avvlint" for d in docs)


def test_json_keeps_the_contract_and_adds_suppressed() -> None:
    report = sample_report()
    data = json.loads(render("json", report, RenderContext(root=Path.cwd())))
    doc = data["documents"][0]
    assert doc["findings"][1]["location"]["section"] == "§ 7 Abs. 2"
    dl = doc["deadlines"][0]
    assert {"kind", "value", "unit", "hours", "vague", "hedged", "evidence"} <= set(dl)
    vague = doc["deadlines"][2]
    assert vague["value"] is None and vague["hours"] is None and vague["vague"] is True
    assert data["documents"][1]["error"] == {
        "code": "corrupt-pdf",
        "message": "vertraege/kaputt.pdf: the PDF is damaged",
    }
    assert data["summary"] == {
        "documents": 2,
        "errors": 2,
        "warnings": 1,
        "infos": 0,
        "failed": 1,
        "fail_on": "error",
    }


def test_markdown_is_a_findings_list_to_paste() -> None:
    out = render("markdown", sample_report(), RenderContext(root=Path.cwd()))
    assert out.startswith("## vertraege/acme.pdf")
    assert "1. **Einspruchsrecht gegen Änderungen** (AVV013, Fehler)" in out
    assert "> „Der Auftragnehmer meldet Verletzungen binnen 72 Stunden.“" in out
    assert "- Vom Anbieter anfordern: Meldung binnen 24 bis 48 Stunden." in out
    # contract text cannot break the Markdown
    assert "Weitergabe \\| der \\*Pflichten\\* unklar" in out
    assert "| Meldung von Datenschutzverletzungen | 72 Stunden |" in out
    assert "`corrupt-pdf`" in out


def test_github_annotations_escape_and_respect_the_limit(workdir: Path) -> None:
    assert escape_data("50%\nneu") == "50%25%0Aneu"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    doc = write_empty_contract(workdir / "leer, neu.txt")
    res = run("check", str(doc), "-f", "github", "--severity", "ALL=error")
    lines = res.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert 0 < len(errors) <= 10
    assert errors[0].startswith("::error file=leer%2C neu.txt,line=")
    if len(errors) == 10:
        assert any(line.startswith("::notice title=avvlint::") and "more findings" in line for line in lines)
    assert lines[-1].startswith("avvlint: ")
