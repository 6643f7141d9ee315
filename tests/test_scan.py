"""Discovery and the parallel batch scan, including broken and crashing files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import SEEDS, copy_seeds, make_broken_files, run, workdir, write_empty_contract

from avvlint import scan
from avvlint.cache import Cache
from avvlint.settings import Settings

__all__ = ["workdir"]


def _names(files: list[str], base: Path) -> list[str]:
    return [Path(f).resolve().relative_to(base.resolve()).as_posix() for f in files]


def test_discovery_include_exclude_ignorefile_hidden(workdir: Path) -> None:
    root = workdir / "akten"
    for rel in (
        "a.pdf",
        "b.DOCX",
        "c.txt",
        "notiz.md",
        "sub/d.pdf",
        "sub/entwurf/e.pdf",
        "archiv/f.pdf",
        ".git/g.pdf",
        "sub/.h.pdf",
        "sub/keep.tmp.pdf",
        "sub/x.tmp.pdf",
    ):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    (root / ".avvlintignore").write_text("archiv/\n")
    (root / "sub" / ".avvlintignore").write_text("*.tmp.pdf\n!keep.tmp.pdf\nentwurf/\n")
    found = scan.discover([str(root)], ("*.pdf", "*.docx", "*.txt"), ())
    assert _names(found.files, root) == ["a.pdf", "b.DOCX", "c.txt", "sub/d.pdf", "sub/keep.tmp.pdf"]
    found = scan.discover([str(root)], ("*.pdf",), ("sub/",))
    assert _names(found.files, root) == ["a.pdf"]
    # named explicitly: always checked; missing paths are reported
    found = scan.discover(
        [str(root / "archiv" / "f.pdf"), str(root / "notiz.md"), "fehlt.pdf"], ("*.pdf",), ()
    )
    assert _names(found.files, root) == ["archiv/f.pdf", "notiz.md"] and found.missing == ["fehlt.pdf"]


def test_list_files(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 2)
    (workdir / "docs" / "x.md").write_text("x")
    res = run("scan", "docs", "--list-files", "--exclude", "000_*")
    assert res.exit_code == 0
    assert [Path(p).name for p in res.stdout.split()] == ["001_2b963f6f0f5c753f.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_scan_with_broken_files_reports_them_and_checks_the_rest(workdir: Path, jobs: str) -> None:
    seeds = copy_seeds(workdir / "docs", 3)
    broken = make_broken_files(workdir / "docs" / "kaputt")
    res = run("scan", "docs", "-f", "json", "-j", jobs)
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    docs = {Path(d["path"]).name: d for d in data["documents"]}
    assert len(docs) == len(seeds) + len(broken)
    for seed in seeds:
        d = docs[seed.name]
        assert d["error"] is None and len(d["requirements"]) == 25
    assert docs["leer.txt"]["error"]["code"] == "empty-file"
    assert docs["zufall.pdf"]["error"]["code"] in ("unsupported-format", "corrupt-pdf")
    assert docs["bild.pdf"]["error"]["code"] == "unsupported-format"
    assert data["summary"]["failed"] == 3 and data["summary"]["documents"] == 6
    paths = [d["path"] for d in data["documents"]]
    assert paths == sorted(paths, key=lambda p: p.lower())


def test_parallel_and_serial_scans_agree(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 5)
    write_empty_contract(workdir / "docs" / "leer.txt")
    one = run("scan", "docs", "-f", "json", "-j", "1", "--no-cache").stdout
    two = run("scan", "docs", "-f", "json", "-j", "2", "--no-cache").stdout
    assert one == two


def test_a_crashing_worker_costs_only_its_file(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scan_crash_worker import crashing_work

    seeds = copy_seeds(workdir / "docs", 3)
    crash = workdir / "docs" / "absturz.txt"
    crash.write_text("Vertrag")
    monkeypatch.setattr(scan, "_work", crashing_work)
    s = Settings()
    files = [str(p) for p in [*seeds, crash]]
    reports = scan.run(files, scan.Job(s, "", None), Cache(None), jobs=2)
    by_name = {Path(r.path).name: r for r in reports}
    assert by_name["absturz.txt"].error is not None
    assert by_name["absturz.txt"].error.code == "internal-error"
    assert "crashed" in by_name["absturz.txt"].error.message
    assert all(by_name[p.name].error is None for p in seeds)


def test_warm_scan_starts_no_worker(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seeds(workdir / "docs", 3)
    assert run("scan", "docs", "-j", "2", "-f", "json").exit_code in (0, 1)

    def no_pool(*a: object, **k: object) -> None:
        raise AssertionError("all cached: no pool needed")

    monkeypatch.setattr(scan, "_run_pool", no_pool)
    res = run("scan", "docs", "-j", "2", "-f", "json")
    assert len(json.loads(res.stdout)["documents"]) == 3


def test_scan_defaults_to_the_current_folder(workdir: Path) -> None:
    copy_seeds(workdir, 1)
    data = json.loads(run("scan", "-f", "json", "-j", "1").stdout)
    assert [d["path"] for d in data["documents"]] == ["000_22ea5317b8b942a2.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_time_limit_is_reported_and_the_scan_goes_on(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import dataclasses
    import re

    import avvlint.api

    seeds = copy_seeds(workdir / "docs", 2)
    slow = workdir / "docs" / "haengt.txt"
    slow.write_text("Vertrag über die Auftragsverarbeitung\n")
    real = avvlint.api.check_document

    def check(doc, settings):  # type: ignore[no-untyped-def]
        if doc.source.endswith("haengt.txt"):
            # a catastrophic backtracking match, as a hostile text can cause: minutes in C
            re.match(r"(a+)+$", "a" * 40 + "b")
        return real(doc, settings)

    monkeypatch.setattr(avvlint.api, "check_document", check)
    s = dataclasses.replace(Settings(), limits=dataclasses.replace(Settings().limits, max_seconds=1.0))
    files = [str(p) for p in [*seeds, slow]]
    reports = scan.run(files, scan.Job(s, "", None), Cache(None), jobs=jobs)
    by_name = {Path(r.path).name: r for r in reports}
    err = by_name["haengt.txt"].error
    assert err is not None and err.code == "timeout" and "1 s" in err.message
    assert all(by_name[p.name].error is None for p in seeds)


def test_timeout_is_configurable(workdir: Path) -> None:
    (workdir / "avvlint.toml").write_text("timeout = 30\n")
    res = run("config", "show")
    assert "timeout" in res.stdout and "30" in res.stdout
    bad = run("check", "--timeout", "-1", str(SEEDS[0]))
    assert bad.exit_code == 2
