"""`avvlint check`: exit codes, stdin, several outputs, colour, start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_support import SEEDS, copy_seeds, run, run_json, workdir, write_empty_contract

from avvlint.catalogue import REQUIREMENT_IDS

__all__ = ["workdir"]


def test_json_report_has_every_requirement_and_the_contract_fields(workdir: Path) -> None:
    seed = copy_seeds(workdir / "docs", 1)[0]
    code, data = run_json("check", str(seed))
    assert code in (0, 1)
    assert data["tool"]["name"] == "avvlint"
    assert set(data["policy"]) >= {"breach_notice_max_hours", "deletion_max_hours"}
    (doc,) = data["documents"]
    assert doc["path"] == str(seed)
    assert doc["format"] == "txt" and doc["error"] is None and len(doc["sha256"]) == 64
    assert [r["id"] for r in doc["requirements"]] == list(REQUIREMENT_IDS)
    assert {"documents", "errors", "warnings", "infos", "failed"} <= set(data["summary"])
    for f in doc["findings"]:
        assert {"rule", "requirement", "severity", "message", "location"} <= set(f)
        assert f["severity"] in ("error", "warning", "info")


def test_exit_1_when_a_finding_reaches_fail_on(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    res = run("check", str(doc), "--severity", "ALL=error", "-f", "json")
    assert res.exit_code == 1
    assert json.loads(res.stdout)["summary"]["errors"] > 0


def test_exit_0_when_findings_stay_below_fail_on(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("check", str(doc), "--severity", "ALL=warning").exit_code == 0
    assert run("check", str(doc), "--severity", "ALL=warning", "--fail-on", "warning").exit_code == 1
    assert run("check", str(doc), "--ignore", "ALL").exit_code == 0


def test_exit_zero_forces_0_but_not_for_unreadable_files(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("check", str(doc), "--severity", "ALL=error", "--exit-zero").exit_code == 0
    (workdir / "kaputt.txt").write_bytes(b"")
    assert run("check", str(doc), "kaputt.txt", "--exit-zero").exit_code == 2


def test_exit_2_for_missing_and_unreadable_documents(workdir: Path) -> None:
    code, data = run_json("check", "gibt-es-nicht.pdf")
    assert code == 2
    assert data["documents"][0]["error"]["code"] == "not-found"
    assert data["summary"]["failed"] == 1
    (workdir / "bild.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    code, data = run_json("check", "bild.pdf")
    assert code == 2
    assert data["documents"][0]["error"]["code"] == "unsupported-format"


def test_exit_2_for_usage_and_config_errors(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    assert run("check", str(doc), "--format", "yaml").exit_code == 2
    res = run("check", str(doc), "--policy", "breach_notice=bald")
    assert res.exit_code == 2 and "policy.breach_notice" in res.stderr
    res = run("check", str(doc), "--policy", "meldung=24h")
    assert res.exit_code == 2 and "policy.meldung" in res.stderr
    res = run("check", str(doc), "--select", "KEINE_REGEL")
    assert res.exit_code == 2 and "KEINE_REGEL" in res.stderr
    (workdir / "avvlint.toml").write_text("fail-on = 3\n")
    res = run("check", str(doc))
    assert res.exit_code == 2 and "'fail-on'" in res.stderr and "Traceback" not in res.stderr


def test_stdin_is_read_as_bytes_with_a_name(workdir: Path) -> None:
    data = SEEDS[0].read_bytes()
    res = run("check", "-", "--stdin-filename", "lieferant/avv.txt", "-f", "json", input=data)
    doc = json.loads(res.stdout)["documents"][0]
    assert doc["path"] == "lieferant/avv.txt"
    assert doc["format"] == "txt" and doc["error"] is None
    res = run("check", "-", "-f", "json", input=b"")
    assert res.exit_code == 2
    assert json.loads(res.stdout)["documents"][0]["error"]["code"] == "empty-file"


def test_several_outputs_in_one_run(workdir: Path) -> None:
    seeds = copy_seeds(workdir / "docs", 2)
    res = run(
        "check",
        *map(str, seeds),
        "-f",
        "json",
        "-o",
        "out.json",
        "--report",
        "sarif:out.sarif",
        "--report",
        "junit:out.xml",
        "--report",
        "csv:out.csv",
    )
    assert res.stdout == ""
    assert len(json.loads((workdir / "out.json").read_text())["documents"]) == 2
    assert json.loads((workdir / "out.sarif").read_text())["version"] == "2.1.0"
    assert (workdir / "out.xml").read_text().startswith("<?xml")
    assert (workdir / "out.csv").read_text().startswith("path,")
    bad = run("check", str(seeds[0]), "--report", "pdf:x.pdf")
    assert bad.exit_code == 2


def test_text_report_goes_to_stdout_without_ansi_unless_forced(workdir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = write_empty_contract(workdir / "leer.txt")
    res = run("check", str(doc))
    assert "\x1b[" not in res.stdout
    assert "lit. d Unterauftragsverarbeiter" in res.stdout
    assert "Dateien" in res.stdout or "Datei" in res.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("check", str(doc)).stdout
    assert "\x1b[" not in run("check", str(doc), "-f", "json").stdout
    assert "\x1b[" not in run("check", str(doc), "--no-color").stdout
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", str(doc)).stdout
    assert "\x1b[" in run("check", str(doc), "--color").stdout


def test_folder_argument_checks_the_documents_inside(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 2)
    (workdir / "docs" / "notizen.md").write_text("keine AVV")
    _, data = run_json("check", "docs")
    assert [Path(d["path"]).name for d in data["documents"]] == sorted(p.name for p in SEEDS[:2])


def test_github_actions_default_to_annotations_and_job_summary(workdir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = write_empty_contract(workdir / "leer.txt")
    summary = workdir / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    res = run("check", str(doc), "--severity", "ALL=error")
    assert res.stdout.startswith("::error file=leer.txt,line=")
    assert "leer.txt" in summary.read_text()


def test_check_json_of_one_txt_imports_no_rich_pdf_or_docx(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    code = (
        "import sys\n"
        "from avvlint.cli import main\n"
        f"sys.argv = ['avvlint', 'check', {str(doc)!r}, '--format', 'json', '--no-cache']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['rich', 'pdfplumber', 'pypdfium2', 'docx', 'pdfminer']\n"
        "print(','.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=workdir, timeout=120
    )
    assert proc.stderr.strip().splitlines()[-1:] in ([], [""]), proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["format"] == "txt"


def test_exit_2_for_a_broken_company_rule(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    rules = workdir / "firmenregeln"
    rules.mkdir()
    (rules / "AVV900-kaputt.yml").write_text("code: AVV900\nname: [kaputt\n")
    res = run("check", str(doc), "--rule-path", str(rules))
    assert res.exit_code == 2
    assert "rule-error" in res.stderr and "AVV900-kaputt.yml" in res.stderr
    assert "Traceback" not in res.stderr
