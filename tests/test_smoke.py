"""End-to-end smoke test on the shipped seeds."""

from pathlib import Path

import avvlint
from avvlint.catalogue import REQUIREMENT_IDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "docs").glob("00*.txt"))


def test_every_seed_yields_every_requirement() -> None:
    assert len(SEEDS) == 5
    for seed in SEEDS:
        report = avvlint.check_path(seed)
        assert report.error is None
        assert [r.id for r in report.requirements] == list(REQUIREMENT_IDS)
        assert report.format == "txt"
