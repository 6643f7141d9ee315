"""Deadline policy: the thresholds a contract's deadlines are checked against.

Defaults come from the requirement catalogue; users change them in config or
with ``--policy kind=value``. ``max`` kinds must not exceed the threshold,
``min`` kinds must reach it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from .errors import AvvlintError

DeadlineKind = Literal[
    "breach_notice",
    "dsr_forwarding",
    "deletion",
    "backup_deletion",
    "subprocessor_notice",
    "objection_period",
    "audit_notice",
]

DEADLINE_KINDS: tuple[str, ...] = get_args(DeadlineKind)


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

    def with_overrides(self, overrides: Mapping[str, str | int | float]) -> Policy:
        """A copy with thresholds replaced: ``{"breach_notice": "24h", "deletion_max_hours": 480}``.

        Keys are deadline kinds or JSON keys; values are hours or durations (see
        :func:`parse_policy_value`). Bad input raises ``AvvlintError("config-error")``.
        """
        policy = self
        for key, value in overrides.items():
            policy = policy.with_hours(_kind_of_key(key), parse_policy_value(value))
        return policy

    def to_dict(self) -> dict[str, float]:
        """The JSON ``policy`` object: ``{"breach_notice_max_hours": 48, ...}``."""
        return {t.key: t.hours for t in self.thresholds.values()}


# --- policy values from config and the command line ----------------------------

_COMPACT_UNITS: dict[str, float] = {
    "": 1.0,
    "h": 1.0,
    "hr": 1.0,
    "hrs": 1.0,
    "hour": 1.0,
    "hours": 1.0,
    "std": 1.0,
    "stunde": 1.0,
    "stunden": 1.0,
    "d": 24.0,
    "t": 24.0,
    "day": 24.0,
    "days": 24.0,
    "tag": 24.0,
    "tage": 24.0,
    "w": 168.0,
    "wk": 168.0,
    "week": 168.0,
    "weeks": 168.0,
    "woche": 168.0,
    "wochen": 168.0,
    "mo": 720.0,
    "mon": 720.0,
    "month": 720.0,
    "months": 720.0,
    "monat": 720.0,
    "monate": 720.0,
    "y": 8760.0,
    "j": 8760.0,
    "year": 8760.0,
    "years": 8760.0,
    "jahr": 8760.0,
    "jahre": 8760.0,
}
_COMPACT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-zäöüß]*)\.?\s*$")


def parse_policy_value(value: str | int | float) -> float:
    """A policy threshold in hours: ``48`` (hours), ``"24h"``, ``"3d"``, ``"2w"``, ``"1 month"``,
    ``"30 Tage"``, ``"5 Werktage"`` (worst case, as in contracts), ``"zwei Wochen"``.

    Raises ``AvvlintError("config-error")`` for anything else.
    """
    if isinstance(value, bool):
        raise AvvlintError(
            "config-error", f"invalid policy value {value!r}: expected a duration like 48h or 30d"
        )
    if isinstance(value, int | float):
        hours = float(value)
    else:
        m = _COMPACT.match(value.lower())
        if m and m.group(2) in _COMPACT_UNITS:
            hours = float(m.group(1).replace(",", ".")) * _COMPACT_UNITS[m.group(2)]
        else:
            from .deadlines.durations import find_durations
            from .fold import fold_str

            folded = fold_str(value)
            found = find_durations(folded)
            if len(found) != 1 or found[0].start > 0 or found[0].end < len(folded.rstrip(". ")):
                raise AvvlintError(
                    "config-error",
                    f"invalid policy value {value!r}: "
                    "expected a duration like 48h, 3d, 2w, 1 month or 30 Tage",
                )
            hours = found[0].hours
    if not (hours > 0 and hours < 1e7):
        raise AvvlintError("config-error", f"invalid policy value {value!r}: the duration must be positive")
    return hours


def _kind_of_key(key: str) -> str:
    """``breach_notice`` or ``breach_notice_max_hours`` -> ``breach_notice``."""
    k = key.strip().lower().replace("-", "_")
    for kind in DEADLINE_KINDS:
        if k == kind or k in {f"{kind}_max_hours", f"{kind}_min_hours", f"{kind}_hours"}:
            return kind
    raise AvvlintError(
        "config-error", f"unknown deadline kind {key!r} in policy (known: {', '.join(DEADLINE_KINDS)})"
    )


def parse_policy_assignment(text: str) -> tuple[str, float]:
    """``"breach_notice=24h"`` (the ``--policy`` option) -> ``("breach_notice", 24.0)``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise AvvlintError(
            "config-error", f"invalid --policy {text!r}: expected KIND=DURATION, e.g. breach_notice=24h"
        )
    return _kind_of_key(key), parse_policy_value(value.strip())
