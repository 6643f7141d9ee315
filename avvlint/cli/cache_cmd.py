"""``avvlint cache clear|dir|info``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .run import guarded


def _root(cache_dir: Path | None) -> Path:
    from ..cache import default_dir

    if cache_dir is not None:
        return cache_dir
    env = os.environ.get("AVVLINT_CACHE_DIR")
    return Path(env) if env else default_dir()


_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Cache folder."
)


@click.group()
def cache() -> None:
    """The cache of extracted documents and reports."""


@cache.command("clear")
@_dir_option
def clear(cache_dir: Path | None) -> None:
    """Delete avvlint's cache entries."""
    guarded(_clear)(cache_dir=cache_dir)


def _clear(cache_dir: Path | None) -> int:
    from ..cache import Cache

    root = _root(cache_dir)
    n = Cache(root).clear()
    click.echo(f"removed {n} cache entries from {root}", err=True)
    return 0


@cache.command("dir")
@_dir_option
def show_dir(cache_dir: Path | None) -> None:
    """Print the cache folder."""
    click.echo(str(_root(cache_dir)))


@cache.command("info")
@_dir_option
def info(cache_dir: Path | None) -> None:
    """Print the cache folder, number of entries and size."""
    from ..cache import Cache

    root = _root(cache_dir)
    files, size = Cache(root).size()
    click.echo(f"{root}: {files} entries, {size / 1e6:.1f} MB")
