"""``avvlint eval DIR``: score the checker against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("eval")
@click.argument(
    "dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-under", type=float, default=None, help="Exit 1 if violation F1 is below this floor.")
@click.option("--deadline-floor", type=float, default=None, help="Exit 1 if deadline accuracy is below this.")
@click.option("--show-misses/--no-show-misses", default=False, help="List every disagreement with the gold.")
def eval_cmd(
    dirs: tuple[Path, ...],
    fmt: str,
    fail_under: float | None,
    deadline_floor: float | None,
    show_misses: bool,
) -> None:
    """Score avvlint against gold-annotated AVVs (violation P/R/F1, deadlines, evidence)."""
    from ..errors import AvvlintError
    from ..evaluation import evaluate_dir

    results = {}
    try:
        for d in dirs:
            results[str(d)] = evaluate_dir(d)
    except AvvlintError as exc:
        click.echo(f"avvlint: {exc.code}: {exc.message}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps({k: v.to_dict() for k, v in results.items()}, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        from ..formatters.eval_text import render

        console = Console()
        for d, res in results.items():
            render(res, console, show_misses=show_misses, label=f"({d})")
    failed = False
    for d, res in results.items():
        if res.failed:
            failed = True
        if fail_under is not None and res.f1 < fail_under:
            click.echo(f"avvlint eval: {d}: violation F1 {res.f1:.3f} is below {fail_under}", err=True)
            sys.exit(1)
        if deadline_floor is not None and res.deadline_accuracy < deadline_floor:
            click.echo(
                f"avvlint eval: {d}: deadline accuracy {res.deadline_accuracy:.3f} is below {deadline_floor}",
                err=True,
            )
            sys.exit(1)
    if failed:
        sys.exit(2)
