"""Number words in German and English contracts: ``vierundzwanzig`` -> 24, ``forty-eight`` -> 48.

Works on *folded* words (lower case, ``ß`` -> ``ss``, umlauts -> ``ae``/``oe``/``ue``),
so ``dreißig``, ``dreissig`` and ``DREISSIG`` are the same word. Articles count as one
(``einer Woche``, ``eines Monats``, ``a month``) because contracts use them as numbers.
The inverse functions (``german_words``, ``english_words``) exist so that tests can
write any number the way a contract would and check that it parses back.
"""

from __future__ import annotations

import re

# --- German ---------------------------------------------------------------

_DE_UNITS: dict[str, int] = {
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "zwo": 2,
    "drei": 3,
    "vier": 4,
    "fuenf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_DE_TEENS: dict[str, int] = {
    "zehn": 10,
    "elf": 11,
    "zwoelf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fuenfzehn": 15,
    "sechzehn": 16,
    "sechszehn": 16,
    "siebzehn": 17,
    "siebenzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_DE_TENS: dict[str, int] = {
    "zwanzig": 20,
    "dreissig": 30,
    "dreizig": 30,
    "vierzig": 40,
    "fuenfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "siebenzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
# Inflected forms that only occur on their own, never inside a compound.
_DE_STANDALONE: dict[str, int] = {
    "eine": 1,
    "einer": 1,
    "eines": 1,
    "einem": 1,
    "einen": 1,
    "zweier": 2,
    "dreier": 3,
    "zweien": 2,
    "dreien": 3,
}
# Fractions written as words: "eineinhalb Stunden", "anderthalb Tage".
_DE_FRACTIONS: dict[str, float] = {
    "eineinhalb": 1.5,
    "anderthalb": 1.5,
    "einundeinhalb": 1.5,
    "zweieinhalb": 2.5,
    "dreieinhalb": 3.5,
    "viereinhalb": 4.5,
    "halb": 0.5,
    "halbe": 0.5,
    "halben": 0.5,
    "halbes": 0.5,
    "halber": 0.5,
}


def _de_below_100(word: str) -> int | None:
    if word in _DE_UNITS:
        return _DE_UNITS[word]
    if word in _DE_TEENS:
        return _DE_TEENS[word]
    if word in _DE_TENS:
        return _DE_TENS[word]
    # "vierundzwanzig": unit + "und" + tens
    for tens_word, tens in _DE_TENS.items():
        if word.endswith("und" + tens_word):
            head = word[: -len("und" + tens_word)]
            if head in _DE_UNITS and head not in {"eins", "zwo"}:
                return _DE_UNITS[head] + tens
    return None


def _de_below_1000(word: str) -> int | None:
    if not word:
        return None
    if "hundert" in word:
        head, _, rest = word.partition("hundert")
        mult = 1 if head in {"", "ein"} else _DE_UNITS.get(head)
        if mult is None or head == "eins":
            return None
        if not rest:
            return mult * 100
        rest = rest.removeprefix("und")  # "hundertundzwanzig"
        low = _de_below_100(rest)
        return None if low is None else mult * 100 + low
    return _de_below_100(word)


def parse_german_number(word: str) -> float | None:
    """``"vierundzwanzig"`` -> 24; ``"einer"`` -> 1; ``"anderthalb"`` -> 1.5; else ``None``.

    ``word`` must be folded (see :mod:`avvlint.fold`).
    """
    if not word or not word.isalpha():
        return None
    if word in _DE_STANDALONE:
        return _DE_STANDALONE[word]
    if word in _DE_FRACTIONS:
        return _DE_FRACTIONS[word]
    if "tausend" in word:
        head, _, rest = word.partition("tausend")
        mult = 1 if head in {"", "ein"} else _de_below_1000(head)
        if mult is None:
            return None
        if not rest:
            return mult * 1000
        low = _de_below_1000(rest.removeprefix("und"))
        return None if low is None else mult * 1000 + low
    value = _de_below_1000(word)
    return float(value) if value is not None else None


def german_words(n: int) -> str:
    """``24`` -> ``"vierundzwanzig"`` (folded spelling); ``1 <= n < 10000``."""
    if not 1 <= n < 10000:
        raise ValueError(n)
    units = ["", "ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun"]
    teens = ["zehn", "elf", "zwoelf", "dreizehn", "vierzehn", "fuenfzehn", "sechzehn", "siebzehn"]
    teens += ["achtzehn", "neunzehn"]
    tens = ["", "", "zwanzig", "dreissig", "vierzig", "fuenfzig", "sechzig", "siebzig", "achtzig"]
    tens += ["neunzig"]

    def below_100(k: int) -> str:
        if k == 0:
            return ""
        if k == 1:
            return "eins"
        if k < 10:
            return units[k]
        if k < 20:
            return teens[k - 10]
        t, u = divmod(k, 10)
        return (units[u] + "und" if u else "") + tens[t]

    def below_1000(k: int) -> str:
        h, rest = divmod(k, 100)
        head = (units[h] + "hundert") if h else ""
        if h and rest == 1:
            return head + "eins"
        return head + below_100(rest)

    th, rest = divmod(n, 1000)
    head = (below_1000(th).removesuffix("eins") + ("ein" if th == 1 else "") + "tausend") if th else ""
    if th and rest == 1:
        return head + "eins"
    return head + below_1000(rest)


# --- English --------------------------------------------------------------

_EN_SMALL: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ARTICLES: dict[str, float] = {"a": 1, "an": 1, "half": 0.5, "one-and-a-half": 1.5}
_EN_TOKEN = re.compile(r"[a-z]+")


def parse_english_number(phrase: str) -> float | None:
    """``"forty-eight"`` -> 48, ``"one hundred and eighty"`` -> 180, ``"a"`` -> 1; else ``None``."""
    phrase = phrase.strip()
    if phrase in _EN_ARTICLES:
        return _EN_ARTICLES[phrase]
    tokens = _EN_TOKEN.findall(phrase)
    if not tokens or "".join(tokens) != re.sub(r"[\s-]", "", phrase):
        return None
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok == "and":
            continue
        if tok in _EN_SMALL:
            v = _EN_SMALL[tok]
            low = current % 100
            # "forty" + "eight" is fine, "eight" + "nine" or "twelve" + "three" is not
            if low and not (low >= 20 and low % 10 == 0 and v < 10):
                return None
            current += v
        elif tok in _EN_TENS:
            if current % 100:
                return None
            current += _EN_TENS[tok]
        elif tok == "hundred":
            if current % 100 != current or current >= 10:
                return None
            current = (current or 1) * 100
        elif tok == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def english_words(n: int) -> str:
    """``48`` -> ``"forty-eight"``; ``1 <= n < 10000``."""
    if not 1 <= n < 10000:
        raise ValueError(n)
    small = {v: k for k, v in _EN_SMALL.items()}
    tens = {v: k for k, v in _EN_TENS.items() if k != "fourty"}

    def below_100(k: int) -> str:
        if k < 20:
            return small.get(k, "")
        t, u = divmod(k, 10)
        return tens[t * 10] + (f"-{small[u]}" if u else "")

    def below_1000(k: int) -> str:
        h, rest = divmod(k, 100)
        parts = [f"{small[h]} hundred"] if h else []
        if rest:
            parts.append(("and " if h else "") + below_100(rest))
        return " ".join(parts)

    th, rest = divmod(n, 1000)
    parts = [f"{below_1000(th)} thousand"] if th else []
    if rest:
        parts.append(below_1000(rest))
    return " ".join(parts)


def parse_number(token: str) -> float | None:
    """Digits (``"30"``, ``"1,5"``), a German or an English number word."""
    token = token.strip()
    if not token:
        return None
    if token[0].isdigit():
        try:
            return float(token.replace(",", "."))
        except ValueError:
            return None
    value = parse_german_number(token)
    if value is not None:
        return value
    return parse_english_number(token)
