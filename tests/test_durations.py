"""The duration parser: numbers with units, normalised to hours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from avvlint.deadlines.durations import find_durations, parse_duration, to_hours
from avvlint.deadlines.numbers import english_words, german_words
from avvlint.fold import fold_str


def one(text: str):
    folded = fold_str(text)
    found = find_durations(folded)
    assert len(found) == 1, [folded[d.start : d.end] for d in found]
    return found[0], folded


@pytest.mark.parametrize(
    ("text", "hours", "unit", "value"),
    [
        ("24 Stunden", 24, "hours", 24),
        ("72 Std.", 72, "hours", 72),
        ("48h", 48, "hours", 48),
        ("48 h", 48, "hours", 48),
        ("36 hrs", 36, "hours", 36),
        ("vierundzwanzig (24) Stunden", 24, "hours", 24),
        ("3 (drei) Tage", 72, "days", 3),
        ("vierzehn (14) Tagen", 336, "days", 14),
        ("dreißig Tagen", 720, "days", 30),
        ("30 Kalendertage", 720, "days", 30),
        ("innert 10 Kalendertagen", 240, "days", 10),
        ("3 Werktage", 120, "working_days", 3),
        ("5 Arbeitstagen", 168, "working_days", 5),
        ("10 Geschäftstage", 336, "working_days", 10),
        ("14 Werktage", 480, "working_days", 14),
        ("zwei Wochen", 336, "weeks", 2),
        ("4 Wochen", 672, "weeks", 4),
        ("einen Monat", 720, "months", 1),
        ("eines Monats", 720, "months", 1),
        ("drei Monaten", 2160, "months", 3),
        ("einem Jahr", 8760, "years", 1),
        ("ein halbes Jahr", 4380, "years", 0.5),
        ("binnen eines Tages", 24, "days", 1),
        ("einer Woche", 168, "weeks", 1),
        ("72-Stunden-Frist", 72, "hours", 72),
        ("30-Tage-Frist", 720, "days", 30),
        ("vierwöchige Frist", 672, "weeks", 4),
        ("14-tägigen Frist", 336, "days", 14),
        ("30d", 720, "days", 30),
        ("hundertachtzig Tage", 4320, "days", 180),
        ("within forty-eight (48) hours", 48, "hours", 48),
        ("5 business days", 168, "working_days", 5),
        ("three working days", 120, "working_days", 3),
        ("one hundred and eighty days", 4320, "days", 180),
        ("a month", 720, "months", 1),
        ("thirty (30) calendar days", 720, "days", 30),
        ("1,5 Tage", 36, "days", 1.5),
    ],
)
def test_single_durations(text: str, hours: float, unit: str, value: float) -> None:
    d, _ = one(text)
    assert (d.hours, d.unit, d.value) == (hours, unit, value)


@pytest.mark.parametrize(
    ("text", "upper", "lower"),
    [
        ("30–90 Tage nach Vertragsende", 2160, 720),
        ("30 - 180 Tage", 4320, 720),
        ("30 bis 60 Tage", 1440, 720),
        ("zwischen 30 und 60 Tagen", 1440, 720),
        ("between 2 and 4 weeks", 672, 336),
        ("24-48 Stunden", 48, 24),
        ("30 bis maximal 90 Tage", 2160, 720),
    ],
)
def test_ranges_report_upper_bound_and_keep_lower(text: str, upper: float, lower: float) -> None:
    d, _ = one(text)
    assert d.hours == upper
    assert d.lower_hours == lower
    assert d.is_range


@pytest.mark.parametrize(
    ("text", "bound", "anchor"),
    [
        ("spätestens innerhalb von 24 Stunden nach Kenntnis", "max", "after"),
        ("binnen 72 Stunden", "max", None),
        ("innert 10 Tagen", "max", None),
        ("längstens 30 Tage", "max", None),
        ("mindestens 30 Tage vor dem Einsatz", "min", "before"),
        ("4 Wochen im Voraus", None, "before"),
        ("mit 30 Tagen Vorlauf", None, "before"),
        ("no later than 72 hours after discovery", "max", "after"),
        ("at least 30 days in advance", "min", "before"),
        ("30 Tage nach Vertragsende", None, "after"),
    ],
)
def test_direction_words(text: str, bound: str | None, anchor: str | None) -> None:
    d, _ = one(text)
    assert (d.bound, d.anchor) == (bound, anchor)


@pytest.mark.parametrize(
    "text",
    [
        "Art. 33 DSGVO",
        "TLS 1.2/1.3",
        "24/7",
        "ISO 27001",
        "§ 14 Abs. 2",
        "am 3. Tag",
        "einmal pro Jahr",
        "außer Acht lassen",
        "Tagesordnung",
        "AES-256",
        "Ziffer 4.¹ Tage",
        "siehe Anlage²",
    ],
)
def test_no_duration(text: str) -> None:
    assert find_durations(fold_str(text)) == []


def test_frequencies_are_marked_periodic() -> None:
    found = find_durations(fold_str("24 hours a day, seven days a week; Passwort alle 90 Tage ändern"))
    assert [d.hours for d in found] == [24, 168, 2160]
    assert all(d.periodic for d in found)


def test_words_and_digits_that_disagree_are_flagged() -> None:
    d, _ = one("vierzehn (15) Tage")
    assert d.conflict
    assert d.value == 14


def test_several_durations_in_order() -> None:
    text = fold_str("binnen 24 Stunden, spätestens aber nach 72 Stunden; Backups nach 30 Tagen")
    assert [d.hours for d in find_durations(text)] == [24, 72, 720]


def test_offsets_point_at_the_words() -> None:
    d, folded = one("Die Löschung erfolgt binnen dreißig (30) Tagen.")
    assert folded[d.start : d.end] == "dreissig (30) tagen"


def test_parse_duration_returns_first_or_none() -> None:
    assert parse_duration("72 stunden").hours == 72
    assert parse_duration("keine frist") is None


def test_working_days_worst_case() -> None:
    assert to_hours(1, "working_days") == 72
    assert to_hours(5, "working_days") == 168
    assert to_hours(6, "working_days") == (6 + 4) * 24


# --- property-based: any number, any unit, any way of writing it ------------------

_UNIT_WORDS = {
    "hours": ["Stunden", "Std.", "h", "hours"],
    "days": ["Tage", "Tagen", "Kalendertage", "days", "calendar days"],
    "working_days": ["Werktage", "Arbeitstagen", "Geschäftstage", "business days", "working days"],
    "weeks": ["Wochen", "weeks"],
    "months": ["Monate", "Monaten", "months"],
    "years": ["Jahre", "Jahren", "years"],
}


@st.composite
def written_durations(draw: st.DrawFn) -> tuple[str, int, str]:
    n = draw(st.integers(min_value=2, max_value=999))
    unit = draw(st.sampled_from(sorted(_UNIT_WORDS)))
    unit_word = draw(st.sampled_from(_UNIT_WORDS[unit]))
    style = draw(st.sampled_from(["digits", "german", "english", "german+digits", "digits+german", "glued"]))
    if style == "digits":
        number = str(n)
    elif style == "german":
        number = german_words(n)
    elif style == "english":
        number = english_words(n)
    elif style == "german+digits":
        number = f"{german_words(n)} ({n})"
    elif style == "digits+german":
        number = f"{n} ({german_words(n)})"
    else:
        number = f"{n}-"
        unit_word = unit_word.split()[-1] if unit != "working_days" else "Werktage"
    prefix = draw(st.sampled_from(["", "spätestens innerhalb von ", "binnen ", "within ", "mindestens "]))
    return f"{prefix}{number} {unit_word}".replace("- ", "-"), n, unit


@given(written_durations())
def test_any_written_number_with_any_unit_parses_back(case: tuple[str, int, str]) -> None:
    text, n, unit = case
    found = find_durations(fold_str(text))
    assert len(found) == 1, text
    assert found[0].value == n
    assert found[0].unit == unit
    assert found[0].hours == to_hours(n, unit)
