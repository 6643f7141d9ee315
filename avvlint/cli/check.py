"""``avvlint check PATH...``: the DPO's report on one or more contracts."""

from __future__ import annotations

from typing import Any

import click

from .options import config_options, files_options, run_options
from .run import check_run, guarded


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--stdin-filename", metavar="NAME", help="Name to report for '-' (standard input).")
@config_options
@files_options
@run_options
def check(paths: tuple[str, ...], stdin_filename: str | None, **kw: Any) -> None:
    """Check AVV files (PDF, DOCX, TXT) or folders of them; '-' reads standard input.

    Prints, per contract, the 25 elements of Art. 28 Abs. 3 DSGVO met or missing,
    the findings with the quoted words and what to ask the vendor for, and the
    deadlines against the policy.
    """
    guarded(_check)(paths=paths, stdin_filename=stdin_filename, **kw)


def _check(paths: tuple[str, ...], stdin_filename: str | None, **kw: Any) -> int:
    return check_run(paths, kw, mode="check", stdin_name=stdin_filename)
