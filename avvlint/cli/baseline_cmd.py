"""``avvlint baseline write FILE PATH...``: record today's findings as accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import config_options, files_options
from .run import guarded


@click.group()
def baseline() -> None:
    """Accepted deviations: write a baseline, then run with --baseline FILE."""


@baseline.command("write")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--reason", default="", help="Why these deviations are accepted (kept per entry).")
@click.option("--expires", metavar="YYYY-MM-DD", help="Date after which the entries stop hiding findings.")
@config_options
@files_options
def write(file: Path, paths: tuple[str, ...], reason: str, expires: str | None, **kw: Any) -> None:
    """Check PATH... and write every finding to FILE (fingerprint, rule, sha256, path)."""
    guarded(_write)(file=file, paths=paths, reason=reason, expires=expires, **kw)


def _write(file: Path, paths: tuple[str, ...], reason: str, expires: str | None, **kw: Any) -> int:
    from .. import baseline as bl
    from .. import scan
    from ..cache import Cache, default_dir, settings_digest
    from ..errors import AvvlintError
    from ..report import DocumentReport, Report
    from .options import load_config

    exp = bl.parse_date(expires, "--expires") if expires else None
    cfg = load_config(kw)
    found = scan.discover(paths, cfg.include, cfg.exclude)
    cache = Cache(None)
    if cfg.cache and not kw.get("no_cache"):
        cache = Cache(Path(cfg.cache_dir) if cfg.cache_dir else default_dir())
    job = scan.Job(cfg.settings, settings_digest(cfg.settings) if cache.enabled else "", cache.root)
    docs = scan.run(found.files, job, cache, cfg.jobs)
    docs += [
        DocumentReport(path=m, error=AvvlintError("not-found", f"{m}: no such file")) for m in found.missing
    ]
    report = Report(documents=docs, policy=cfg.settings.policy.to_dict())
    previous = bl.load(file) if file.exists() else None
    new = bl.build(report, file, reason=reason, expires=exp or None, previous=previous)
    bl.write(new)
    failed = [d for d in docs if d.error is not None]
    for d in failed:
        assert d.error is not None
        click.echo(f"avvlint: {d.error.code}: {d.error.message}", err=True)
    n_docs = len({e.path for e in new.entries})
    click.echo(f"wrote {len(new.entries)} entries for {n_docs} documents to {file}", err=True)
    return 2 if failed else 0
