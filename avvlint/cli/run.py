"""The shared run of ``check`` and ``scan``: settings, files, checking, outputs, exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import AvvlintError

if TYPE_CHECKING:  # pragma: no cover
    from ..baseline import Outcome
    from ..config import Config
    from ..report import DocumentReport, Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(exc: AvvlintError) -> None:
    """One line on stderr and exit 2: the end of every usage, config or rule error."""
    click.echo(f"avvlint: {exc.code}: {exc.message}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command body; map errors to exit 2 without a traceback."""

    def wrapper(**kw: Any) -> None:
        try:
            code = fn(**kw)
        except AvvlintError as exc:
            fail(exc)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("avvlint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_ERROR)
        except Exception as exc:
            if os.environ.get("AVVLINT_DEBUG"):
                raise
            fail(
                AvvlintError(
                    "internal-error",
                    f"unexpected {type(exc).__name__}: {exc} (set AVVLINT_DEBUG=1 for details)",
                )
            )
        sys.exit(code)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


# ---------------------------------------------------------------- outputs


@dataclass
class Output:
    fmt: str
    path: Path | None  # None = stdout


def parse_outputs(fmt: str, output: Path | None, reports: tuple[str, ...]) -> list[Output]:
    from ..config import FORMATS

    outs = [Output(fmt, output)]
    for spec in reports:
        f, sep, path = spec.partition(":")
        if not sep or f not in FORMATS or not path:
            raise click.BadParameter(
                f"expected FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}, got {spec!r}",
                param_hint="--report",
            )
        outs.append(Output(f, Path(path)))
    return outs


def use_color(flag: bool | None, to_terminal: bool) -> bool:
    """--color/--no-color, else NO_COLOR / FORCE_COLOR (https://no-color.org), else a tty."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def _stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def write_outputs(outputs: list[Output], report: Report, ctx_args: dict[str, Any]) -> None:
    from ..formatters import MACHINE, RenderContext, render

    ctx_args = dict(ctx_args)
    color_flag = ctx_args.pop("color_flag", None)
    for out in outputs:
        to_tty = out.path is None and _stdout_is_tty()
        color = use_color(color_flag, to_tty) if out.fmt not in MACHINE else False
        width = None
        if to_tty:
            import shutil

            width = shutil.get_terminal_size().columns
        ctx = RenderContext(**ctx_args, color=color and out.fmt == "text", width=width, pretty=to_tty)
        text = render(out.fmt, report, ctx)
        if out.path is None:
            # color=True: we decided about ANSI codes already; click must not strip them.
            click.echo(text, nl=False, color=True)
        else:
            from ..cache import atomic_write

            try:
                atomic_write(out.path, text.encode("utf-8"))
            except OSError as exc:
                raise AvvlintError(
                    "unreadable", f"{out.path}: cannot write output ({exc.strerror or exc})"
                ) from None


def github_summary(report: Report, ctx_args: dict[str, Any]) -> None:
    """Append the Markdown report to the Actions job summary when running in GitHub Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from ..formatters import RenderContext, render

    text = render(
        "markdown", report, RenderContext(**{k: v for k, v in ctx_args.items() if k != "color_flag"})
    )
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write("# avvlint\n\n" + text + "\n")
    except OSError:
        pass


# ---------------------------------------------------------------- the run


@dataclass
class RunResult:
    report: Report
    cfg: Config
    baseline: Outcome | None = None
    notes: list[str] = field(default_factory=list)


def resolve_format(kw: dict[str, Any], cfg: Config) -> str:
    if kw.get("fmt"):
        return str(kw["fmt"])
    if cfg.source("format") != "default":
        return cfg.format
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"  # annotations plus the job summary instead of a terminal report
    return cfg.format


def validate_selection(cfg: Config) -> dict[str, Any]:
    """Load the rules (exit 2 on a bad rule file) and reject selectors that name nothing."""
    from ..catalogue import REQUIREMENT_IDS
    from ..config import ConfigError
    from ..policy import DEADLINE_KINDS
    from ..rulesinfo import rule_index
    from ..selection import unknown_selectors

    s = cfg.settings
    rules = rule_index(s)
    known = (*REQUIREMENT_IDS, *DEADLINE_KINDS)
    checks = [
        ("select", s.select),
        ("extend-select", s.extend_select),
        ("ignore", s.ignore),
        ("severity", tuple(s.severity)),
    ]
    for pattern, sels in s.per_file_ignores.items():
        checks.append((f"per-file-ignores.{pattern}", sels))
    for key, sels in checks:
        bad = unknown_selectors(sels, rules.values(), known)
        if bad:
            origin = cfg.source(f"severity.{bad[0]}" if key == "severity" else key)
            raise ConfigError(f"{origin}: unknown rule selector {bad[0]!r} in '{key}'")
    return rules


def needs_rules(cfg: Config, outputs: list[Output]) -> bool:
    s = cfg.settings
    custom = s.select != ("ALL",) or s.extend_select or s.ignore or s.severity or s.per_file_ignores
    return bool(custom) or any(o.fmt == "sarif" for o in outputs)


def check_run(
    paths: tuple[str, ...],
    kw: dict[str, Any],
    mode: str,
    stdin_name: str | None = None,
) -> int:
    from .. import scan
    from ..cache import Cache, default_dir, settings_digest
    from ..report import DocumentReport, Report
    from .options import load_config

    cfg = load_config(kw)
    fmt = resolve_format(kw, cfg)
    outputs = parse_outputs(fmt, kw.get("output"), tuple(kw.get("reports") or ()))
    rules: dict[str, Any] = validate_selection(cfg) if needs_rules(cfg, outputs) else {}
    settings = cfg.settings

    files_args = [p for p in paths if p != "-"]
    found = scan.discover(files_args, cfg.include, cfg.exclude)
    if kw.get("list_files"):
        for f in found.files:
            click.echo(f)
        for m in found.missing:
            click.echo(f"avvlint: not-found: {m}: no such file or directory", err=True)
        return EXIT_ERROR if found.missing else EXIT_OK

    cache = Cache(None)
    if cfg.cache and not kw.get("no_cache"):
        cache = Cache(Path(cfg.cache_dir) if cfg.cache_dir else default_dir())
    job = scan.Job(settings, settings_digest(settings) if cache.enabled else "", cache.root)

    docs: list[DocumentReport] = [
        DocumentReport(path=m, error=AvvlintError("not-found", f"{m}: no such file or directory"))
        for m in found.missing
    ]
    if "-" in paths:
        docs.append(_check_stdin(stdin_name or "-", job, cache))
    quiet = bool(kw.get("quiet"))
    from ..formatters import MACHINE

    show_progress = (
        not quiet
        and not kw.get("no_progress")
        and all(o.fmt not in MACHINE for o in outputs if o.path is None)
        and len(found.files) > 1
        and _stderr_is_tty()
    )
    jobs = cfg.jobs
    if show_progress:
        docs += _run_with_progress(found.files, job, cache, jobs)
    else:
        docs += scan.run(found.files, job, cache, jobs)
    docs.sort(key=lambda d: scan._sort_key(d.path))

    report = Report(documents=docs, policy=settings.policy.to_dict())
    outcome = None
    baseline_path = cfg.baseline
    if baseline_path is not None:
        from .. import baseline as bl

        outcome = bl.apply(report, bl.load(Path(baseline_path)))
    if not rules and any(o.fmt == "sarif" for o in outputs):
        rules = validate_selection(cfg)
    ctx_args: dict[str, Any] = {
        "rules": rules,
        "root": Path.cwd(),
        "mode": mode,
        "fail_on": cfg.fail_on,
        "language": settings.language,
        "baseline": outcome,
        "extra": {"policy": settings.policy, "sarif_category": kw.get("sarif_category")},
    }
    write_outputs(outputs, report, {**ctx_args, "color_flag": kw.get("color")})
    if fmt == "github":
        github_summary(report, ctx_args)
    if outcome is not None and not quiet and fmt not in ("text",):
        for e in outcome.expired:
            click.echo(
                f"avvlint: baseline entry expired on {e.expires}: {e.path} {e.rule} {e.fingerprint}", err=True
            )
        for e in outcome.stale:
            click.echo(
                f"avvlint: stale baseline entry (finding is gone): {e.path} {e.rule} {e.fingerprint}",
                err=True,
            )
    return exit_code(report, cfg.fail_on, bool(kw.get("exit_zero")))


def exit_code(report: Report, fail_on: str, exit_zero: bool) -> int:
    from ..formatters.common import failing

    if any(d.error is not None for d in report.documents):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(failing(d, fail_on) for d in report.documents) else EXIT_OK


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _check_stdin(name: str, job: Any, cache: Any) -> DocumentReport:
    from ..report import DocumentReport
    from ..scan import check_data

    limit = job.settings.limits.max_file_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return DocumentReport(
            path=name, error=AvvlintError("file-too-large", f"{name}: exceeds the size limit")
        )
    if not data:
        return DocumentReport(path=name, error=AvvlintError("empty-file", f"{name}: standard input is empty"))
    return check_data(data, name, job, cache)


def _run_with_progress(files: list[str], job: Any, cache: Any, jobs: int) -> list[DocumentReport]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from .. import scan

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]avvlint"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}", style="dim"),
        console=console,
        transient=True,
        # No refresh thread: workers are forked from this process, which is only
        # safe while it runs a single thread. We refresh as results arrive.
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("", total=len(files))

        def done(rep: DocumentReport) -> None:
            progress.update(task, advance=1, description=os.path.basename(rep.path)[:40], refresh=True)

        return scan.run(files, job, cache, jobs, on_done=done)
