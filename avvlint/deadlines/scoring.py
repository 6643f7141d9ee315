"""Deadline accuracy against gold annotations (``corpora/gold/*.yaml``).

For every kind of the catalogue the gold says one of: ``null`` (the document states
none), ``{vague: true}`` (a duty without a number) or ``{hours: ..., hedged: ...}``.
The report's *primary* deadline of that kind (see :func:`primary_deadlines`) is
compared with it: none vs none, vague vs vague, and equal hours after normalisation
with the same hedged flag. Items marked ``unsure: true`` are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..policy import DEADLINE_KINDS
from ..report import Deadline
from .primary import primary_deadlines


@dataclass(frozen=True, slots=True)
class KindResult:
    kind: str
    expected: str  # "none" | "vague" | "<hours> h[, hedged]"
    found: str
    correct: bool


def _as_deadline(item: Deadline | Mapping[str, Any]) -> Deadline:
    if isinstance(item, Deadline):
        return item
    return Deadline(
        kind=str(item.get("kind")),
        value=item.get("value"),
        unit=item.get("unit"),
        hours=item.get("hours"),
        vague=bool(item.get("vague", False)),
        hedged=bool(item.get("hedged", False)),
        lower_hours=item.get("lower_hours"),
    )


def _describe(hours: float | None, vague: bool, hedged: bool) -> str:
    if vague:
        return "vague"
    if hours is None:
        return "none"
    h = int(hours) if float(hours).is_integer() else hours
    return f"{h} h" + (", hedged" if hedged else "")


def compare_deadlines(
    report_deadlines: Iterable[Deadline | Mapping[str, Any]], gold_deadlines: Mapping[str, Any]
) -> list[KindResult]:
    """One result per gold kind that is not marked unsure."""
    primary = primary_deadlines([_as_deadline(d) for d in report_deadlines])
    out: list[KindResult] = []
    for kind in DEADLINE_KINDS:
        if kind not in gold_deadlines:
            continue
        gold = gold_deadlines[kind]
        if isinstance(gold, Mapping) and gold.get("unsure"):
            continue
        got = primary.get(kind)
        found = "none" if got is None else _describe(got.hours, got.vague, got.hedged)
        if gold is None:
            expected = "none"
            correct = got is None
        elif gold.get("vague"):
            expected = "vague"
            correct = got is not None and got.vague
        else:
            hours = gold.get("hours")
            hedged = bool(gold.get("hedged", False))
            expected = _describe(hours, False, hedged)
            correct = (
                got is not None
                and not got.vague
                and got.hours is not None
                and hours is not None
                and abs(float(got.hours) - float(hours)) < 1e-6
                and got.hedged == hedged
            )
        out.append(KindResult(kind, expected, found, correct))
    return out


def deadline_accuracy(
    report_deadlines: Iterable[Deadline | Mapping[str, Any]], gold_deadlines: Mapping[str, Any]
) -> tuple[int, int]:
    """(correct, total) over the gold kinds of one document; unsure items are skipped.

    ``report_deadlines`` are ``Deadline`` objects or their JSON dicts;
    ``gold_deadlines`` is the ``deadlines`` mapping of a gold YAML file.
    """
    results = compare_deadlines(report_deadlines, gold_deadlines)
    return sum(r.correct for r in results), len(results)
