"""The content cache: hits, corrupt entries, keys, clearing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import copy_seeds, run, sample_report, workdir

import avvlint.api
from avvlint import scan
from avvlint.cache import Cache, decode, encode, settings_digest
from avvlint.extract import extract_path
from avvlint.report import DocumentReport
from avvlint.settings import Settings

__all__ = ["workdir"]


def _entries(root: Path, kind: str) -> list[Path]:
    return sorted(root.glob(f"avvlint-*/{kind}/*/*.json"))


def _job(cache_root: Path | None, settings: Settings | None = None) -> scan.Job:
    s = settings or Settings()
    return scan.Job(s, settings_digest(s), cache_root)


def test_document_and_report_roundtrip_through_json() -> None:
    doc = extract_path(
        Path(__file__).resolve().parent.parent / "corpora" / "docs" / "000_22ea5317b8b942a2.txt"
    )
    back = decode(type(doc), json.loads(json.dumps(encode(doc))))
    assert back.text == doc.text and back.blocks == doc.blocks and back.sections == doc.sections
    assert back.section_of(len(doc.text) // 2) == doc.section_of(len(doc.text) // 2)
    for rep in sample_report().documents:
        again = decode(DocumentReport, json.loads(json.dumps(encode(rep))))
        assert again.to_dict() == rep.to_dict()


def test_second_run_is_served_from_the_cache(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = copy_seeds(workdir / "docs", 2)
    root = workdir / "c"
    cache = Cache(root)
    first = scan.run([str(p) for p in seeds], _job(root), cache, jobs=1)
    assert (root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(_entries(root, "reports")) == 2 and len(_entries(root, "docs")) == 2

    def boom(*a: object, **k: object) -> None:
        raise AssertionError("a cache hit must not check again")

    monkeypatch.setattr(avvlint.api, "check_document", boom)
    cache2 = Cache(root)
    second = scan.run([str(p) for p in seeds], _job(root), cache2, jobs=1)
    assert cache2.hits == 2 and cache2.misses == 0
    assert [d.to_dict() for d in second] == [d.to_dict() for d in first]


def test_changed_settings_reuse_the_extraction_only(workdir: Path) -> None:
    seed = copy_seeds(workdir, 1)[0]
    root = workdir / "c"
    scan.run([str(seed)], _job(root), Cache(root), jobs=1)
    s2 = Settings(ignore=("ALL",))
    cache = Cache(root)
    rep = scan.run([str(seed)], _job(root, s2), cache, jobs=1)[0]
    assert rep.findings == []
    assert len(_entries(root, "reports")) == 2 and len(_entries(root, "docs")) == 1
    assert cache.hits == 1  # the document, not the report


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{not json",
        b'{"kind": "reports", "key": "other", "version": "0", "data": {}}',
        b'{"kind": "reports", "key": "K", "version": "V", "data": {"path": 3}}',
    ],
)
def test_corrupt_entry_is_discarded_never_trusted(workdir: Path, garbage: bytes) -> None:
    seed = copy_seeds(workdir, 1)[0]
    root = workdir / "c"
    good = scan.run([str(seed)], _job(root), Cache(root), jobs=1)[0]
    for entry in _entries(root, "reports") + _entries(root, "docs"):
        entry.write_bytes(garbage.replace(b'"K"', json.dumps(entry.stem).encode()))
    cache = Cache(root)
    again = scan.run([str(seed)], _job(root), cache, jobs=1)[0]
    assert again.to_dict() == good.to_dict()
    assert cache.hits == 0
    # the bad entries were replaced by good ones
    assert Cache(root).get("reports", _entries(root, "reports")[0].stem, DocumentReport) is not None


def test_cli_no_cache_writes_nothing_and_cache_clear_removes_entries(workdir: Path) -> None:
    seed = copy_seeds(workdir / "docs", 1)[0]
    root = workdir / ".cache"
    assert run("check", str(seed), "--no-cache").exit_code in (0, 1)
    assert not _entries(root, "reports")
    run("check", str(seed))
    assert _entries(root, "reports")
    assert "entries" in run("cache", "info").stdout
    res = run("cache", "clear")
    assert res.exit_code == 0 and "removed" in res.stderr
    assert not _entries(root, "reports") and not (root / "CACHEDIR.TAG").exists()


def test_clear_leaves_foreign_files_alone(tmp_path: Path) -> None:
    (tmp_path / "wichtig.txt").write_text("x")
    (tmp_path / "other").mkdir()
    Cache(tmp_path).put("reports", "ab" * 32, sample_report().documents[0])
    assert Cache(tmp_path).clear() == 1
    assert (tmp_path / "wichtig.txt").exists() and (tmp_path / "other").is_dir()


def test_unwritable_cache_does_not_fail_the_run(workdir: Path) -> None:
    seed = copy_seeds(workdir, 1)[0]
    blocker = workdir / "blocker"
    blocker.write_text("a file where the cache folder should be")
    rep = scan.run([str(seed)], _job(blocker), Cache(blocker), jobs=1)[0]
    assert rep.error is None
