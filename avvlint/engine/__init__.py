"""The declarative rule engine: YAML rules in, requirement results and findings out."""

from __future__ import annotations

from ..analysis import Analysis
from ..catalogue import REQUIREMENTS
from ..report import Finding, RequirementResult
from ..settings import Settings


def evaluate_requirements(
    analysis: Analysis, settings: Settings
) -> tuple[list[RequirementResult], list[Finding]]:
    """Placeholder until the rule engine lands: every element reported missing."""
    results = [RequirementResult(r.id, "missing", title=r.title_de) for r in REQUIREMENTS]
    findings = [
        Finding("AVV000", r.id, "error", f"{r.title_de}: keine Regelung gefunden", None, r.title_de, r.law)
        for r in REQUIREMENTS
    ]
    return results, findings
