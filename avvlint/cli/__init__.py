"""Command line: ``avvlint check|scan|rules|explain|init|config|baseline|cache|extract``.

The entry point is ``avvlint.cli:main``. Subcommands live in their own modules
and are imported only when used, so ``avvlint check --format json`` on a text
file does not pay for rich, PDF or DOCX libraries.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
