"""``--format jsonl``: one document object per line, for big batches and streaming tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import __version__
from .json import document_dict

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report
    from . import RenderContext


def render(report: Report, ctx: RenderContext) -> str:
    lines = []
    for doc in report.documents:
        obj = {"tool": {"name": "avvlint", "version": __version__}, **document_dict(doc)}
        lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    return "".join(line + "\n" for line in lines)
