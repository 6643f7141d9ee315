"""Deadlines: durations in clauses, their kind, and the policy verdict."""

from __future__ import annotations

from ..analysis import Analysis
from ..report import Deadline, Finding
from ..settings import Settings


def check_deadlines(analysis: Analysis, settings: Settings) -> tuple[list[Deadline], list[Finding]]:
    """Placeholder until the deadline finder lands."""
    return [], []
