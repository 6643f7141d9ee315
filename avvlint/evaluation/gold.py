"""Gold annotation files (format: shared/gold/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import AvvlintError


@dataclass
class GoldDocument:
    gold_path: Path
    document: Path
    elements: dict[str, dict[str, Any]] = field(default_factory=dict)
    deadlines: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.document.name


def _find_document(root: Path, name: str) -> Path | None:
    for cand in (root / "docs" / name, root / name, root / "seeds" / name, root.parent / "docs" / name):
        if cand.is_file():
            return cand
    return None


def load_gold_dir(root: Path) -> list[GoldDocument]:
    """Every gold file under ``root/gold`` (or ``root`` itself) with its document."""
    gold_dir = root / "gold" if (root / "gold").is_dir() else root
    out: list[GoldDocument] = []
    for gp in sorted(gold_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(gp.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise AvvlintError("config-error", f"{gp}: unreadable gold file ({exc})") from None
        if not isinstance(data, dict) or "document" not in data:
            continue
        doc = _find_document(root, str(data["document"]))
        if doc is None:
            raise AvvlintError("not-found", f"{gp}: document {data['document']!r} not found under {root}")
        out.append(
            GoldDocument(
                gold_path=gp,
                document=doc,
                elements={k: (v or {}) for k, v in (data.get("elements") or {}).items()},
                deadlines=dict(data.get("deadlines") or {}),
            )
        )
    return out
