"""Folding for matching: Markdown marks dropped, offsets back into the user's text."""

from __future__ import annotations

import pytest

from avvlint.fold import fold, same_spelling


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("## § 1 Gegenstand", "§ 1 gegenstand"),
        ("Der __Auftragnehmer__ und _kursiv_", "der auftragnehmer und kursiv"),
        ("Der **Auftragnehmer**", "der auftragnehmer"),
        ("Frist: ____ Tagen", "frist: ____ tagen"),  # fill-in blanks stay
        ("user_id und snake_case", "user_id und snake_case"),
        ("Nr. #5 und C#", "nr. #5 und c#"),
    ],
)
def test_markdown_marks(text: str, folded: str) -> None:
    assert fold(text).text == folded


def test_offsets_map_back_around_dropped_marks() -> None:
    text = "## Meldung binnen __24 Stunden__."
    f = fold(text)
    i = f.text.index("24 stunden")
    s, e = f.to_source(i, i + len("24 stunden"))
    assert text[s:e] == "24 Stunden"


def test_umlaut_spellings() -> None:
    assert same_spelling("Rueckgabe", "Rückgabe") and same_spelling("dreissig", "dreißig")
