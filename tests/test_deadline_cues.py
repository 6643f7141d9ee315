"""The cue files of rules/deadlines are validated on load with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from avvlint.deadlines.cues import default_cue_book, load_cue_book, rules_dir
from avvlint.errors import RuleError
from avvlint.policy import DEADLINE_KINDS


def test_shipped_cues_load() -> None:
    book = default_cue_book()
    assert set(book.kinds) == set(DEADLINE_KINDS)
    assert book.vague and book.hedge and book.none_topic


def _write(tmp_path: Path, kinds: str, qualifiers: str | None = None) -> tuple[Path, Path]:
    k = tmp_path / "kinds.yml"
    q = tmp_path / "qualifiers.yml"
    k.write_text(kinds, encoding="utf-8")
    q.write_text(qualifiers or (rules_dir() / "qualifiers.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return k, q


def _shipped_kinds() -> str:
    return (rules_dir() / "kinds.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace('"datenschutzverletzung|', '"datenschutzverletzung(|', 1),
            "invalid regular expression",
        ),
        (lambda s: s.replace('"datenschutzverletzung|', '"Datenschutzverletzung|', 1), "folded (lower-case)"),
        (lambda s: s.replace('"datenschutzverletzung|', '"datenschutzverlätzung|', 1), "umlauts"),
        (lambda s: s.replace("  breach_notice:", "  breach_notification:", 1), "unknown deadline kind"),
        (lambda s: s.replace("w: 3}", "w: -1}", 1), "w must be a positive number"),
        (lambda s: s.replace("kinds:\n", "kinds: [\n", 1), "invalid YAML"),
        (lambda s: s.replace("    title: Meldung", "    titel: Meldung", 1), "unknown key"),
    ],
)
def test_broken_cue_files_name_file_and_entry(tmp_path: Path, edit, message: str) -> None:
    k, q = _write(tmp_path, edit(_shipped_kinds()))
    with pytest.raises(RuleError) as err:
        load_cue_book(k, q)
    assert err.value.code == "rule-error"
    assert str(k) in err.value.message
    assert message in err.value.message


def test_missing_kind_is_reported(tmp_path: Path) -> None:
    k, q = _write(tmp_path, "kinds:\n  breach_notice:\n    topic: [meld]\n")
    with pytest.raises(RuleError, match="kinds without cues: dsr_forwarding"):
        load_cue_book(k, q)


def test_bad_qualifier_file(tmp_path: Path) -> None:
    k, q = _write(tmp_path, _shipped_kinds(), "vague:\n  - {re: unverzueglich}\nhedge: []\n")
    with pytest.raises(RuleError, match=r"vague\[0\]: expected \{re: pattern, label: text\}"):
        load_cue_book(k, q)
