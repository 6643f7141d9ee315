"""Adapter between the CLI and the rule/deadline packages.

The CLI needs rule metadata (for ``rules``, ``explain``, selection by name or
group, SARIF rule descriptors) and the policy-value parser. Those belong to the
engine and deadline packages; this module calls them when present and keeps a
minimal fallback so the CLI works while they are being built. Keep it small.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .engine.model import Rule
    from .report import Deadline
    from .settings import Settings


def all_rules(settings: Settings) -> list[Rule]:
    """Every rule in force: engine rules plus deadline rules. Raises ``RuleError``."""
    from . import engine

    if hasattr(engine, "all_rules"):
        return list(engine.all_rules(settings))
    rules: list[Rule] = []
    if hasattr(engine, "load_rule_pack"):
        rules.extend(engine.load_rule_pack(settings).rules)
    else:
        rules.append(_placeholder_rule())
    rules.extend(_deadline_rules())
    return rules


_INDEX: dict[tuple[str, ...], dict[str, Rule]] = {}


def rule_index(settings: Settings) -> dict[str, Rule]:
    """Rules by code, for selection and formatters (loaded once per rule-path set)."""
    key = tuple(str(p) for p in settings.rule_paths)
    if key not in _INDEX:
        _INDEX[key] = {r.code: r for r in all_rules(settings)}
    return _INDEX[key]


def _deadline_rules() -> list[Rule]:
    from . import deadlines

    fn = getattr(deadlines, "deadline_rules", None)
    return list(fn()) if fn else []


def _placeholder_rule() -> Rule:
    # The engine placeholder reports every element missing under code AVV000.
    from .engine.model import Rule

    return Rule(
        code="AVV000",
        name="requirement-missing",
        requirement="*",
        severity="error",
        legal_basis="Art. 28 Abs. 3 DSGVO",
        message_de="Pflichtinhalt nach Art. 28 Abs. 3 DSGVO nicht gefunden",
        message_en="Required Art. 28(3) GDPR content not found",
        rationale="Art. 28 Abs. 3 DSGVO zählt auf, was ein AVV regeln muss.",
        recommendation="Den fehlenden Pflichtinhalt vom Anbieter ergänzen lassen.",
        groups=("art28-3",),
    )


_DURATION = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*(h|std|stunden?|hours?|d|t|tage?|days?|w|wochen?|weeks?|m|monate?|months?|"
    r"y|j|jahre?|years?)?\s*$",
    re.IGNORECASE,
)
_UNIT_HOURS = {"h": 1, "d": 24, "t": 24, "w": 168, "m": 720, "y": 8760, "j": 8760, "s": 1}


def parse_policy_value(value: str | int | float) -> float:
    """Hours from ``"24h"``, ``"14d"``, ``"2w"``, ``"1m"``, ``48``; raises ``ValueError``."""
    from . import policy

    fn = getattr(policy, "parse_policy_value", None)
    if fn is not None:
        from .errors import AvvlintError

        try:
            return float(fn(value))
        except AvvlintError as exc:  # the config layer names the key; it expects ValueError
            raise ValueError(exc.message) from None
    if isinstance(value, bool):
        raise ValueError(f"expected a duration, got {value!r}")
    if isinstance(value, int | float):
        hours = float(value)
    else:
        m = _DURATION.match(value)
        if not m:
            raise ValueError(f"expected a duration like 24h, 14d, 2w or 1m, got {value!r}")
        unit = (m.group(2) or "h").lower()
        hours = float(m.group(1).replace(",", ".")) * _UNIT_HOURS[unit[0]]
    if hours < 0:
        raise ValueError(f"a duration cannot be negative: {value!r}")
    return hours


_VERDICT_RANK = {"exceeds": 4, "below": 4, "vague": 3, "hedged": 2, "ok": 1}


def primary_deadlines(deadlines: list[Deadline]) -> dict[str, Deadline]:
    """The deadline that decides each kind: the deadline package's choice, else the worst."""
    from . import deadlines as pkg

    fn = getattr(pkg, "primary_deadlines", None)
    if fn is not None:
        return dict(fn(deadlines))
    out: dict[str, Deadline] = {}
    for d in deadlines:
        cur = out.get(d.kind)
        if cur is None or _VERDICT_RANK.get(d.verdict or "", 0) > _VERDICT_RANK.get(cur.verdict or "", 0):
            out[d.kind] = d
    return out
