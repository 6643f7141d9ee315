"""Deadline accuracy of avvlint against gold annotations, per corpus and per kind.

Usage: python scripts/deadline_eval.py [DOCS_DIR GOLD_DIR]...   (-v lists every miss)
Without arguments it evaluates corpora/ and, when present, ../shared/corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from avvlint.analysis import Analysis
from avvlint.deadlines.finder import find_deadlines
from avvlint.deadlines.scoring import compare_deadlines
from avvlint.extract import extract_path

ROOT = Path(__file__).resolve().parents[1]


def evaluate(docs: Path, gold: Path, verbose: bool) -> tuple[int, int]:
    correct = total = 0
    for gold_file in sorted(gold.glob("*.yaml")):
        data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        doc_path = docs / data["document"]
        if not doc_path.exists():
            continue
        analysis = Analysis(extract_path(doc_path))
        results = compare_deadlines(find_deadlines(analysis), data.get("deadlines") or {})
        c = sum(r.correct for r in results)
        correct += c
        total += len(results)
        if verbose:
            for r in results:
                if not r.correct:
                    print(f"  MISS {doc_path.name} {r.kind}: expected {r.expected}, found {r.found}")
    return correct, total


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    pairs = [(Path(args[i]), Path(args[i + 1])) for i in range(0, len(args) - 1, 2)]
    if not pairs:
        pairs = [(ROOT / "corpora" / "docs", ROOT / "corpora" / "gold")]
        shared = ROOT.parent / "shared" / "corpus"
        if shared.is_dir():
            pairs.append((shared / "docs", shared / "gold"))
    for docs, gold in pairs:
        c, t = evaluate(docs, gold, verbose)
        print(f"{docs}: {c}/{t} = {c / t:.3f}" if t else f"{docs}: no gold")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
