"""The public checking API shared by the CLI, the batch scan and other programs.

extract -> normalise -> structure -> match rules -> evaluate policy -> report.
No click, rich or formatter is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .analysis import Analysis
from .document import Document
from .errors import AvvlintError
from .extract import extract_bytes, extract_path
from .report import DocumentReport, Report
from .settings import Settings


def check_document(doc: Document, settings: Settings | None = None) -> DocumentReport:
    """Check an already extracted document."""
    from .deadlines import check_deadlines
    from .engine import evaluate_requirements

    settings = settings or Settings()
    analysis = Analysis(doc)
    requirements, findings = evaluate_requirements(analysis, settings)
    deadlines, deadline_findings = check_deadlines(analysis, settings)
    findings = findings + deadline_findings
    findings.sort(key=lambda f: (f.location.start if f.location else -1, f.rule))
    report = DocumentReport(
        path=doc.source,
        sha256=doc.sha256,
        format=doc.format,
        language=doc.language,
        requirements=requirements,
        deadlines=deadlines,
        findings=findings,
        pages=doc.page_count,
    )
    return finish_report(report, settings)


def finish_report(report: DocumentReport, settings: Settings) -> DocumentReport:
    """Fingerprint the findings, then apply selection, severity overrides and per-file ignores."""
    from .fingerprint import assign_fingerprints
    from .rulesinfo import rule_index
    from .selection import apply_selection

    assign_fingerprints(report.findings)
    return apply_selection(report, settings, rule_index(settings))


def check_bytes(data: bytes, name: str = "<bytes>", settings: Settings | None = None) -> DocumentReport:
    """Check a document given as bytes; errors come back in ``report.error``."""
    settings = settings or Settings()
    import hashlib

    try:
        doc = extract_bytes(data, name, settings.limits)
        return check_document(doc, settings)
    except Exception as exc:  # a hostile file must never crash a batch
        return DocumentReport(path=name, sha256=hashlib.sha256(data).hexdigest(), error=_as_error(exc, name))


def check_path(path: str | os.PathLike[str], settings: Settings | None = None) -> DocumentReport:
    """Check one file; errors come back in ``report.error``, never as exceptions."""
    settings = settings or Settings()
    try:
        doc = extract_path(path, settings.limits)
        return check_document(doc, settings)
    except Exception as exc:  # a hostile file must never crash a batch
        return DocumentReport(path=str(path), error=_as_error(exc, str(path)))


def check_paths(paths: Iterable[str | os.PathLike[str]], settings: Settings | None = None) -> Report:
    settings = settings or Settings()
    docs = [check_path(p, settings) for p in paths]
    return Report(documents=docs, policy=settings.policy.to_dict())


def _as_error(exc: Exception, name: str) -> AvvlintError:
    if isinstance(exc, AvvlintError):
        return exc
    if isinstance(exc, MemoryError):
        return AvvlintError("internal-error", f"{name}: out of memory while reading the document")
    if isinstance(exc, RecursionError):
        return AvvlintError("internal-error", f"{name}: document structure nested too deeply")
    return AvvlintError("internal-error", f"{name}: unexpected {type(exc).__name__}: {exc}")
