"""Terminal rendering of an evaluation (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..evaluation.scoring import EvalResult


def render(result: EvalResult, console: Console, *, show_misses: bool = False, label: str = "") -> None:
    table = Table(title=f"Violation detection per element {label}".strip(), show_lines=False)
    for col in ("element", "TP", "FP", "FN", "TN", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "element" else "left")
    for rid, c in sorted(result.per_element.items()):
        table.add_row(
            rid, str(c.tp), str(c.fp), str(c.fn), str(c.tn),
            f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}",
        )  # fmt: skip
    console.print(table)
    if show_misses and result.misses:
        mt = Table(title="Misses", show_lines=False)
        for col in ("document", "item", "gold", "avvlint", "gold quote"):
            mt.add_column(col, overflow="fold")
        for m in result.misses:
            mt.add_row(m.document, m.item, m.expected, m.got, m.quote)
        console.print(mt)
    for f in result.failed:
        console.print(f"[red]failed:[/red] {f}")
    o = result.overall
    console.print(
        f"documents {len(result.per_document)}  violations: P {o.precision:.3f}  R {o.recall:.3f}  "
        f"F1 {o.f1:.3f}  (tp {o.tp} fp {o.fp} fn {o.fn} tn {o.tn})"
    )
    console.print(
        f"deadline accuracy {result.deadline_accuracy:.3f} "
        f"({result.deadline_correct}/{result.deadline_total})  "
        f"evidence hit rate {result.evidence_hit_rate:.3f} ({result.evidence_hits}/{result.evidence_total})"
    )
