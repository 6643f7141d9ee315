"""Shared helpers for the CLI, formatter, config, baseline, cache and scan tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from avvlint.catalogue import REQUIREMENTS
from avvlint.cli import main
from avvlint.document import Location
from avvlint.errors import AvvlintError
from avvlint.report import Deadline, DocumentReport, Finding, Report, RequirementResult

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "docs").glob("*.txt"))
# A "contract" that regulates nothing: every element is missing, whatever the rules.
EMPTY_CONTRACT = "Vertrag\n\nDie Parteien vereinbaren eine Zusammenarbeit.\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean cwd with its own cache and no CI/colour environment leaking in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AVVLINT_CACHE_DIR", str(tmp_path / ".cache"))
    for var in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "AVVLINT_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def run(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    res = run(*args, "--format", "json")
    return res.exit_code, json.loads(res.stdout)


def copy_seeds(dest: Path, n: int = 2) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for seed in SEEDS[:n]:
        target = dest / seed.name
        shutil.copy(seed, target)
        out.append(target)
    return out


def write_empty_contract(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(EMPTY_CONTRACT, encoding="utf-8")
    return path


def make_broken_files(folder: Path) -> dict[str, Path]:
    """An empty file, random bytes, and a PNG named .pdf."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": folder / "leer.txt",
        "random": folder / "zufall.pdf",
        "png": folder / "bild.pdf",
    }
    files["empty"].write_bytes(b"")
    rnd = random.Random(7)
    files["random"].write_bytes(bytes(rnd.randrange(256) for _ in range(4096)).replace(b"%PDF-", b"xxxxx"))
    files["png"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return files


def sample_report(path: str = "vertraege/acme.pdf") -> Report:
    """A hand-built report with every kind of content, independent of the rules."""
    text = "Der Auftragnehmer meldet Verletzungen binnen 72 Stunden."
    loc = Location(text=text, start=100, end=100 + len(text), page=2, line=14, section="§ 7 Abs. 2")
    reqs = [
        RequirementResult(r.id, "missing" if r.group == "d" else "met", [loc] if r.group != "d" else [])
        for r in REQUIREMENTS
    ]
    findings = [
        Finding(
            "AVV013",
            "a28.3.d.objection",
            "error",
            "Kein Einspruchsrecht gegen neue Unterauftragsverarbeiter",
            None,
            title="Einspruchsrecht gegen Änderungen",
            legal_basis="Art. 28 Abs. 2 S. 2 DSGVO",
            recommendation="Ein Einspruchsrecht mit Frist vor dem Einsatz neuer Unterauftragsverarbeiter.",
            fingerprint="0123456789abcdef:1",
        ),
        Finding(
            "AVV101",
            "breach_notice",
            "error",
            "Meldefrist 72 h überschreitet die Richtlinie von 48 h",
            loc,
            title="Meldefrist",
            legal_basis="Art. 33 Abs. 2 DSGVO",
            recommendation="Meldung binnen 24 bis 48 Stunden.",
            fingerprint="fedcba9876543210:1",
        ),
        Finding(
            "AVV014",
            "a28.3.d.flow_down",
            "warning",
            "Weitergabe | der *Pflichten* unklar",
            loc,
            fingerprint="1111111111111111:1",
        ),
    ]
    deadlines = [
        Deadline(
            "breach_notice",
            72,
            "hours",
            72,
            evidence=loc,
            written="72 Stunden",
            verdict="exceeds",
            policy_hours=48,
        ),
        Deadline(
            "deletion", 30, "days", 720, evidence=loc, written="dreißig Tagen", verdict="ok", policy_hours=720
        ),
        Deadline(
            "dsr_forwarding",
            None,
            None,
            None,
            vague=True,
            evidence=loc,
            written="unverzüglich",
            verdict="vague",
        ),
    ]
    good = DocumentReport(
        path=path,
        sha256="ab" * 32,
        format="pdf",
        requirements=reqs,
        deadlines=deadlines,
        findings=findings,
        pages=8,
    )
    broken = DocumentReport(
        path="vertraege/kaputt.pdf",
        sha256="cd" * 32,
        error=AvvlintError("corrupt-pdf", "vertraege/kaputt.pdf: the PDF is damaged"),
    )
    return Report(documents=[good, broken], policy={"breach_notice_max_hours": 48})
