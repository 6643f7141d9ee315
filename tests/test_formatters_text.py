"""The terminal report: DPO view for `check`, matrix for `scan`, German by default."""

from __future__ import annotations

from pathlib import Path

from cli_support import copy_seeds, make_broken_files, run, sample_report, workdir

from avvlint.catalogue import GROUP_TITLES
from avvlint.formatters import RenderContext, render

__all__ = ["workdir"]


def test_check_report_shows_elements_findings_deadlines_and_summary() -> None:
    out = render("text", sample_report(), RenderContext(root=Path.cwd()))
    for title in GROUP_TITLES.values():
        assert title in out
    assert "Pflichtinhalte nach Art. 28 Abs. 3 DSGVO: 20 von 25 erfüllt" in out
    assert "✓ erfüllt" in out and "✗ fehlt" in out
    # findings: quoted words with where they are, and what to ask the vendor for
    assert "„Der Auftragnehmer meldet Verletzungen binnen 72 Stunden.“" in out
    assert "§ 7 Abs. 2 · Seite 2 · Zeile 14" in out
    assert "Vom Anbieter anfordern: Meldung binnen 24 bis 48 Stunden." in out
    assert "Rechtsgrundlage: Art. 33 Abs. 2 DSGVO" in out
    # deadlines table
    assert "Meldung von Datenschutzverletzungen" in out
    assert "überschritten" in out and "eingehalten" in out and "unbestimmt" in out
    assert "≤ 2 Tage" in out
    # unreadable document and the closing line
    assert "corrupt-pdf" in out
    assert out.rstrip().endswith("2 Fehler, 1 Warnung in 2 Dateien (1 nicht lesbar)")
    assert "\x1b[" not in out


def test_english_report() -> None:
    out = render("text", sample_report(), RenderContext(root=Path.cwd(), language="en"))
    assert "Ask the vendor for:" in out and "exceeds" in out
    assert out.rstrip().endswith("2 errors, 1 warning in 2 files (1 unreadable)")


def test_scan_matrix_and_summary() -> None:
    out = render("text", sample_report(), RenderContext(root=Path.cwd(), mode="scan"))
    header = next(line for line in out.splitlines() if line.startswith("Datei"))
    for col in ("S.1", " a ", " h ", "Mld", "Ktr", "Ergebnis"):
        assert col in header
    row = next(line for line in out.splitlines() if line.startswith("vertraege/acme.pdf"))
    assert "✗5" in row and "✓" in row and "~" in row and "nicht bestanden" in row
    assert "0 von 2 Verträgen bestehen" in out
    assert "Häufigste Lücken" in out and "a28.3.d.objection" in out
    assert "Nicht lesbare Dateien (1)" in out and "corrupt-pdf" in out


def test_scan_cli_text_lists_broken_files_with_codes(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 2)
    make_broken_files(workdir / "docs")
    res = run("scan", "docs", "-j", "1")
    assert res.exit_code == 2
    assert "Nicht lesbare Dateien (3)" in res.stdout
    assert res.stdout.count("unsupported-format") >= 2 and "empty-file" in res.stdout
    assert "von 5 Verträgen bestehen" in res.stdout
