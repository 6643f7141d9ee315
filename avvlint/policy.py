"""Deadline policy: the thresholds a contract's deadlines are checked against.

Defaults come from the requirement catalogue; users change them in config or
with ``--policy kind=value``. ``max`` kinds must not exceed the threshold,
``min`` kinds must reach it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DeadlineKind = Literal[
    "breach_notice",
    "dsr_forwarding",
    "deletion",
    "backup_deletion",
    "subprocessor_notice",
    "objection_period",
    "audit_notice",
]

DEADLINE_KINDS: tuple[str, ...] = (
    "breach_notice",
    "dsr_forwarding",
    "deletion",
    "backup_deletion",
    "subprocessor_notice",
    "objection_period",
    "audit_notice",
)


@dataclass(frozen=True, slots=True)
class Threshold:
    kind: str
    direction: Literal["max", "min"]
    hours: float
    severity: Literal["error", "warning", "info"]
    vague_severity: Literal["error", "warning", "info"] = "warning"

    @property
    def key(self) -> str:
        return f"{self.kind}_{self.direction}_hours"


DEFAULT_THRESHOLDS: dict[str, Threshold] = {
    "breach_notice": Threshold("breach_notice", "max", 48, "error"),
    "dsr_forwarding": Threshold("dsr_forwarding", "max", 72, "error"),
    "deletion": Threshold("deletion", "max", 30 * 24, "error"),
    "backup_deletion": Threshold("backup_deletion", "max", 90 * 24, "warning"),
    "subprocessor_notice": Threshold("subprocessor_notice", "min", 14 * 24, "warning"),
    "objection_period": Threshold("objection_period", "min", 14 * 24, "warning"),
    "audit_notice": Threshold("audit_notice", "max", 30 * 24, "warning"),
}


@dataclass(frozen=True)
class Policy:
    thresholds: dict[str, Threshold] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))

    def with_hours(self, kind: str, hours: float) -> Policy:
        if kind not in self.thresholds:
            raise KeyError(kind)
        t = self.thresholds[kind]
        new = dict(self.thresholds)
        new[kind] = Threshold(t.kind, t.direction, hours, t.severity, t.vague_severity)
        return Policy(new)

    def to_dict(self) -> dict[str, float]:
        """The JSON ``policy`` object: ``{"breach_notice_max_hours": 48, ...}``."""
        return {t.key: t.hours for t in self.thresholds.values()}
