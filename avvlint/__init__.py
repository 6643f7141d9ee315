"""avvlint: a clause-level compliance linter for German data-processing agreements.

The public API is small: check a path or bytes and get a typed report.

    >>> import avvlint
    >>> report = avvlint.check_path("vendor-avv.pdf")
    >>> [r.id for r in report.requirements if r.status == "missing"]

Nothing here opens a network connection.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

__all__ = [
    "AvvlintError",
    "DocumentReport",
    "Report",
    "Settings",
    "__version__",
    "check_bytes",
    "check_path",
    "check_paths",
    "extract_bytes",
    "extract_path",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import check_bytes, check_path, check_paths
    from .errors import AvvlintError
    from .extract import extract_bytes, extract_path
    from .report import DocumentReport, Report
    from .settings import Settings

_LAZY = {
    "check_bytes": "api",
    "check_path": "api",
    "check_paths": "api",
    "extract_bytes": "extract",
    "extract_path": "extract",
    "AvvlintError": "errors",
    "DocumentReport": "report",
    "Report": "report",
    "Settings": "settings",
}


def __getattr__(name: str) -> Any:
    # Lazy so that `import avvlint` (and the CLI start-up) stays cheap.
    if name in _LAZY:
        import importlib

        mod = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(mod, name)
    raise AttributeError(name)
