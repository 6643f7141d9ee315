"""Options shared by ``check``, ``scan``, ``baseline write`` and ``config show``.

Every config key has a flag here. Flags become one ``config.Layer`` labelled
"command line", which ``config.resolve`` puts above the config files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..config import FAIL_ON, FORMATS, LANGUAGES

F = TypeVar("F", bound=Callable[..., Any])


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(fn: F) -> F:
        for d in reversed(decorators):
            fn = d(fn)
        return fn

    return apply


config_options = _stack(
    click.option(
        "--config",
        "config_args",
        multiple=True,
        metavar="PATH|KEY=VALUE",
        help="Config file to use instead of discovery, or a TOML override such as 'fail-on=\"warning\"'.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore all config files."),
    click.option(
        "--select", multiple=True, metavar="SEL", help="Rules to report (code, name, group, ID, glob, ALL)."
    ),
    click.option("--extend-select", multiple=True, metavar="SEL", help="Rules to add to the selection."),
    click.option("--ignore", multiple=True, metavar="SEL", help="Rules not to report."),
    click.option(
        "--severity", multiple=True, metavar="SEL=LEVEL", help="Change a level: AVV012=warning, or off."
    ),
    click.option("--policy", multiple=True, metavar="KIND=VALUE", help="Deadline policy: breach_notice=24h."),
    click.option(
        "--per-file-ignores",
        "per_file",
        multiple=True,
        metavar="GLOB=SEL,...",
        help="Ignore rules for files.",
    ),
    click.option(
        "--rule-path", multiple=True, metavar="DIR", help="Extra folder of YAML rules (company rules)."
    ),
    click.option("--max-file-size", metavar="SIZE", help="Largest file to read, e.g. 50MB."),
    click.option(
        "--timeout", type=float, metavar="SECONDS", help="Time limit per document (default 120, 0 = none)."
    ),
    click.option(
        "--fail-on", type=click.Choice(FAIL_ON), help="Lowest level that fails the run (default: error)."
    ),
    click.option("--lang", "language", type=click.Choice(LANGUAGES), help="Report language (default: de)."),
)

run_options = _stack(
    click.option(
        "-f", "--format", "fmt", type=click.Choice(list(FORMATS)), help="Output format (default: text)."
    ),
    click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the output to FILE."
    ),
    click.option(
        "--report",
        "reports",
        multiple=True,
        metavar="FORMAT:FILE",
        help="Also write FORMAT to FILE (repeatable), e.g. --report sarif:avvlint.sarif.",
    ),
    click.option(
        "--exit-zero", is_flag=True, help="Exit 0 even with findings (unreadable files still exit 2)."
    ),
    click.option("--no-progress", is_flag=True, help="No progress bar."),
    click.option("-q", "--quiet", is_flag=True, help="Only results: no progress bar, no notes on stderr."),
    click.option(
        "--color/--no-color", default=None, help="Force colour on or off (default: NO_COLOR/FORCE_COLOR/tty)."
    ),
    click.option("--list-files", is_flag=True, help="Print the files that would be checked, then exit."),
    click.option("--sarif-category", metavar="NAME", help="automationDetails.id category for SARIF uploads."),
)


files_options = _stack(
    click.option(
        "--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Hide accepted deviations."
    ),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Cache folder."),
    click.option("-j", "--jobs", type=click.IntRange(min=0), help="Worker processes (0 = all cores)."),
    click.option(
        "--include", multiple=True, metavar="GLOB", help="File names to check in folders (*.pdf ...)."
    ),
    click.option(
        "--exclude", multiple=True, metavar="GLOB", help="Paths to skip in folders (gitignore syntax)."
    ),
)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _pairs(values: tuple[str, ...], flag: str, sep: str = "=") -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        key, found, value = item.partition(sep)
        if not found or not key.strip() or not value.strip():
            raise click.BadParameter(f"expected KEY{sep}VALUE, got {item!r}", param_hint=flag)
        out[key.strip()] = value.strip()
    return out


def cli_raw(kw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Config-shaped raw values from flags, and the flags used (for provenance)."""
    raw: dict[str, Any] = {}
    for key, flag in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore")):
        if kw.get(flag):
            raw[key] = _split(kw[flag])
    if kw.get("severity"):
        raw["severity"] = _pairs(kw["severity"], "--severity")
    if kw.get("policy"):
        raw["policy"] = _pairs(kw["policy"], "--policy")
    if kw.get("per_file"):
        raw["per-file-ignores"] = {
            k: _split((v,)) for k, v in _pairs(kw["per_file"], "--per-file-ignores").items()
        }
    if kw.get("rule_path"):
        raw["rule-paths"] = list(kw["rule_path"])
    scalar = {
        "max_file_size": "max-file-size",
        "timeout": "timeout",
        "fail_on": "fail-on",
        "language": "language",
        "fmt": "format",
        "jobs": "jobs",
        "cache_dir": "cache-dir",
        "baseline": "baseline",
    }
    for flag, key in scalar.items():
        value = kw.get(flag)
        if value is not None:
            raw[key] = str(value) if isinstance(value, Path) else value
    if kw.get("include"):
        raw["include"] = list(kw["include"])
    if kw.get("exclude"):
        raw["exclude"] = list(kw["exclude"])
    if kw.get("no_cache"):
        raw["cache"] = False
    return raw, sorted(raw)


def load_config(kw: dict[str, Any]):  # type: ignore[no-untyped-def]
    """Resolve the ``Config`` in force for a command's keyword arguments."""
    from ..config import resolve, validate

    raw, _ = cli_raw(kw)
    cli = validate(raw, "command line", Path.cwd())
    return resolve(cli=cli, config_args=tuple(kw.get("config_args") or ()), isolated=bool(kw.get("isolated")))
