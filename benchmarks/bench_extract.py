#!/usr/bin/env python3
"""Extraction speed on the rendered seeds: ms per page (PDF) and per document (DOCX, TXT).

Run from the repository root:  python benchmarks/bench_extract.py [--repeat N]

Each file is extracted once to warm imports and caches, then ``--repeat`` times;
the best run counts (the least disturbed by the machine). PDF pages are split
into table pages (those whose drawing looks like a ruled table, where the table
finder runs) and text pages by timing each document with the table finder
switched off as well: the difference, spread over the table pages, is what a
table page costs on top of a text page.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pypdfium2 as pdfium

from avvlint.extract import extract_bytes, pdf_tables

ROOT = Path(__file__).resolve().parent.parent


def best_of(data: bytes, name: str, repeat: int) -> tuple[float, int | None]:
    doc = extract_bytes(data, name)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract_bytes(data, name)
        best = min(best, time.perf_counter() - t0)
    return best * 1000, doc.page_count


def table_pages(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        n = 0
        for i in range(len(pdf)):
            page = pdf[i]  # keep the page object alive while its raw handle is in use
            n += pdf_tables.page_drawing(page.raw).looks_like_table
            page.close()
        return n
    finally:
        pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.*"))
    texts = sorted((ROOT / "corpora" / "docs").glob("00*_*.txt"))
    print(
        f"{'file':34} {'fmt':5} {'pages':>5} {'ms/doc':>8} {'ms/page':>8} {'no-tables ms/page':>18}"
        f" {'table pages':>11} {'ms/table page':>13}"
    )
    totals: dict[str, list[float]] = {"pdf": [0, 0, 0], "docx": [0, 0, 0], "txt": [0, 0, 0]}
    n_table_pages = 0
    table_extra = 0.0
    for path in [*seeds, *texts]:
        fmt = path.suffix.lstrip(".")
        data = path.read_bytes()
        ms, pages = best_of(data, path.name, args.repeat)
        per_page = f"{ms / pages:8.2f}" if pages else f"{'':8}"
        plain = ""
        if fmt == "pdf":
            # the same document with the table finder disabled: the cost of text pages alone
            original = pdf_tables.PageDrawing.looks_like_table
            pdf_tables.PageDrawing.looks_like_table = property(lambda self: False)  # type: ignore[assignment]
            try:
                ms_plain, _ = best_of(data, path.name, args.repeat)
            finally:
                pdf_tables.PageDrawing.looks_like_table = original  # type: ignore[method-assign]
            plain = f"{ms_plain / (pages or 1):18.2f}"
            totals[fmt][2] += ms_plain
            tp = table_pages(data)
            if tp:
                # a table page = a text page + what the table finder adds, spread over its pages
                per_table = ms_plain / (pages or 1) + max(ms - ms_plain, 0.0) / tp
                plain += f" {tp:11d} {per_table:13.2f}"
                n_table_pages += tp
                table_extra += max(ms - ms_plain, 0.0)
        print(f"{path.name:34} {fmt:5} {pages or '':>5} {ms:8.1f} {per_page} {plain}")
        totals[fmt][0] += ms
        totals[fmt][1] += pages or 1
    print()
    for fmt, (ms, units, plain) in totals.items():
        docs = len([p for p in [*seeds, *texts] if p.suffix == f".{fmt}"])
        unit = "page" if fmt == "pdf" else "doc"
        extra = ""
        if fmt == "pdf":
            extra = f", {plain / units:.2f} ms/page without the table finder"
            if n_table_pages:
                per_table = plain / units + table_extra / n_table_pages
                extra += f"; {n_table_pages} table pages: {per_table:.2f} ms/table page"
        print(f"{fmt:5} {docs} docs, {int(units)} {unit}s: {ms / units:.2f} ms/{unit}{extra}")


if __name__ == "__main__":
    main()
