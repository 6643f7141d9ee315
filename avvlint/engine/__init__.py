"""The declarative rule engine: YAML rules in, requirement results and findings out.

Public entry points: ``load_rule_pack`` (built-in plus company rules),
``all_rules`` (every rule that can produce a finding, deadline rules included)
and ``evaluate_requirements`` (what ``avvlint.api`` calls per document).
"""

from __future__ import annotations

from ..analysis import Analysis
from ..report import Finding, RequirementResult
from ..settings import Settings
from .model import Rule
from .pack import RulePack, builtin_rules_dir
from .pack import load_rule_pack as _load_pack

__all__ = ["Rule", "RulePack", "all_rules", "builtin_rules_dir", "evaluate_requirements", "load_rule_pack"]


def load_rule_pack(settings: Settings | None = None) -> RulePack:
    """The rule pack for ``settings`` (built-in rules plus ``settings.rule_paths``)."""
    settings = settings or Settings()
    return _load_pack(tuple(settings.rule_paths))


def all_rules(settings: Settings | None = None) -> list[Rule]:
    """Engine rules and deadline rules, for listing, ``explain`` and SARIF."""
    rules = list(load_rule_pack(settings).rules)
    try:
        from ..deadlines import deadline_rules
    except ImportError:  # deadline rules not available in this build
        return rules
    return rules + list(deadline_rules())


def evaluate_requirements(
    analysis: Analysis, settings: Settings
) -> tuple[list[RequirementResult], list[Finding]]:
    from .evaluate import evaluate

    return evaluate(load_rule_pack(settings), analysis)
