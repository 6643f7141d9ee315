"""The one deadline per kind that decides the verdict.

A number beats a duty without one. Among numbers the worst case for the policy wins:
the longest period for kinds with an upper limit (breach notice, deletion, ...), the
shortest for kinds with a lower limit (sub-processor notice, objection period). On a
tie the hedged one wins (it is the weaker promise), then the first in the document.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..policy import DEFAULT_THRESHOLDS, Policy
from ..report import Deadline


def primary_deadlines(deadlines: Iterable[Deadline], policy: Policy | None = None) -> dict[str, Deadline]:
    thresholds = (policy or Policy()).thresholds
    best: dict[str, Deadline] = {}
    for d in deadlines:
        cur = best.get(d.kind)
        if cur is None or _worse(d, cur, thresholds.get(d.kind, DEFAULT_THRESHOLDS.get(d.kind))):
            best[d.kind] = d
    return best


def _worse(a: Deadline, b: Deadline, threshold: object) -> bool:
    """Whether ``a`` should replace ``b`` as the deciding deadline."""
    if a.vague or a.hours is None:
        return False
    if b.vague or b.hours is None:
        return True
    direction = getattr(threshold, "direction", "max")
    a_h = a.hours if direction == "max" else (a.lower_hours if a.lower_hours is not None else a.hours)
    b_h = b.hours if direction == "max" else (b.lower_hours if b.lower_hours is not None else b.hours)
    if a_h != b_h:
        return a_h > b_h if direction == "max" else a_h < b_h
    return a.hedged and not b.hedged
