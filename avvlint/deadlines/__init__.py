"""Deadlines: durations in clauses, their kind, and the policy verdict.

- :mod:`.numbers`, :mod:`.durations`: the pure parser (``vierundzwanzig (24) Stunden`` -> 24 h);
- :mod:`.cues`, :mod:`.classify`: which of the seven kinds a duration belongs to;
- :mod:`.finder`: all deadlines of a document, numeric and vague;
- :mod:`.primary`: the one deadline per kind that decides the verdict;
- :mod:`.policy_check`: verdicts, findings and the rules (``DL001``...);
- :mod:`.findings`: the rules' codes, names and texts from ``rules/deadlines/findings.yml``;
- :mod:`.scoring`: accuracy against gold annotations.
"""

from __future__ import annotations

from ..analysis import Analysis
from ..report import Deadline, Finding
from ..settings import Settings
from .durations import Duration, find_durations, parse_duration, to_hours
from .finder import find_deadlines
from .policy_check import deadline_rules, evaluate_deadlines
from .primary import primary_deadlines
from .scoring import compare_deadlines, deadline_accuracy

__all__ = [
    "Duration",
    "check_deadlines",
    "compare_deadlines",
    "deadline_accuracy",
    "deadline_rules",
    "find_deadlines",
    "find_durations",
    "parse_duration",
    "primary_deadlines",
    "to_hours",
]


def check_deadlines(analysis: Analysis, settings: Settings) -> tuple[list[Deadline], list[Finding]]:
    """All deadlines of the document with their verdicts, and the findings they cause."""
    deadlines = find_deadlines(analysis)
    findings = evaluate_deadlines(deadlines, settings, analysis.doc.source)
    return deadlines, findings
