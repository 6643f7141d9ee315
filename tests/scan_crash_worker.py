"""A worker function for the crash test: dies like a segfaulting PDF library would."""

from __future__ import annotations

import os

from avvlint import scan


def crashing_work(path: str):  # type: ignore[no-untyped-def]
    if "absturz" in path:
        os._exit(139)
    assert scan._WORKER is not None
    job, cache = scan._WORKER
    return scan.check_file(path, job, cache)
