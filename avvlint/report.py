"""The typed report: what ``check`` returns and what every formatter renders.

``to_dict`` produces the JSON contract of ``spec/report.md`` exactly (fields may
be added, never renamed or dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from . import __version__
from .document import Location
from .errors import AvvlintError

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class RequirementResult:
    id: str
    status: Literal["met", "missing"]
    evidence: list[Location] = field(default_factory=list)
    rule: str | None = None  # code of the rule that decided it
    title: str = ""
    negated: list[Location] = field(default_factory=list)  # duty present but excluded

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.rule:
            out["rule"] = self.rule
        if self.title:
            out["title"] = self.title
        if self.negated:
            out["negated"] = [e.to_dict() for e in self.negated]
        return out


@dataclass(slots=True)
class Deadline:
    kind: str
    value: float | None
    unit: str | None
    hours: float | None
    vague: bool = False
    hedged: bool = False
    evidence: Location | None = None
    written: str = ""  # the value as written, e.g. "vierundzwanzig (24) Stunden"
    lower_hours: float | None = None  # lower bound of a range
    qualifiers: list[str] = field(default_factory=list)  # hedge/vague words found
    verdict: str | None = None  # "ok" | "exceeds" | "below" | "vague" | "hedged"
    policy_hours: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": _num(self.value),
            "unit": self.unit,
            "hours": _num(self.hours),
            "vague": self.vague,
            "hedged": self.hedged,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "written": self.written,
            "lower_hours": _num(self.lower_hours),
            "qualifiers": list(self.qualifiers),
            "verdict": self.verdict,
            "policy_hours": _num(self.policy_hours),
        }


@dataclass(slots=True)
class Finding:
    rule: str
    requirement: str
    severity: Severity
    message: str
    location: Location | None = None
    title: str = ""
    legal_basis: str = ""
    recommendation: str = ""
    message_en: str = ""
    fingerprint: str = ""
    suppressed: str | None = None  # reason, when a baseline accepted it

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "requirement": self.requirement,
            "severity": self.severity,
            "message": self.message,
            "location": self.location.to_dict() if self.location else None,
        }
        if self.title:
            out["title"] = self.title
        if self.legal_basis:
            out["legal_basis"] = self.legal_basis
        if self.recommendation:
            out["recommendation"] = self.recommendation
        if self.message_en:
            out["message_en"] = self.message_en
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        return out


@dataclass(slots=True)
class DocumentReport:
    path: str
    sha256: str = ""
    format: str | None = None
    language: str = "de"
    error: AvvlintError | None = None
    requirements: list[RequirementResult] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    pages: int | None = None
    suppressed: list[Finding] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def requirement(self, rid: str) -> RequirementResult | None:
        return next((r for r in self.requirements if r.id == rid), None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "language": self.language,
            "error": self.error.to_dict() if self.error else None,
            "requirements": [r.to_dict() for r in self.requirements],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.pages is not None:
            out["pages"] = self.pages
        return out


@dataclass(slots=True)
class Report:
    documents: list[DocumentReport]
    policy: dict[str, float] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "errors": sum(d.count("error") for d in self.documents),
            "warnings": sum(d.count("warning") for d in self.documents),
            "infos": sum(d.count("info") for d in self.documents),
            "failed": sum(1 for d in self.documents if d.failed),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "tool": {"name": "avvlint", "version": __version__},
            "policy": dict(self.policy),
            "documents": [d.to_dict() for d in self.documents],
            "summary": self.summary,
        }


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v
