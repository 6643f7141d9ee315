"""Accepted deviations: a baseline of known findings that should not fail a run.

A DPO often signs with a known gap accepted. ``avvlint baseline write FILE``
records every current finding (fingerprint, rule, document sha256 and path, and
an optional ``reason`` and ``expires`` date); ``--baseline FILE`` hides those and
fails only on new ones. An expired entry stops hiding its finding; an entry whose
finding is gone (the vendor fixed the clause) is *stale*. Both are reported.

Paths are stored relative to the baseline file, so the same baseline works from
any working directory. Fingerprints ignore line numbers, so an edit elsewhere in
a contract does not un-hide an accepted finding.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .errors import ConfigError
from .report import Finding, Report

FORMAT_VERSION = 1


@dataclass
class Entry:
    fingerprint: str
    rule: str
    requirement: str
    path: str  # posix, relative to the baseline file's folder
    sha256: str = ""
    message: str = ""
    reason: str = ""
    expires: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and today > self.expires

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "requirement": self.requirement,
            "path": self.path,
            "sha256": self.sha256,
            "message": self.message,
            "reason": self.reason,
            "expires": self.expires.isoformat() if self.expires else None,
        }


@dataclass
class Baseline:
    path: Path
    entries: list[Entry] = field(default_factory=list)

    @property
    def base(self) -> Path:
        return self.path.resolve().parent

    def rel(self, doc_path: str) -> str:
        """A document path as stored in this baseline."""
        return _rel(doc_path, self.base)


@dataclass
class Outcome:
    """What applying a baseline did, for the summary and machine reports."""

    suppressed: int = 0
    expired: list[Entry] = field(default_factory=list)
    stale: list[Entry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suppressed": self.suppressed,
            "expired": [e.to_dict() for e in self.expired],
            "stale": [e.to_dict() for e in self.stale],
        }


def _rel(doc_path: str, base: Path) -> str:
    p = Path(doc_path)
    absolute = p if p.is_absolute() else Path.cwd() / p
    try:
        return Path(os.path.relpath(absolute.resolve(), base)).as_posix()
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: 'expires' must be a date like 2026-12-31, got {value!r}") from None


def load(path: Path) -> Baseline:
    """Read and validate a baseline file; ``ConfigError`` names the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline file not found (create it with `avvlint baseline write`)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read baseline ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: baseline is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: not an avvlint baseline (no 'entries' list)")
    if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ConfigError(f"{path}: baseline format version {data.get('version')!r} is not supported")
    entries: list[Entry] = []
    for i, raw in enumerate(data["entries"]):
        where = f"{path}: entries[{i}]"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: must be an object")
        for key in ("fingerprint", "rule", "path"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise ConfigError(f"{where}: missing '{key}'")
        entries.append(
            Entry(
                fingerprint=raw["fingerprint"],
                rule=raw["rule"],
                requirement=str(raw.get("requirement", "")),
                path=raw["path"],
                sha256=str(raw.get("sha256", "")),
                message=str(raw.get("message", "")),
                reason=str(raw.get("reason", "") or ""),
                expires=parse_date(raw.get("expires"), where),
            )
        )
    return Baseline(path, entries)


def build(
    report: Report,
    path: Path,
    reason: str = "",
    expires: dt.date | None = None,
    previous: Baseline | None = None,
) -> Baseline:
    """A baseline of every finding in ``report`` (hidden ones included).

    Reasons and expiry dates of entries already in ``previous`` are kept, so
    re-writing a baseline does not lose the justifications a DPO typed in.
    """
    bl = Baseline(path)
    old = {(e.path, e.fingerprint): e for e in (previous.entries if previous else [])}
    for doc in report.documents:
        if doc.failed:
            continue
        rel = bl.rel(doc.path)
        for f in [*doc.findings, *doc.suppressed]:
            prev = old.get((rel, f.fingerprint))
            bl.entries.append(
                Entry(
                    fingerprint=f.fingerprint,
                    rule=f.rule,
                    requirement=f.requirement,
                    path=rel,
                    sha256=doc.sha256,
                    message=f.message,
                    reason=prev.reason if prev and prev.reason else reason,
                    expires=prev.expires if prev and prev.expires else expires,
                )
            )
    bl.entries.sort(key=lambda e: (e.path, e.rule, e.fingerprint))
    return bl


def dump(bl: Baseline) -> str:
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "avvlint", "version": __version__},
        "entries": [e.to_dict() for e in bl.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(bl: Baseline) -> None:
    from .cache import atomic_write

    atomic_write(bl.path, dump(bl).encode("utf-8"))


def apply(report: Report, bl: Baseline, today: dt.date | None = None) -> Outcome:
    """Move baselined findings to ``doc.suppressed``; report expired and stale entries."""
    today = today or dt.date.today()
    out = Outcome()
    by_path: dict[str, list[Entry]] = {}
    by_sha: dict[str, list[Entry]] = {}
    for e in bl.entries:
        by_path.setdefault(e.path, []).append(e)
        if e.sha256:
            by_sha.setdefault(e.sha256, []).append(e)
    checked = {bl.rel(d.path) for d in report.documents}
    used: set[int] = set()
    for doc in report.documents:
        if doc.failed:
            continue
        rel = bl.rel(doc.path)
        candidates = list(by_path.get(rel, []))
        # A file moved unchanged keeps its accepted deviations.
        candidates += [e for e in by_sha.get(doc.sha256, []) if e.path not in checked]
        index = {e.fingerprint: e for e in candidates}
        active: list[Finding] = []
        for f in doc.findings:
            entry = index.get(f.fingerprint)
            if entry is None or entry.rule != f.rule:
                active.append(f)
                continue
            used.add(id(entry))
            if entry.expired(today):
                out.expired.append(entry)
                active.append(f)
                continue
            f.suppressed = entry.reason or "baseline"
            doc.suppressed.append(f)
            out.suppressed += 1
        doc.findings = active
    ok_paths = {bl.rel(d.path) for d in report.documents if not d.failed}
    out.stale = [e for e in bl.entries if e.path in ok_paths and id(e) not in used]
    return out
