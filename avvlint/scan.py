"""Finding the documents to check, and checking many of them fast.

Discovery: files named explicitly are always checked; folders are walked
recursively for files matching ``include`` (``*.pdf``, ``*.docx``, ``*.txt``),
minus ``exclude`` globs and ``.avvlintignore`` files (gitignore syntax, each
applying to its own folder and below). Hidden files and folders are skipped.

Checking: a first pass in this process reads and hashes every file and serves
cached reports, so a warm re-run starts no worker at all. The rest goes to a
process pool (PDF parsing is CPU-bound); workers import the checking code
lazily. A broken file becomes a report with an error; a worker that dies
(a crash inside a native PDF library) costs only the file it was on.
Results come back sorted by path, so output is deterministic.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AvvlintError

if TYPE_CHECKING:  # pragma: no cover
    from .cache import Cache
    from .report import DocumentReport
    from .settings import Settings

IGNORE_FILE = ".avvlintignore"
# Errors that depend on the file system, not on the bytes: never cached.
_UNCACHEABLE = {"not-found", "not-a-file", "unreadable", "file-too-large", "internal-error", "timeout"}


# ---------------------------------------------------------------- discovery


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # named paths that do not exist


def discover(paths: Sequence[str], include: Iterable[str], exclude: Iterable[str]) -> Discovery:
    """Expand files and folders into a sorted, de-duplicated list of documents."""
    import fnmatch

    include = [p.lower() for p in include]
    exclude = list(exclude)
    out = Discovery()
    seen: set[str] = set()

    def add(p: str) -> None:
        key = os.path.normcase(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            out.files.append(p)

    for arg in paths:
        if os.path.isdir(arg):
            for f in _walk(arg, exclude):
                if any(fnmatch.fnmatchcase(os.path.basename(f).lower(), pat) for pat in include):
                    add(f)
        elif os.path.lexists(arg):
            add(arg)  # named explicitly: always checked, whatever its name
        else:
            out.missing.append(arg)
    out.files.sort(key=_sort_key)
    return out


def _sort_key(path: str) -> tuple[str, str]:
    return (path.replace(os.sep, "/").lower(), path)


def _walk(root: str, exclude: list[str]) -> Iterable[str]:
    specs: list[tuple[str, Any]] = []  # (folder, spec) of ignore files in force
    user = _spec(exclude) if exclude else None
    for dirpath, dirnames, filenames in os.walk(root):
        specs = [(d, s) for d, s in specs if _within(dirpath, d)]
        if IGNORE_FILE in filenames:
            try:
                with open(os.path.join(dirpath, IGNORE_FILE), encoding="utf-8", errors="replace") as fh:
                    specs.append((dirpath, _spec(fh.read().splitlines())))
            except OSError:
                pass

        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and not _ignored(os.path.join(dirpath, d), True, root, user, specs)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = os.path.join(dirpath, name)
            if not _ignored(p, False, root, user, specs):
                yield os.path.normpath(p)


def _ignored(path: str, is_dir: bool, root: str, user: Any, specs: list[tuple[str, Any]]) -> bool:
    suffix = "/" if is_dir else ""
    if user is not None and user.match_file(_rel(path, root) + suffix):
        return True
    return any(s.match_file(_rel(path, d) + suffix) for d, s in specs)


def _spec(lines: list[str]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _rel(path: str, base: str) -> str:
    return os.path.relpath(path, base).replace(os.sep, "/")


# ---------------------------------------------------------------- checking one file


@dataclass
class Job:
    """What a worker needs besides the path: built once, sent once per worker."""

    settings: Settings
    settings_hash: str
    cache_root: Path | None


def check_data(data: bytes, name: str, job: Job, cache: Cache) -> DocumentReport:
    """Check a document's bytes, using and filling the cache."""
    from .api import check_document
    from .document import Document
    from .extract import extract_bytes
    from .report import DocumentReport

    sha = hashlib.sha256(data).hexdigest()
    rkey = _report_key(sha, name, job)
    hit = cache.get("reports", rkey, DocumentReport)
    if hit is not None:
        hit.path = name
        return hit
    from .cache import doc_key

    dkey = doc_key(sha, job.settings.limits)
    try:
        with time_limit(job.settings.limits.max_seconds, name):
            doc = cache.get("docs", dkey, Document)
            if doc is None:
                doc = extract_bytes(data, name, job.settings.limits)
                cache.put("docs", dkey, doc)
            doc.source = name
            report = check_document(doc, job.settings)
    except Exception as exc:  # a hostile file must never stop a batch
        from .api import _as_error

        err = _as_error(exc, name)
        report = DocumentReport(path=name, sha256=sha, error=err)
        if err.code in _UNCACHEABLE:
            return report
    cache.put("reports", rkey, report)
    return report


class _Expired(BaseException):
    """The time limit ran out; a BaseException so that no ``except Exception`` inside
    a reader turns it into a different error."""


@contextlib.contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Raise ``AvvlintError("timeout")`` when the block runs longer than ``seconds``.

    A POSIX interval timer: its handler also interrupts a long regular-expression match
    (the regex engine checks for signals). Where there is no SIGALRM, or off the main
    thread, the block runs without a limit.
    """
    import signal
    import threading

    if (
        seconds <= 0
        or not hasattr(signal, "SIGALRM")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise AvvlintError(
            "timeout", f"{name}: not checked within {seconds:g} s (time limit; see --timeout)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_file(path: str, job: Job, cache: Cache) -> DocumentReport:
    from .extract import read_input
    from .report import DocumentReport

    try:
        data = read_input(path, job.settings.limits)
    except AvvlintError as exc:
        return DocumentReport(path=path, error=exc)
    return check_data(data, path, job, cache)


def _report_key(sha: str, name: str, job: Job) -> str:
    from .cache import report_key

    return report_key(sha, job.settings_hash, name if job.settings.per_file_ignores else "")


# ---------------------------------------------------------------- the worker side

_WORKER: tuple[Job, Cache] | None = None


def warm_up(settings: Settings, libraries: bool = False) -> None:
    """Compile the rules now (and with ``libraries``, import the PDF/DOCX readers).

    Called in the parent before the first document: a bad rule file stops the run
    once (``RuleError``) instead of failing every document, and workers forked
    from here inherit the compiled rules and imported libraries instead of
    loading them again. A single TXT check must not pay for the PDF libraries.
    """
    from . import api  # noqa: F401
    from .rulesinfo import rule_index

    rule_index(settings)
    if libraries:
        from .extract import docx, pdf  # noqa: F401


def _init_worker(job: Job) -> None:
    global _WORKER
    from .cache import Cache

    _WORKER = (job, Cache(job.cache_root))
    # A no-op when forked from a warmed parent; a rule error is reported per document.
    with contextlib.suppress(Exception):
        warm_up(job.settings, libraries=True)


def _work(path: str) -> DocumentReport:
    assert _WORKER is not None
    job, cache = _WORKER
    return check_file(path, job, cache)


# ---------------------------------------------------------------- many files


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    paths: Sequence[str],
    job: Job,
    cache: Cache,
    jobs: int = 0,
    on_done: Callable[[DocumentReport], None] | None = None,
) -> list[DocumentReport]:
    """Check ``paths``; returns one report per path, sorted by path."""
    from .extract import read_input
    from .report import DocumentReport

    notify = on_done or (lambda r: None)
    results: dict[str, DocumentReport] = {}
    todo: list[str] = []
    for p in paths:
        # Cache pass in this process: a warm run needs no worker.
        try:
            data = read_input(p, job.settings.limits)
        except AvvlintError as exc:
            results[p] = DocumentReport(path=p, error=exc)
            notify(results[p])
            continue
        hit = None
        if cache.enabled:
            from .report import DocumentReport as _DR

            hit = cache.get("reports", _report_key(hashlib.sha256(data).hexdigest(), p, job), _DR)
        if hit is not None:
            hit.path = p
            results[p] = hit
            notify(hit)
        else:
            todo.append(p)
    workers = min(jobs or default_jobs(), len(todo))
    if todo:
        warm_up(job.settings, libraries=workers > 1)
    if workers <= 1:
        for p in todo:
            results[p] = check_file(p, job, cache)
            notify(results[p])
    else:
        _run_pool(todo, job, workers, results, notify)
    return [results[p] for p in sorted(results, key=_sort_key)]


def _run_pool(
    todo: list[str],
    job: Job,
    workers: int,
    results: dict[str, DocumentReport],
    notify: Callable[[DocumentReport], None],
) -> None:

    from .report import DocumentReport

    # Largest files first: the long ones start early and the pool does not end
    # waiting on one big PDF while the other workers idle.
    pending = sorted(todo, key=_size, reverse=True)
    isolate = False  # after a crash without progress: run one file alone to find the culprit
    while pending:
        batch = pending[:1] if isolate else pending
        crashed = _pool_round(batch, job, workers, results, notify)
        progressed = any(p in results for p in batch)
        if crashed and isolate:
            p = batch[0]
            results[p] = DocumentReport(
                path=p, error=AvvlintError("internal-error", f"{p}: the checker process crashed on this file")
            )
            notify(results[p])
        pending = [p for p in pending if p not in results]
        # Each round finishes at least one file, so this terminates.
        isolate = crashed and not progressed and not isolate


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _pool_round(
    batch: list[str],
    job: Job,
    workers: int,
    results: dict[str, DocumentReport],
    notify: Callable[[DocumentReport], None],
) -> bool:
    """Check ``batch`` in one pool; returns whether a worker died."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from .report import DocumentReport

    crashed = False
    ctx = _mp_context()
    forked = ctx.get_start_method() == "fork"
    if forked:
        # Keep the collector away from the objects workers inherit, so they stay
        # shared pages instead of being copied into every worker.
        gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(batch)), mp_context=ctx, initializer=_init_worker, initargs=(job,)
        ) as pool:
            futures: dict[Future[DocumentReport], str] = {pool.submit(_work, p): p for p in batch}
            for fut in as_completed(futures):
                p = futures[fut]
                try:
                    rep = fut.result()
                except BrokenProcessPool:
                    crashed = True
                    continue
                except Exception as exc:  # pickling problems and the like: report, go on
                    rep = DocumentReport(path=p, error=AvvlintError("internal-error", f"{p}: {exc}"))
                results[p] = rep
                notify(rep)
    finally:
        if forked:
            gc.unfreeze()
    return crashed


def _mp_context():  # type: ignore[no-untyped-def]
    import multiprocessing as mp
    import sys
    import threading

    # fork shares the parent's compiled rules and imported libraries, but is only
    # safe while the parent runs no other thread (the progress bar refreshes
    # without one). Otherwise forkserver (safe with threads), or spawn (Windows).
    methods = mp.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["avvlint.scan", "avvlint.api"])
        return ctx
    return mp.get_context("spawn")
