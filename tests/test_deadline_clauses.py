"""The deadline finder on a table of hand-written clauses (tests/data/deadline_clauses*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from avvlint.analysis import Analysis
from avvlint.deadlines import find_deadlines, primary_deadlines
from avvlint.extract import extract_bytes
from avvlint.policy import DEADLINE_KINDS

DATA = Path(__file__).parent / "data"


def _cases() -> list[Any]:
    out = []
    for path in sorted(DATA.glob("deadline_clauses*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            out.append(pytest.param(case, id=f"{path.stem}-{i}-{case['text'][:40]}"))
    return out


def _found(text: str, heading: str | None) -> dict[str, Any]:
    body = f"{heading}\n\n{text}\n" if heading else f"{text}\n"
    analysis = Analysis(extract_bytes(body.encode("utf-8"), "clause.txt"))
    primary = primary_deadlines(find_deadlines(analysis))
    out: dict[str, Any] = {}
    for kind, d in primary.items():
        if d.vague:
            out[kind] = "vague"
        elif d.hedged:
            out[kind] = {"hours": d.hours, "hedged": True}
        else:
            out[kind] = d.hours
    return out


@pytest.mark.parametrize("case", _cases())
def test_clause(case: dict[str, Any]) -> None:
    expected = case["expect"] or {}
    assert set(expected) <= set(DEADLINE_KINDS), "unknown kind in test table"
    assert _found(case["text"], case.get("heading")) == expected


def test_table_is_broad() -> None:
    cases = _cases()
    assert len(cases) >= 200
    kinds = {k for c in cases for k in (c.values[0]["expect"] or {})}
    assert kinds == set(DEADLINE_KINDS)
    decoys = [c for c in cases if not c.values[0]["expect"]]
    assert len(decoys) >= 30
