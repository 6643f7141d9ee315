"""Rule metadata as loaded from YAML (the matcher tree is compiled separately)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One declarative rule.

    ``code`` is stable (``AVV012``); ``name`` kebab-case; ``requirement`` the catalogue
    ID (or a new red-flag ID) the rule decides.
    """

    code: str
    name: str
    requirement: str
    severity: str  # "error" | "warning" | "info"
    legal_basis: str
    message_de: str
    message_en: str
    rationale: str
    recommendation: str
    type: str = "existence"
    groups: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    link: str = ""
    # catalogue IDs that must be met for this rule to count as met (copies of what is
    # deleted at the end presuppose the deletion duty)
    requires: tuple[str, ...] = ()
    source: Path | None = None
    line: int | None = None
    spec: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def title(self) -> str:
        return self.message_de
