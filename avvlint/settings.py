"""Settings in force for a run: what the core needs, independent of where it came from.

The CLI builds ``Settings`` from config files and flags; library users build it
directly. The core never reads config files itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract.limits import Limits
from .policy import Policy


@dataclass(frozen=True)
class Settings:
    policy: Policy = field(default_factory=Policy)
    # Rule selection (ruff style): codes, names, groups, catalogue IDs, globs, "ALL".
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # rule code or catalogue ID -> "error" | "warning" | "info" | "off"
    severity: dict[str, str] = field(default_factory=dict)
    rule_paths: tuple[Path, ...] = ()
    limits: Limits = field(default_factory=Limits)
    # glob -> rule selectors ignored for matching paths
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "de"
