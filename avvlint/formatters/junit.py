"""``--format junit``: one testsuite per document, one testcase per requirement.

The 25 catalogue elements and the seven deadline kinds are the testcases; a
testcase fails when the document has a finding for it at or above ``--fail-on``
(lesser findings go to ``system-out``). An unreadable document is one testcase
with an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..catalogue import REQUIREMENTS
from ..policy import DEADLINE_KINDS
from .common import at_or_above, message, relpath, where
from .labels import DEADLINE_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from ..report import DocumentReport, Finding, Report
    from . import RenderContext


def render(report: Report, ctx: RenderContext) -> str:
    root = ET.Element("testsuites", name="avvlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in report.documents:
        suite = _suite(doc, ctx)
        root.append(suite)
        for k in totals:
            totals[k] += int(suite.get(k, "0"))
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(doc: DocumentReport, ctx: RenderContext) -> ET.Element:
    name = relpath(doc.path, ctx.root)
    suite = ET.Element("testsuite", name=name)
    if doc.error is not None:
        case = ET.SubElement(suite, "testcase", classname=name, name="read document")
        err = ET.SubElement(case, "error", message=doc.error.message, type=doc.error.code)
        err.text = f"{doc.error.code}: {doc.error.message}"
        suite.set("tests", "1")
        suite.set("failures", "0")
        suite.set("errors", "1")
        return suite
    by_req: dict[str, list[Finding]] = {}
    for f in doc.findings:
        by_req.setdefault(f.requirement, []).append(f)
    titles = {r.id: r.title_de if ctx.language == "de" else r.title_en for r in REQUIREMENTS}
    titles.update(DEADLINE_NAMES.get(ctx.language, DEADLINE_NAMES["de"]))
    ids = [r.id for r in REQUIREMENTS] + list(DEADLINE_KINDS)
    ids += sorted(set(by_req) - set(ids))  # red flags outside the catalogue
    failures = 0
    for rid in ids:
        case = ET.SubElement(suite, "testcase", classname=name, name=f"{rid} {titles.get(rid, '')}".strip())
        found = by_req.get(rid, [])
        failing = [f for f in found if at_or_above(f.severity, ctx.fail_on)]
        if failing:
            failures += 1
            first = failing[0]
            fail = ET.SubElement(case, "failure", message=message(first, ctx.language), type=first.severity)
            fail.text = "\n\n".join(_describe(f, ctx.language) for f in failing)
        rest = [f for f in found if f not in failing]
        if rest:
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(_describe(f, ctx.language) for f in rest)
    suite.set("tests", str(len(ids)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return suite


def _describe(f: Finding, lang: str) -> str:
    lines = [f"[{f.severity}] {f.rule}: {message(f, lang)}"]
    if f.location is not None:
        lines.append(f"{where(f.location, lang)}: {' '.join(f.location.text.split())}")
    if f.recommendation:
        lines.append(f.recommendation)
    return "\n".join(lines)
