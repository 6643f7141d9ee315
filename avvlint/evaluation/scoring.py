"""Scores: violation precision/recall/F1, deadline accuracy, evidence hit rate.

The positive class is a violation: gold ``met: false``. Items with ``met: null``
or ``unsure: true`` are borderline judgments and are left out, as the gold
README says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import REQUIREMENT_IDS
from ..fold import fold
from ..report import DocumentReport
from ..settings import Settings
from .gold import GoldDocument, load_gold_dir


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "accuracy": round(self.accuracy, 4),
        }  # fmt: skip


@dataclass
class Miss:
    document: str
    item: str
    expected: str
    got: str
    quote: str = ""


@dataclass
class EvalResult:
    overall: Counts = field(default_factory=Counts)
    per_element: dict[str, Counts] = field(default_factory=dict)
    per_document: dict[str, Counts] = field(default_factory=dict)
    deadline_correct: int = 0
    deadline_total: int = 0
    evidence_hits: int = 0
    evidence_total: int = 0
    misses: list[Miss] = field(default_factory=list)
    evidence_misses: list[Miss] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_correct / self.deadline_total if self.deadline_total else 1.0

    @property
    def evidence_hit_rate(self) -> float:
        return self.evidence_hits / self.evidence_total if self.evidence_total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.per_document),
            "violation": self.overall.to_dict(),
            "per_element": {k: v.to_dict() for k, v in sorted(self.per_element.items())},
            "per_document": {k: v.to_dict() for k, v in sorted(self.per_document.items())},
            "deadlines": {
                "correct": self.deadline_correct,
                "total": self.deadline_total,
                "accuracy": round(self.deadline_accuracy, 4),
            },
            "evidence": {
                "hits": self.evidence_hits,
                "total": self.evidence_total,
                "hit_rate": round(self.evidence_hit_rate, 4),
            },
            "misses": [m.__dict__ for m in self.misses],
            "evidence_misses": [m.__dict__ for m in self.evidence_misses],
            "failed": self.failed,
        }


def _quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote stands in the document (loosely: folded, then fuzzy)."""
    ft = fold(text)
    fq = fold(quote).text
    if not fq:
        return None
    i = ft.text.find(fq)
    if i >= 0:
        return ft.to_source(i, i + len(fq))
    from rapidfuzz import fuzz

    al = fuzz.partial_ratio_alignment(fq, ft.text, score_cutoff=85)
    if al is None:
        return None
    return ft.to_source(al.dest_start, al.dest_end)


def _deadline_score(report: DocumentReport, gold: GoldDocument) -> tuple[int, int, list[Miss]]:
    from ..deadlines.scoring import compare_deadlines, deadline_accuracy

    correct, total = deadline_accuracy(report.deadlines, gold.deadlines)
    misses = [
        Miss(gold.name, f"deadline:{r.kind}", str(r.expected), str(r.found))
        for r in compare_deadlines(report.deadlines, gold.deadlines)
        if not r.correct
    ]
    return correct, total, misses


def score_document(report: DocumentReport, gold: GoldDocument, result: EvalResult, text: str) -> None:
    doc_counts = result.per_document.setdefault(gold.name, Counts())
    for rid in REQUIREMENT_IDS:
        g = gold.elements.get(rid)
        if not g or g.get("met") is None or g.get("unsure"):
            continue
        req = report.requirement(rid)
        if req is None:
            continue
        gold_violation = g["met"] is False
        pred_violation = req.status == "missing"
        counts = result.per_element.setdefault(rid, Counts())
        for c in (counts, result.overall, doc_counts):
            if gold_violation and pred_violation:
                c.tp += 1
            elif gold_violation:
                c.fn += 1
            elif pred_violation:
                c.fp += 1
            else:
                c.tn += 1
        if gold_violation != pred_violation:
            got = req.status + (f" ({req.evidence[0].text[:80]!r})" if req.evidence else "")
            result.misses.append(
                Miss(
                    gold.name, rid, "missing" if gold_violation else "met", got, str(g.get("quote", ""))[:120]
                )
            )
        if not gold_violation and not pred_violation and g.get("quote"):
            span = _quote_span(text, str(g["quote"]))
            if span is not None:
                result.evidence_total += 1
                if any(e.start < span[1] and span[0] < e.end for e in req.evidence):
                    result.evidence_hits += 1
                else:
                    shown = req.evidence[0].text[:100] if req.evidence else ""
                    result.evidence_misses.append(
                        Miss(gold.name, rid, "evidence", shown, str(g["quote"])[:120])
                    )
    c, t, misses = _deadline_score(report, gold)
    result.deadline_correct += c
    result.deadline_total += t
    result.misses.extend(misses)


def evaluate_dir(root: Path, settings: Settings | None = None) -> EvalResult:
    """Check every gold-annotated document under ``root`` and score it."""
    from ..api import check_document
    from ..errors import AvvlintError
    from ..extract import extract_path

    settings = settings or Settings()
    result = EvalResult()
    for gold in load_gold_dir(root):
        try:
            doc = extract_path(gold.document, settings.limits)
            report = check_document(doc, settings)
        except AvvlintError as exc:
            result.failed.append(f"{gold.name}: {exc.code}: {exc.message}")
            continue
        except Exception as exc:  # an internal error must show up as a failed document, not a crash
            result.failed.append(f"{gold.name}: internal-error: {type(exc).__name__}: {exc}")
            continue
        score_document(report, gold, result, doc.text)
    return result
