"""The five seeds rendered to PDF and DOCX (scripts/make_fixtures.py) read back word for word."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from avvlint.extract import extract_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "docs").glob("00*_*.txt"))
RENDERS = ROOT / "fixtures" / "seeds"
# List numbers are compared loosely: the seeds write Markdown auto-numbers ("1." "1." "1."),
# the renders real list numbering ("1." "2." "3.").
_ENUMERATOR = re.compile(r"^\(?(\d{1,2}|[a-z]|[ivx]+)[.)]$")
_GLUED_BOLD = re.compile(r"(?<=[\w.:)\]])\*{2,}(?=[\w(\[§])")


def words(text: str) -> list[str]:
    text = _GLUED_BOLD.sub(" ", text).replace("**", "")
    out = []
    for w in text.split():
        w = w.strip("#")
        if re.search(r"\w", w) and not _ENUMERATOR.match(w):
            out.append(w)
    return out


def agreement(seed: list[str], got: list[str]) -> float:
    sm = difflib.SequenceMatcher(None, seed, got, autojunk=False)
    same = sum(b.size for b in sm.get_matching_blocks())
    return same / max(len(seed), len(got))


@pytest.mark.parametrize("ext", ["pdf", "docx"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_render_reads_back_word_for_word(seed: Path, ext: str) -> None:
    doc = extract_path(RENDERS / f"{seed.stem}.{ext}")
    assert doc.format == ext
    ratio = agreement(words(seed.read_text(encoding="utf-8")), words(doc.text))
    assert ratio >= 0.99, f"{seed.stem}.{ext}: {ratio:.4f} of words in order"
    # the running header and the page-number footer are not contract text
    assert "Vertragsunterlage" not in doc.text
    assert not re.search(r"Seite \d+ von \d+", doc.text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_pdf_render_has_pages_on_every_block(seed: Path) -> None:
    doc = extract_path(RENDERS / f"{seed.stem}.pdf")
    assert doc.page_count and doc.page_count >= 2
    assert doc.page_starts[0] == 0 and doc.page_starts == sorted(doc.page_starts)
    assert all(b.page is not None and 1 <= b.page <= doc.page_count for b in doc.blocks)
    last = doc.blocks[-1]
    assert doc.page_of(last.start) == doc.page_count


def test_pdf_hyphenation_is_joined_and_compounds_kept() -> None:
    doc = extract_path(RENDERS / "002_c8b6cff46e3f89ae.pdf")
    # the renderer hyphenates long words at line ends; none of the halves may survive
    assert "Auftragsverarbei- tung" not in doc.text and "verarbei-tung" not in doc.text
    for compound in ("Sub-Auftragsverarbeiter", "EU-Standardvertragsklauseln", "DPF-Zertifizierung"):
        assert compound in doc.text


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_render_tables_come_out_as_rows_with_cells(ext: str) -> None:
    doc = extract_path(RENDERS / f"002_c8b6cff46e3f89ae.{ext}")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len({b.table for b in rows}) >= 3
    header = next(b for b in rows if doc.text[b.start : b.end].startswith("Anbieter"))
    cells = [doc.text[s:e] for s, e in header.cells]
    assert cells == ["Anbieter", "Sitz / Region", "Zweck", "Drittland-Mechanismus"]
    assert doc.text[header.start : header.end] == "\t".join(cells)
    hetzner = next(b for b in rows if doc.text[b.start : b.end].startswith("Hetzner Online GmbH"))
    assert hetzner.row == header.row + 1 and hetzner.table == header.table


@pytest.mark.parametrize("ext", ["txt", "pdf", "docx"])
def test_section_paths_of_sample_clauses(ext: str) -> None:
    path = (ROOT / "corpora" / "docs" if ext == "txt" else RENDERS) / f"003_7f6d5b31554e2f2c.{ext}"
    doc = extract_path(path)

    def section(phrase: str) -> str | None:
        i = doc.text.find(phrase)
        assert i >= 0, phrase
        return doc.section_of(i)

    assert section("meldet dem Verantwortlichen jede ihm bekanntwerdende Verletzung").startswith("§ 8")
    assert section("innerhalb von vierzehn (14) Tagen nach Erhalt der Mitteilung") == "§ 6 Abs. 3"
    assert section("Die Löschung erfolgt innerhalb von dreissig") == "§ 9 Abs. 2"
    assert section("Zutrittskontrolle: Server in EU-Rechenzentren") == "Anlage 1"
    assert {"anlage 1", "anlage 2", "anlage 3"} <= doc.annex_labels()


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_decimal_sections_in_render_of_seed_004(ext: str) -> None:
    doc = extract_path(RENDERS / f"004_d59ec76edc251ffd.{ext}")
    i = doc.text.find("Hält der Auftragsverarbeiter eine Weisung für datenschutzrechtswidrig")
    assert doc.section_of(i) == "1.3"
    labels = [s.label for s in doc.sections]
    assert labels.count("9.2") == 1 and "12.3" in labels
