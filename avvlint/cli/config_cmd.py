"""``avvlint init`` and ``avvlint config show``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .options import config_options, files_options
from .run import guarded

INIT_HEADER = """\
# avvlint configuration. avvlint uses the nearest of .avvlint.toml, avvlint.toml or
# pyproject.toml [tool.avvlint] from the current folder upwards; command-line flags win.
# Check what is in force with `avvlint config show`.
"""


def init_template(pyproject: bool = False) -> str:
    """A commented config with every key and every policy threshold at its default."""
    from ..formatters.labels import DEADLINE_NAMES
    from ..policy import DEFAULT_THRESHOLDS

    p = "tool.avvlint." if pyproject else ""
    lines = [INIT_HEADER]
    if pyproject:
        lines.append("[tool.avvlint]")
    lines += [
        "# Rules to report: codes (AVV012), names, groups, catalogue IDs (a28.3.d.objection),",
        '# deadline kinds, prefixes or globs (AVV0*), or "ALL".',
        'select = ["ALL"]',
        "# extend-select = []",
        "# ignore = []",
        "",
        '# Lowest level that makes `avvlint check` exit 1: "error", "warning" or "info".',
        'fail-on = "error"',
        "",
        '# Report language: "de" or "en".',
        'language = "de"',
        "",
        "# Default output format: text, json, jsonl, sarif, junit, github, markdown, csv.",
        '# format = "text"',
        "",
        "# Folders of company rules (YAML), relative to this file.",
        "# rule-paths = []",
        "",
        "# Files to check inside folders, and paths to skip (gitignore syntax; .avvlintignore works too).",
        '# include = ["*.pdf", "*.docx", "*.txt"]',
        '# exclude = ["archiv/"]',
        "",
        "# Largest document to read.",
        '# max-file-size = "50MB"',
        "",
        "# Seconds to spend on one document before it is reported as `timeout` (0 = no limit).",
        "# timeout = 120",
        "",
        "# Parallel workers for `avvlint scan` (0 = all cores).",
        "# jobs = 0",
        "",
        "# Accepted deviations (write one with `avvlint baseline write`).",
        '# baseline = "avvlint-baseline.json"',
        "",
        f"[{p}policy]",
        "# Deadline thresholds. Values: 24h, 14d, 2w, 1m (30 days) or a number of hours.",
    ]
    for kind, th in DEFAULT_THRESHOLDS.items():
        hours = int(th.hours) if float(th.hours).is_integer() else th.hours
        value = (
            f"{hours // 24}d" if isinstance(hours, int) and hours % 24 == 0 and hours >= 48 else f"{hours}h"
        )
        bound = "at most" if th.direction == "max" else "at least"
        lines.append(f"# {DEADLINE_NAMES['de'][kind]} ({bound}; beyond it: {th.severity})")
        lines.append(f'{kind} = "{value}"')
    lines += [
        "",
        f"[{p}severity]",
        '# Change a rule\'s level: error, warning, info or "off".',
        '# AVV012 = "warning"',
        '# "a28.3.h.audits" = "info"',
        "",
        f"[{p}per-file-ignores]",
        "# Rules not reported for matching files (globs relative to this file).",
        '# "lieferanten/acme/*.pdf" = ["a28.3.d.liability"]',
        "",
    ]
    return "\n".join(lines)


@click.command()
@click.option("--pyproject", is_flag=True, help="Append a [tool.avvlint] table to pyproject.toml instead.")
@click.option("--force", is_flag=True, help="Overwrite an existing avvlint.toml.")
@click.option("--path", "target", type=click.Path(dir_okay=False, path_type=Path), help="Where to write.")
def init(pyproject: bool, force: bool, target: Path | None) -> None:
    """Write a commented config with every policy threshold."""
    guarded(_init)(pyproject=pyproject, force=force, target=target)


def _init(pyproject: bool, force: bool, target: Path | None) -> int:
    if pyproject:
        path = target or Path("pyproject.toml")
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        if "[tool.avvlint" in existing:
            raise click.UsageError(f"{path} already has a [tool.avvlint] table")
        sep = "\n" if existing and not existing.endswith("\n\n") else ""
        path.write_text(existing + sep + init_template(pyproject=True), encoding="utf-8")
    else:
        path = target or Path("avvlint.toml")
        if path.exists() and not force:
            raise click.UsageError(f"{path} exists (use --force to overwrite)")
        path.write_text(init_template(), encoding="utf-8")
    click.echo(f"wrote {path}", err=True)
    return 0


@click.group()
def config() -> None:
    """Inspect the configuration in force."""


@config.command("show")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@config_options
@files_options
def show(fmt: str, **kw: Any) -> None:
    """Print every setting in force and where it came from."""
    guarded(_show)(fmt=fmt, **kw)


def _show(fmt: str, **kw: Any) -> int:
    from ..config import describe
    from .options import load_config

    cfg = load_config(kw)
    rows = describe(cfg)
    if fmt == "json":
        out = {
            "files": [str(p) for p in cfg.files],
            "settings": {k: {"value": v, "source": s} for k, v, s in rows},
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    files = ", ".join(str(p) for p in cfg.files) or "none (defaults)"
    click.echo(f"# config files: {files}")
    width = max(len(k) for k, _, _ in rows)
    for key, value, source in rows:
        click.echo(f"{key:<{width}} = {json.dumps(value, ensure_ascii=False):<30} # {source}")
    return 0
