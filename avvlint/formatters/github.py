"""``--format github``: GitHub Actions workflow commands (annotations).

GitHub shows at most 10 annotations of each level per step, so after ten of a
level the rest are counted in one notice pointing at the SARIF upload and the
job summary. Errors come first so the important ones are never the ones cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import message, one_line, relpath, where
from .labels import t

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report
    from . import RenderContext

LIMIT = 10
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, ctx: RenderContext) -> str:
    lines: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    hidden = 0
    items = []
    for doc in report.documents:
        path = relpath(doc.path, ctx.root)
        if doc.error is not None:
            items.append(("error", path, 1, f"avvlint {doc.error.code}", doc.error.message))
            continue
        for f in doc.findings:
            line = f.location.line if f.location else 1
            text = message(f, ctx.language)
            if f.location is not None:
                text += f" [{where(f.location, ctx.language)}] „{one_line(f.location.text, 200)}“"
            if f.recommendation:
                text += f"\n{t(ctx.language, 'ask_vendor')}: {f.recommendation}"
            items.append((COMMAND.get(f.severity, "warning"), path, line, f"{f.rule} {f.requirement}", text))
    order = {"error": 0, "warning": 1, "notice": 2}
    items.sort(key=lambda it: order[it[0]])
    for cmd, path, line, title, text in items:
        if shown[cmd] >= LIMIT:
            hidden += 1
            continue
        shown[cmd] += 1
        props = f"file={escape_property(path)},line={line},title={escape_property(title)}"
        lines.append(f"::{cmd} {props}::{escape_data(text)}")
    if hidden:
        lines.append(
            f"::notice title=avvlint::{hidden} more findings not shown as annotations "
            "(GitHub shows 10 per level); see the job summary or the SARIF upload"
        )
    s = report.summary
    lines.append(
        f"avvlint: {s['errors']} errors, {s['warnings']} warnings, {s['infos']} infos "
        f"in {s['documents']} files ({s['failed']} unreadable)"
    )
    return "\n".join(lines) + "\n"
