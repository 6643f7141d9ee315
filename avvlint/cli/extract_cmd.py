"""``avvlint extract FILE``: the text (and structure) avvlint reads from a document."""

from __future__ import annotations

import json
from typing import Any

import click

from .run import guarded


@click.command()
@click.argument("path")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def extract(path: str, fmt: str) -> None:
    """Print the text avvlint reads from a file (json: with blocks and sections)."""
    guarded(_extract)(path=path, fmt=fmt)


def _extract(path: str, fmt: str) -> int:
    from ..extract import extract_path

    doc = extract_path(path)
    if fmt == "text":
        click.echo(doc.text)
        return 0
    to_dict = getattr(doc, "to_dict", None)
    out: dict[str, Any]
    if callable(to_dict):
        out = to_dict()
    else:
        out = {
            "path": doc.source,
            "format": doc.format,
            "pages": doc.page_count,
            "blocks": [{"kind": b.kind, **doc.locate(b.start, b.end).to_dict()} for b in doc.blocks],
            "sections": [
                {"label": s.label, "title": s.title, "level": s.level, "start": s.start, "end": s.end}
                for s in doc.sections
            ],
        }
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
