"""Output formats. Each module renders a ``Report`` to a string with ``render(report, ctx)``.

Modules are imported on demand, so ``--format json`` never imports rich.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..baseline import Outcome
    from ..engine.model import Rule
    from ..report import Report

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "csv": "csv",
}
# Formats read by programs: no progress bar, never ANSI codes.
MACHINE = frozenset({"json", "jsonl", "sarif", "junit", "github", "csv"})


@dataclass
class RenderContext:
    """What a formatter needs besides the report."""

    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    root: Path = field(default_factory=Path.cwd)  # paths are shown relative to this
    mode: str = "check"  # "check" (one report per contract) or "scan" (the batch matrix)
    fail_on: str = "error"
    language: str = "de"
    color: bool = False
    width: int | None = None
    baseline: Outcome | None = None
    # Indented JSON for people; compact JSON (several times faster to write) for
    # programs. The CLI indents only when writing to a terminal.
    pretty: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def render(fmt: str, report: Report, ctx: RenderContext) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return module.render(report, ctx)
