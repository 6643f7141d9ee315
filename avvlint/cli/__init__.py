"""Command line (minimal first version; the full CLI is issue #5)."""

from __future__ import annotations

import json
import sys

import click


@click.group()
@click.version_option(package_name="avvlint")
def main() -> None:
    """avvlint: lint German data-processing agreements (AVV, Art. 28 DSGVO)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def check(paths: tuple[str, ...], fmt: str) -> None:
    """Check AVV files."""
    from ..api import check_paths

    report = check_paths(paths)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for d in report.documents:
            if d.error:
                click.echo(f"{d.path}: error {d.error.code}: {d.error.message}", err=True)
                continue
            for r in d.requirements:
                click.echo(f"{d.path}: {r.id}: {r.status}")
    s = report.summary
    sys.exit(2 if s["failed"] else (1 if s["errors"] else 0))


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def extract(path: str, fmt: str) -> None:
    """Print the text avvlint reads from a file."""
    from ..errors import AvvlintError
    from ..extract import extract_path

    try:
        doc = extract_path(path)
    except AvvlintError as exc:
        click.echo(f"avvlint: {exc.code}: {exc.message}", err=True)
        sys.exit(2)
    if fmt == "text":
        click.echo(doc.text)
        return
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


def _register_eval() -> None:
    from .eval_cmd import eval_cmd

    main.add_command(eval_cmd)


_register_eval()
