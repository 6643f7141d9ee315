"""``--format csv``: the batch matrix, one row per document.

Columns: path, format, sha256, result, error code, counts, then one column per
catalogue element (``met``/``missing``) and two per deadline kind (hours of the
deciding deadline and its verdict). Spreadsheet-friendly: UTF-8, comma, quoted
as needed.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..catalogue import REQUIREMENT_IDS
from ..policy import DEADLINE_KINDS
from .common import passes, primary_deadlines, relpath

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report
    from . import RenderContext


def header() -> list[str]:
    cols = ["path", "format", "sha256", "result", "error", "errors", "warnings", "infos", "missing"]
    cols += list(REQUIREMENT_IDS)
    for kind in DEADLINE_KINDS:
        cols += [f"{kind}_hours", f"{kind}_verdict"]
    return cols


def render(report: Report, ctx: RenderContext) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header())
    for doc in report.documents:
        path = relpath(doc.path, ctx.root)
        if doc.error is not None:
            blanks = [""] * (len(REQUIREMENT_IDS) + 2 * len(DEADLINE_KINDS))
            w.writerow([path, doc.format or "", doc.sha256, "error", doc.error.code, "", "", "", "", *blanks])
            continue
        status = {r.id: r.status for r in doc.requirements}
        row = [
            path,
            doc.format or "",
            doc.sha256,
            "pass" if passes(doc, ctx.fail_on) else "fail",
            "",
            doc.count("error"),
            doc.count("warning"),
            doc.count("info"),
            sum(1 for r in doc.requirements if r.status == "missing"),
        ]
        row += [status.get(rid, "") for rid in REQUIREMENT_IDS]
        primary = primary_deadlines(doc.deadlines)
        for kind in DEADLINE_KINDS:
            d = primary.get(kind)
            hours = (
                ""
                if d is None or d.hours is None
                else (int(d.hours) if float(d.hours).is_integer() else d.hours)
            )
            row += [hours, (d.verdict or ("vague" if d.vague else "")) if d else ""]
        w.writerow(row)
    return buf.getvalue()
