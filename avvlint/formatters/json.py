"""``--format json``: the report contract of ``spec/report.md`` (plus additive fields)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..report import DocumentReport, Report
    from . import RenderContext


def document_dict(doc: DocumentReport) -> dict[str, Any]:
    out = doc.to_dict()
    if doc.suppressed:
        out["suppressed"] = [{**f.to_dict(), "reason": f.suppressed} for f in doc.suppressed]
    return out


def report_dict(report: Report, ctx: RenderContext) -> dict[str, Any]:
    out = report.to_dict()
    out["documents"] = [document_dict(d) for d in report.documents]
    out["summary"]["fail_on"] = ctx.fail_on
    if ctx.baseline is not None:
        out["baseline"] = ctx.baseline.to_dict()
    return out


def render(report: Report, ctx: RenderContext) -> str:
    if ctx.pretty:
        return json.dumps(report_dict(report, ctx), ensure_ascii=False, indent=2) + "\n"
    return json.dumps(report_dict(report, ctx), ensure_ascii=False, separators=(",", ":")) + "\n"
