"""German and English number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from avvlint.deadlines.numbers import (
    english_words,
    german_words,
    parse_english_number,
    parse_german_number,
    parse_number,
)
from avvlint.fold import fold_str


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("vierundzwanzig", 24),
        ("zweiundsiebzig", 72),
        ("achtundvierzig", 48),
        ("dreißig", 30),
        ("dreissig", 30),
        ("DREISSIG", 30),
        ("sechzig", 60),
        ("neunzig", 90),
        ("hundertachtzig", 180),
        ("einhundertachtzig", 180),
        ("zwölf", 12),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("einundzwanzig", 21),
        ("zweihundertvierzig", 240),
        ("tausend", 1000),
        ("eins", 1),
        ("einer", 1),
        ("eines", 1),
        ("einem", 1),
        ("einen", 1),
        ("zwo", 2),
        ("anderthalb", 1.5),
        ("eineinhalb", 1.5),
    ],
)
def test_german_words(word: str, value: float) -> None:
    assert parse_german_number(fold_str(word)) == value


@pytest.mark.parametrize(
    "word", ["acht-", "hundertundfoo", "einsundzwanzig", "zwanzigvier", "tage", "", "und"]
)
def test_german_non_numbers(word: str) -> None:
    assert parse_german_number(word) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("forty-eight", 48),
        ("seventy two", 72),
        ("one hundred and eighty", 180),
        ("ninety", 90),
        ("fourteen", 14),
        ("twenty-one", 21),
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two thousand and five", 2005),
    ],
)
def test_english_words(phrase: str, value: float) -> None:
    assert parse_english_number(phrase) == value


@pytest.mark.parametrize("phrase", ["eight nine", "twelve three", "forty fifty", "days", "hundred hundred"])
def test_english_non_numbers(phrase: str) -> None:
    assert parse_english_number(phrase) is None


def test_parse_number_digits_and_decimals() -> None:
    assert parse_number("30") == 30
    assert parse_number("1,5") == 1.5
    assert parse_number("vierzehn") == 14
    assert parse_number("fourteen") == 14
    assert parse_number("x") is None


@given(st.integers(min_value=1, max_value=9999))
def test_german_words_round_trip(n: int) -> None:
    assert parse_german_number(german_words(n)) == n


@given(st.integers(min_value=1, max_value=9999))
def test_english_words_round_trip(n: int) -> None:
    assert parse_english_number(english_words(n)) == n


def test_word_forms_are_the_usual_spellings() -> None:
    assert german_words(24) == "vierundzwanzig"
    assert german_words(101) == "einhunderteins"
    assert english_words(48) == "forty-eight"
    assert english_words(180) == "one hundred and eighty"
