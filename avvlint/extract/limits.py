"""Resource limits for untrusted documents."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds that keep a hostile file from exhausting memory or time."""

    max_file_bytes: int = 50 * 1024 * 1024
    # DOCX: total uncompressed size and compression ratio of the zip members.
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_members: int = 5000
    max_pages: int = 2000
    # Wall-clock seconds for checking one document in a batch (0 = no limit): a
    # pathological file is reported as "timeout" and the scan goes on.
    max_seconds: float = 120.0
