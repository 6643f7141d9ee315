"""On-disk cache of extraction results and reports, keyed by content.

Re-running a CI gate or a scan over unchanged contracts should cost almost
nothing. Two kinds of entries:

- ``docs``: the extracted ``Document`` of a file, keyed by the sha256 of its
  bytes, the extraction limits and the avvlint code digest;
- ``reports``: the finished ``DocumentReport``, keyed additionally by the rule
  files and every setting that changes a report.

Entries are JSON (never pickle: a cache directory is writable by whoever can
write the user's home, and loading must not execute anything). Each entry
repeats its own key and version; an entry that fails to parse or does not match
is deleted and treated as a miss, never trusted. Writes are atomic (temp file +
rename), so a killed run leaves no half-written entry. The cache never fails a
run: any I/O problem just means a miss.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any, Union

from . import __version__

CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by avvlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_PREFIX = "avvlint-"
_KINDS = ("docs", "reports")


def default_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("avvlint", appauthor=False))


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- keys


@cache
def code_digest() -> str:
    """Changes whenever avvlint's code or built-in rules change (stat-based, ~1 ms).

    The version alone is not enough: an editable install changes code without
    changing the version, and a stale report must never be served.
    """
    pkg = Path(__file__).resolve().parent
    return _tree_digest([pkg, pkg / "_rules", pkg.parent / "rules"])


def _tree_digest(roots: list[Path]) -> str:
    h = hashlib.sha256(__version__.encode())
    for root in roots:
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in sorted(filenames):
                if not name.endswith((".py", ".yml", ".yaml", ".txt", ".json")):
                    continue
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _key(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def settings_digest(settings: Any) -> str:
    """Digest of everything that changes a report: settings, code, rule files."""
    from .config import settings_fingerprint

    rules = _tree_digest([Path(p) for p in settings.rule_paths])
    return _key(settings_fingerprint(settings), code_digest(), rules)


def doc_key(content_sha256: str, limits: Any) -> str:
    return _key("doc", content_sha256, dataclasses.astuple(limits), code_digest())


def report_key(content_sha256: str, settings_hash: str, path: str = "") -> str:
    # ``path`` only when per-file ignores make the report depend on it.
    return _key("report", content_sha256, settings_hash, path)


# ---------------------------------------------------------------- (de)serialisation


_PRIMITIVES = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def encode(value: Any) -> Any:
    """Dataclass trees to JSON-able data; a dataclass becomes the list of its init fields.

    Positional lists keep entries small and fast to write; they are safe because
    the cache key includes the code digest, so a changed class never meets an
    old entry (and a length mismatch is rejected when decoding).
    """
    t = type(value)
    if t in _PRIMITIVES:
        return value
    names = _field_names(t)
    if names is not None:
        return [encode(getattr(value, n)) for n in names]
    if t is list or t is tuple:
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    from .errors import AvvlintError

    if isinstance(value, AvvlintError):
        return {"code": value.code, "message": value.message}
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    return value


def _identity(v: Any) -> Any:
    return v


@cache
def _decoder(tp: Any) -> Any:
    """A function that rebuilds a value of type ``tp`` from ``encode`` output."""
    from .errors import AvvlintError

    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return _identity
        dec = _decoder(inner[0])
        return dec if dec is _identity else (lambda v: None if v is None else dec(v))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        decs = [_decoder(hints[f.name]) for f in dataclasses.fields(tp) if f.init]
        cls = tp

        def dataclass_decoder(v: Any) -> Any:
            if not isinstance(v, list):
                raise ValueError(f"expected a list for {cls.__name__}")
            return cls(*[d(x) for d, x in zip(decs, v, strict=True)])

        return dataclass_decoder
    if tp is AvvlintError:
        return lambda v: AvvlintError(v["code"], v["message"])
    if tp is Path:
        return Path
    if origin is list:
        dec = _decoder(args[0])
        return list if dec is _identity else (lambda v: [dec(x) for x in v])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            dec = _decoder(args[0])
            return tuple if dec is _identity else (lambda v: tuple(dec(x) for x in v))
        decs_t = [_decoder(a) for a in args]
        return lambda v: tuple(d(x) for d, x in zip(decs_t, v, strict=True))
    if origin is dict:
        dec = _decoder(args[1])
        return dict if dec is _identity else (lambda v: {k: dec(x) for k, x in v.items()})
    return _identity


def decode(tp: Any, value: Any) -> Any:
    """Rebuild typed objects from ``encode`` output, guided by type hints."""
    return _decoder(tp)(value)


# ---------------------------------------------------------------- the cache


class Cache:
    """A cache directory; ``Cache(None)`` is a disabled cache that always misses."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / f"{_PREFIX}{__version__}" / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str, tp: type) -> Any:
        """The cached object, or ``None`` on a miss (a bad entry is removed)."""
        if self.root is None:
            return None
        p = self._path(kind, key)
        try:
            raw = p.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            entry = json.loads(raw)
            if entry.get("key") != key or entry.get("kind") != kind or entry.get("version") != __version__:
                raise ValueError("entry does not match its key")
            obj = decode(tp, entry["data"])
        except Exception:  # anything wrong with an entry means: do not trust it
            with contextlib.suppress(OSError):
                p.unlink()
            self.misses += 1
            return None
        self.hits += 1
        return obj

    def put(self, kind: str, key: str, obj: Any) -> None:
        if self.root is None:
            return
        entry = {"kind": kind, "key": key, "version": __version__, "data": encode(obj)}
        try:
            self._ensure_tag()
            atomic_write(
                self._path(kind, key), json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
            )
        except OSError:
            pass  # a read-only or full cache directory must not fail the run

    def _ensure_tag(self) -> None:
        assert self.root is not None
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            atomic_write(tag, CACHEDIR_TAG.encode())

    def clear(self) -> int:
        """Remove avvlint's entries (all versions); returns the number of files removed.

        Only what avvlint created is removed, so a mistaken ``--cache-dir $HOME``
        deletes nothing else.
        """
        if self.root is None or not self.root.is_dir():
            return 0
        n = 0
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith(_PREFIX):
                n += sum(1 for _ in child.rglob("*.json"))
                shutil.rmtree(child, ignore_errors=True)
        tag = self.root / "CACHEDIR.TAG"
        if tag.is_file() and tag.read_text(errors="replace").startswith(
            "Signature: 8a477f597d28d172789f06886806bc55"
        ):
            tag.unlink()
            with contextlib.suppress(OSError):
                self.root.rmdir()
        return n

    def size(self) -> tuple[int, int]:
        """``(files, bytes)`` of avvlint's entries."""
        if self.root is None or not self.root.is_dir():
            return 0, 0
        files = total = 0
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith(_PREFIX):
                for p in child.rglob("*.json"):
                    files += 1
                    total += p.stat().st_size
        return files, total
