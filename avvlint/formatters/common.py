"""Small helpers shared by the formatters (no rich, no I/O)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..report import SEVERITY_RANK

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Location
    from ..report import Deadline, DocumentReport, Finding


def relpath(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form when it lies below it, else as given."""
    if path in ("-", "<stdin>") or path.startswith("<"):
        return path
    p = Path(path)
    absolute = p if p.is_absolute() else Path.cwd() / p
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:
        return p.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else absolute.as_posix()


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(threshold, 2)


def failing(doc: DocumentReport, fail_on: str) -> list[Finding]:
    return [f for f in doc.findings if at_or_above(f.severity, fail_on)]


def passes(doc: DocumentReport, fail_on: str) -> bool:
    return doc.error is None and not failing(doc, fail_on)


def where(loc: Location | None, lang: str = "de") -> str:
    """``§ 7 Abs. 2 · Seite 3 · Zeile 57`` (or English)."""
    if loc is None:
        return ""
    parts: list[str] = []
    if loc.section:
        parts.append(loc.section)
    if loc.page:
        parts.append(f"{'Seite' if lang == 'de' else 'page'} {loc.page}")
    parts.append(f"{'Zeile' if lang == 'de' else 'line'} {loc.line}")
    return " · ".join(parts)


def one_line(text: str, limit: int = 300) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def message(f: Finding, lang: str) -> str:
    return f.message_en if lang == "en" and f.message_en else f.message


def primary_deadlines(deadlines: Iterable[Deadline]) -> dict[str, Deadline]:
    """The deadline that decides each kind's verdict (the worst one found)."""
    from ..rulesinfo import primary_deadlines as adapter

    return adapter(list(deadlines))


def fmt_hours(hours: float | None, lang: str = "de") -> str:
    if hours is None:
        return "—"
    h = int(hours) if float(hours).is_integer() else round(hours, 1)
    if isinstance(h, int) and h >= 48 and h % 24 == 0:
        days = h // 24
        return f"{days} {'Tage' if lang == 'de' else 'days'}"
    return f"{h} h"


def fmt_policy(hours: float | None, direction: str | None, lang: str = "de") -> str:
    if hours is None:
        return "—"
    op = "≤" if direction != "min" else "≥"
    return f"{op} {fmt_hours(hours, lang)}"
