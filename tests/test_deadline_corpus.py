"""Deadline accuracy against the gold annotations of real contracts.

The seeds in corpora/ are part of the project; the development corpus in
../shared/corpus is used when present and skipped otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from avvlint.analysis import Analysis
from avvlint.deadlines import compare_deadlines, deadline_accuracy, find_deadlines
from avvlint.extract import extract_path

ROOT = Path(__file__).resolve().parents[1]
# The seeds with their renders and rewordings (the blind-written variants v*/w* are held
# to the `avvlint eval` floor in CI instead), and the shared development corpus.
CORPORA = [
    (ROOT / "corpora" / "docs", ROOT / "corpora" / "gold", "[0tp]*.yaml"),
    (ROOT.parent / "shared" / "corpus" / "docs", ROOT.parent / "shared" / "corpus" / "gold", "*.yaml"),
]


def _accuracy(docs: Path, gold: Path, pattern: str) -> tuple[int, int, list[str]]:
    correct = total = 0
    misses: list[str] = []
    for gold_file in sorted(gold.glob(pattern)):
        data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        path = docs / data["document"]
        deadlines = find_deadlines(Analysis(extract_path(path)))
        c, t = deadline_accuracy(deadlines, data["deadlines"])
        correct += c
        total += t
        misses += [
            f"{path.name} {r.kind}: expected {r.expected}, found {r.found}"
            for r in compare_deadlines(deadlines, data["deadlines"])
            if not r.correct
        ]
    return correct, total, misses


@pytest.mark.parametrize(("docs", "gold", "pattern"), CORPORA, ids=["seeds", "shared-corpus"])
def test_deadline_accuracy(docs: Path, gold: Path, pattern: str) -> None:
    if not gold.is_dir():
        pytest.skip(f"{gold} not present")
    correct, total, misses = _accuracy(docs, gold, pattern)
    assert total > 0
    assert correct / total >= 0.95, misses


def test_scoring_semantics() -> None:
    gold = {
        "breach_notice": {"value": 24, "unit": "hours", "hours": 24, "hedged": False},
        "dsr_forwarding": None,
        "deletion": {"vague": True},
        "backup_deletion": {"value": 30, "unit": "days", "hours": 720, "hedged": False, "unsure": True},
        "subprocessor_notice": {"value": 30, "unit": "days", "hours": 720, "hedged": False},
    }
    report = [
        {"kind": "breach_notice", "value": 24, "unit": "hours", "hours": 24, "vague": False, "hedged": True},
        {"kind": "deletion", "value": None, "unit": None, "hours": None, "vague": True, "hedged": False},
        {
            "kind": "subprocessor_notice",
            "value": 30,
            "unit": "days",
            "hours": 720,
            "vague": False,
            "hedged": False,
        },
    ]
    results = {r.kind: r.correct for r in compare_deadlines(report, gold)}
    # hedged flag differs -> wrong; null vs none -> right; unsure -> skipped
    assert results == {
        "breach_notice": False,
        "dsr_forwarding": True,
        "deletion": True,
        "subprocessor_notice": True,
    }
    assert deadline_accuracy(report, gold) == (3, 4)
