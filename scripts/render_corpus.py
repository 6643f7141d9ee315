"""Developer aid: render a TXT corpus (docs/ + gold/) as DOCX and PDF, to measure
extraction on the other formats with the same gold.

    python scripts/render_corpus.py OUT DIR [DIR ...]
    avvlint eval OUT

Hard-wrapped lines are joined into paragraphs first (the renderers wrap again); the
fixture renderer of ``make_fixtures.py`` lays out headings, lists and tables.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import make_fixtures as mf

_ITEM = re.compile(
    r"^\s*(?:[-*•·▪–]\s|\(?[a-z0-9]{1,2}[.)]\s|\d+(?:\.\d+)+\s|§ |ANLAGE|\||\t"
    r"|[A-H]\.\d|[IVX]+\.\s|Nr\.|NR\.)"
)


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph; list items, tables and headings stay."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        cur: list[str] = []
        for ln in block.split("\n"):
            joinable = cur and not _ITEM.match(ln) and "|" not in ln and "\t" not in ln
            if joinable and not cur[-1].rstrip().endswith(":") and len(cur[-1].strip()) > 35:
                cur[-1] = cur[-1].rstrip() + " " + ln.strip()
            else:
                cur.append(ln)
        out.append("\n".join(cur))
    return "\n\n".join(out)


def main(argv: list[str]) -> int:
    out, sources = Path(argv[0]), [Path(a) for a in argv[1:]]
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(exist_ok=True)
    for src in sources:
        for doc in sorted((src / "docs").glob("*.txt")):
            gold = src / "gold" / f"{doc.stem}.yaml"
            if not gold.is_file():
                continue
            items = mf.parse_seed(unwrap(doc.read_text(encoding="utf-8")))
            for ext, render in (("docx", mf.render_docx), ("pdf", mf.render_pdf)):
                name = f"{doc.stem}_{ext}"
                render(items, out / "docs" / f"{name}.{ext}", f"AVV {doc.stem[:3]} – Vertragsunterlage")
                text = gold.read_text(encoding="utf-8")
                text = re.sub(r"(?m)^document: .*$", f"document: {name}.{ext}", text, count=1)
                (out / "gold" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
