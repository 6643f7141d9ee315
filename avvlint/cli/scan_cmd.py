"""``avvlint scan DIR...``: the batch view over many contracts."""

from __future__ import annotations

from typing import Any

import click

from .options import config_options, files_options, run_options
from .run import check_run, guarded


@click.command()
@click.argument("paths", nargs=-1, metavar="DIR...")
@config_options
@files_options
@run_options
def scan(paths: tuple[str, ...], **kw: Any) -> None:
    """Check every contract below DIR (default: .) in parallel.

    Prints a matrix contracts × requirement groups and deadline kinds, then how
    many contracts pass, the most common gaps and the files that could not be
    read. Unreadable files are reported and skipped; the scan goes on.
    """
    guarded(_scan)(paths=paths or (".",), **kw)


def _scan(paths: tuple[str, ...], **kw: Any) -> int:
    return check_run(paths, kw, mode="scan")
