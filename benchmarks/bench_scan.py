"""Benchmark the batch scan: cold, warm, -j 1 vs -j 2, against a plain-extraction floor.

Builds a folder of N contracts (default 200), PDF, DOCX and TXT in turn: the
seed renders in ``corpora/docs`` (``--source seeds``, 3–10 pages), or the seeds
re-rendered here with an annex to about eight pages (``--source padded``).
Every file's bytes are made unique so no two share a cache entry. Then times,
each in a fresh process:

- ``avvlint scan -j 2`` with an empty cache (cold) and again (warm);
- ``avvlint scan -j 1`` and ``-j 2``, both cold;
- plain text extraction of every file (pdfium, python-docx, decode): the floor;
- ``avvlint check`` of one TXT contract from a cold start.

Prints documents per second, the ratios (scan ÷ floor, cold ÷ warm, j1 ÷ j2),
and the peak RSS (VmHWM, sampled from /proc) of the main process and of the
largest worker.

    python benchmarks/bench_scan.py            # N = 200
    python benchmarks/bench_scan.py --n 60 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "docs").glob("*.txt"))
TARGET_CHARS = 12_000  # about eight A4 pages as rendered below
FORMATS = ("pdf", "docx", "txt")

_BURN = """
import time
t = time.perf_counter()
x = 0
for i in range(15_000_000):
    x += i
print(time.perf_counter() - t)
"""

_FLOOR = """
import sys, time
from pathlib import Path
t = time.perf_counter()
chars = 0
for name in sys.argv[1:]:
    data = Path(name).read_bytes()
    if data[:5] == b"%PDF-":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(data)
        chars += sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
    elif data[:2] == b"PK":
        import io, docx
        chars += sum(len(p.text) for p in docx.Document(io.BytesIO(data)).paragraphs)
    else:
        chars += len(data.decode("utf-8", errors="replace"))
print(time.perf_counter() - t, chars)
"""


# ---------------------------------------------------------------- building the folder


def _paragraphs(text: str) -> list[str]:
    text = text.replace("**", "")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _is_heading(p: str) -> bool:
    return len(p) < 90 and not p.endswith((".", ";", ":", ",")) and len(p.split()) <= 10


def contract(i: int, pool: list[list[str]]) -> list[str]:
    base = pool[i % len(pool)]
    paras = [f"Vertragsnummer AVV-{i:05d}", *base]
    size = sum(len(p) for p in paras)
    j = i + 1
    annex_no = 1
    while size < TARGET_CHARS:
        extra = pool[j % len(pool)]
        paras.append(f"Anlage {annex_no} Ergänzende Regelungen")
        for p in extra:
            paras.append(p)
            size += len(p)
            if size >= TARGET_CHARS:
                break
        j += 1
        annex_no += 1
    return paras


def _latin1(text: str) -> str:
    # Standard PDF fonts cover cp1252 only; keep the rest readable.
    return text.encode("cp1252", errors="replace").decode("cp1252")


def render_pdf(paras: list[str], path: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading3"]
    story = []
    for p in paras:
        story.append(Paragraph(escape(_latin1(p)), head if _is_heading(p) else body))
        story.append(Spacer(1, 4))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def render_docx(paras: list[str], path: Path) -> None:
    import docx

    d = docx.Document()
    for p in paras:
        if _is_heading(p):
            d.add_heading(p, level=2)
        else:
            d.add_paragraph(p)
    d.save(str(path))


def _unique_copy(src: Path, dest: Path, i: int) -> None:
    """Copy a seed render so that its bytes (not its text) are unique: no shared cache entries."""
    data = src.read_bytes()
    if src.suffix == ".pdf":
        # A PDF comment after %%EOF: readers ignore it, the sha256 changes.
        dest.write_bytes(data + f"\n% avvlint-bench {i}\n".encode())
    elif src.suffix == ".docx":
        import io

        import docx

        d = docx.Document(io.BytesIO(data))
        d.core_properties.title = f"avvlint-bench {i}"
        d.save(str(dest))
    else:
        dest.write_bytes(data + f"\n\nVertragsnummer AVV-{i:05d}\n".encode())


def build(folder: Path, n: int, source: str) -> list[Path]:
    marker = folder / f".built-{n}-{source}"
    if marker.exists():
        return sorted(p for p in folder.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    if source == "seeds":
        renders = {fmt: sorted(SEEDS[0].parent.glob(f"*.{fmt}")) for fmt in FORMATS}
        for i in range(n):
            fmt = FORMATS[i % 3]
            src = renders[fmt][(i // 3) % len(renders[fmt])]
            path = folder / f"avv-{i:04d}.{fmt}"
            _unique_copy(src, path, i)
            files.append(path)
    else:
        pool = [_paragraphs(s.read_text(encoding="utf-8")) for s in SEEDS]
        for i in range(n):
            fmt = FORMATS[i % 3]
            paras = contract(i, pool)
            path = folder / f"avv-{i:04d}.{fmt}"
            if fmt == "pdf":
                render_pdf(paras, path)
            elif fmt == "docx":
                render_docx(paras, path)
            else:
                path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
            files.append(path)
    marker.write_text("ok")
    return files


def _have_renders() -> bool:
    docs = SEEDS[0].parent
    return any(docs.glob("*.pdf")) and any(docs.glob("*.docx"))


# ---------------------------------------------------------------- timing


def avvlint_cmd() -> list[str]:
    exe = shutil.which("avvlint", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "avvlint.cli"]


def _children() -> dict[int, int]:
    """pid -> parent pid for every process (Linux /proc)."""
    out: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name is in parentheses and may contain spaces
        rest = stat[stat.rfind(b")") + 2 :].split()
        out[int(entry)] = int(rest[1])
    return out


def _peak_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class PeakWatcher(threading.Thread):
    """Samples the peak RSS (VmHWM) of a process and each of its descendants."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            parents = _children()
            family = {self.root}
            grew = True
            while grew:
                new = {pid for pid, ppid in parents.items() if ppid in family} - family
                family |= new
                grew = bool(new)
            for pid in family:
                self.peaks[pid] = max(self.peaks.get(pid, 0), _peak_kib(pid))
            self.stop.wait(0.05)  # VmHWM is a high-water mark: sampling only has to catch each process

    def result(self) -> tuple[float, float]:
        """(main process MB, largest worker MB)."""
        main = self.peaks.get(self.root, 0) / 1024
        workers = [v for pid, v in self.peaks.items() if pid != self.root]
        return main, (max(workers) / 1024 if workers else 0.0)


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) of the main process and of the largest worker."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watcher = PeakWatcher(proc.pid) if os.path.isdir("/proc") else None
    if watcher:
        watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    main_mb, worker_mb = (0.0, 0.0)
    if watcher:
        watcher.stop.set()
        watcher.join()
        main_mb, worker_mb = watcher.result()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"avvlint exited {proc.returncode}: {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return wall, main_mb, worker_mb


def parallel_ceiling() -> float:
    """What two CPU-bound Python processes gain over one on this machine right now.

    A shared or throttled VM may give far less than 2×; the -j1 ÷ -j2 ratio of
    the scan can only be judged against this.
    """
    one = float(subprocess.run([sys.executable, "-c", _BURN], capture_output=True, text=True).stdout)
    t = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _BURN], stdout=subprocess.DEVNULL) for _ in range(2)]
    for p in procs:
        p.wait()
    both = time.perf_counter() - t
    return 2 * one / both


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="number of contracts (default 200)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out", help="where the folder is built")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the best is reported")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument(
        "--source",
        choices=("seeds", "padded"),
        help="seeds: the seed renders in corpora/docs (default when present); "
        "padded: seeds re-rendered here with an annex to about eight pages",
    )
    args = ap.parse_args()

    source = args.source or ("seeds" if _have_renders() else "padded")
    folder = args.out / f"contracts-{source}-{args.n}"
    t = time.perf_counter()
    files = build(folder, args.n, source)
    print(f"corpus: {len(files)} contracts in {folder} (built/reused in {time.perf_counter() - t:.1f}s)")
    sizes = {fmt: sum(1 for f in files if f.suffix == f".{fmt}") for fmt in FORMATS}
    print("  " + ", ".join(f"{k}: {v}" for k, v in sizes.items()))
    pages = _pdf_pages([f for f in files if f.suffix == ".pdf"][:15])
    if pages:
        print(f"  source: {source}; PDF pages per contract: mean {statistics.mean(pages):.1f}")

    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    base = [*avvlint_cmd(), "scan", str(folder), "-f", "json", "-o", os.devnull, "--no-progress"]
    n = len(files)
    res: dict[str, float] = {}
    rss: dict[str, float] = {}  # main process
    wrss: dict[str, float] = {}  # largest worker

    def cold(jobs: int) -> tuple[float, float, float]:
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="avvlint-bench-") as cache:
                runs.append(measure([*base, "-j", str(jobs), "--cache-dir", cache], env))
        return min(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)

    res["cold_j2"], rss["cold_j2"], wrss["cold_j2"] = cold(2)
    res["cold_j1"], rss["cold_j1"], wrss["cold_j1"] = cold(1)
    with tempfile.TemporaryDirectory(prefix="avvlint-bench-") as cache:
        measure([*base, "-j", "2", "--cache-dir", cache], env)  # fill
        warm = [measure([*base, "-j", "2", "--cache-dir", cache], env) for _ in range(max(args.repeat, 3))]
    res["warm_j2"] = min(w for w, _, _ in warm)
    rss["warm_j2"] = max(r for _, r, _ in warm)
    wrss["warm_j2"] = max(r for _, _, r in warm)

    floors = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", _FLOOR, *map(str, files)], check=True, capture_output=True)
        floors.append(time.perf_counter() - t)
    res["floor"] = min(floors)

    ceiling = max(parallel_ceiling() for _ in range(2))

    txt = next(f for f in files if f.suffix == ".txt")
    singles = [
        measure([*avvlint_cmd(), "check", str(txt), "-f", "json", "--no-cache"], env)[0] for _ in range(5)
    ]
    res["check_one_txt"] = statistics.median(singles)
    res["check_one_txt_best"] = min(singles)

    print()
    print(f"{'measurement':<34}{'wall s':>9}{'docs/s':>9}{'main MB':>9}{'worker MB':>11}")
    rows = [
        ("scan -j 2, cold", "cold_j2"),
        ("scan -j 1, cold", "cold_j1"),
        ("scan -j 2, warm (cache)", "warm_j2"),
        ("plain text extraction (floor)", "floor"),
    ]
    for label, key in rows:
        peak = f"{rss[key]:>9.0f}{wrss[key]:>11.0f}" if key in rss else ""
        print(f"{label:<34}{res[key]:>9.2f}{n / res[key]:>9.1f}{peak}")
    print(f"{'check one TXT, cold start (median)':<34}{res['check_one_txt']:>9.3f}")
    print()
    ratios = {
        "scan_j1_over_floor": res["cold_j1"] / res["floor"],
        "scan_j2_over_floor": res["cold_j2"] / res["floor"],
        "cold_over_warm": res["cold_j2"] / res["warm_j2"],
        "j1_over_j2": res["cold_j1"] / res["cold_j2"],
    }
    j1, j2 = ratios["scan_j1_over_floor"], ratios["scan_j2_over_floor"]
    print(f"scan ÷ floor: {j1:.1f}× (-j 1), {j2:.1f}× (-j 2)")
    print(f"cold ÷ warm:  {ratios['cold_over_warm']:.1f}×   (target ≥ 20×)")
    j12 = ratios["j1_over_j2"]
    print(f"-j1 ÷ -j2:    {j12:.2f}×   (target ≥ 1.8×; this machine's ceiling now: {ceiling:.2f}×)")
    print(f"cold -j 2:    {n / res['cold_j2']:.1f} docs/s (target ≥ 15)")
    worker_mb, main_mb = max(wrss.values()), max(rss.values())
    print(f"peak RSS: worker {worker_mb:.0f} MB, main {main_mb:.0f} MB (target ≤ 300 per worker)")
    print(
        f"check one TXT cold: {res['check_one_txt']:.3f} s median, {res['check_one_txt_best']:.3f} s best "
        "(target < 0.6 s)"
    )
    if args.json:
        out = {
            "n": n,
            "parallel_ceiling": ceiling,
            "seconds": res,
            "main_rss_mb": rss,
            "worker_rss_mb": wrss,
            "ratios": ratios,
        }
        print(json.dumps(out, indent=2))


def _pdf_pages(files: list[Path]) -> list[int]:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover
        return []
    return [len(pdfium.PdfDocument(f.read_bytes())) for f in files]


if __name__ == "__main__":
    main()
