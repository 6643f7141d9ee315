"""Durations in contract text: ``spätestens innerhalb von vierundzwanzig (24) Stunden`` -> 24 h.

A pure scanner over *folded* text (see :mod:`avvlint.fold`): it knows nothing about
deadline kinds or documents. It finds every number-with-unit, normalises it to hours
by the catalogue's rules and notes the words around it that say what the number
bounds (``spätestens``, ``mindestens``, ``im Voraus``, ``nach``):

- digits (``30``, ``1,5``), German and English number words, compounds included
  (``vierundzwanzig``, ``forty-eight``), articles as one (``einer Woche``, ``a month``),
  doubled forms (``vierzehn (14) Tagen``, ``3 (drei) Tage``);
- units and abbreviations (``Stunden``, ``Std.``, ``h``, ``Kalendertage``,
  ``Werktage``, ``business days``, ``Wochen``, ``Monate``, ``Jahre``), glued compounds
  (``72-Stunden-Frist``, ``30-Tage-Frist``, ``vierwöchige``, ``24h``);
- ranges (``30-90 Tage``, ``30 bis 60 Tage``, ``zwischen 30 und 60 Tagen``): the upper
  bound is the value, the lower bound is kept.

Offsets are offsets into the scanned string; callers map them back to the document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .numbers import parse_english_number, parse_german_number

Unit = str  # "hours" | "days" | "working_days" | "weeks" | "months" | "years"

HOURS_PER_UNIT: dict[str, float] = {
    "hours": 1.0,
    "days": 24.0,
    "weeks": 168.0,
    "months": 720.0,
    "years": 8760.0,
}
UNITS: tuple[str, ...] = ("hours", "days", "working_days", "weeks", "months", "years")


def to_hours(value: float, unit: Unit) -> float:
    """Normalise to hours; working days count worst case: n + 2*ceil(n/5) calendar days."""
    if unit == "working_days":
        return (value + 2 * math.ceil(value / 5)) * 24.0
    return value * HOURS_PER_UNIT[unit]


@dataclass(frozen=True, slots=True)
class Duration:
    """One number-with-unit found in a text."""

    start: int  # span of the whole expression (number(s) and unit)
    end: int
    value: float  # the upper bound as written, in ``unit``
    unit: Unit
    hours: float
    lower_value: float | None = None  # lower bound of a range
    lower_hours: float | None = None
    bound: str | None = None  # "max" (spätestens, binnen ...) | "min" (mindestens ...) | None
    anchor: str | None = None  # "before" (vor, im Voraus) | "after" (nach, ab) | None
    words: tuple[str, ...] = ()  # the direction words found, folded
    periodic: bool = False  # "alle 90 Tage", "24 hours a day": a frequency, not a deadline
    conflict: bool = False  # doubled form whose two numbers disagree: "vierzehn (15) Tage"

    @property
    def is_range(self) -> bool:
        return self.lower_value is not None


# --- tokens -----------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?:,\d+)?|[a-z]+|\S")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def is_digit(self) -> bool:
        # isdecimal, not isdigit: footnote markers ("Anlage 1.¹") are digits to str.isdigit
        return self.text[0].isdecimal()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# --- units ------------------------------------------------------------------

# Exact unit words (folded). Compounds such as "stundenfrist" or "werktagen" are
# handled by the stems below.
_UNIT_WORDS: dict[str, Unit] = {
    "h": "hours",
    "std": "hours",
    "stdn": "hours",
    "hrs": "hours",
    "hr": "hours",
    "hour": "hours",
    "hours": "hours",
    "tg": "days",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wochen": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}
# German stems (a token starting with one counts): longest first.
_UNIT_STEMS: tuple[tuple[str, Unit], ...] = (
    ("bankarbeitstag", "working_days"),
    ("bankgeschaeftstag", "working_days"),
    ("geschaeftstag", "working_days"),
    ("arbeitstag", "working_days"),
    ("werktag", "working_days"),
    ("kalendertag", "days"),
    ("kalenderwoche", "weeks"),
    ("kalendermonat", "months"),
    ("kalenderjahr", "years"),
    ("stunde", "hours"),
    ("stunden", "hours"),
    ("tag", "days"),
    ("woche", "weeks"),
    ("monat", "months"),
    ("jahr", "years"),
)
# Adjective compounds: "vierwoechige", "30-taegige", "dreimonatige", "24-stuendige".
_ADJ_STEMS: tuple[tuple[str, Unit], ...] = (
    ("werktaegig", "working_days"),
    ("arbeitstaegig", "working_days"),
    ("kalendertaegig", "days"),
    ("stuendig", "hours"),
    ("taegig", "days"),
    ("woechig", "weeks"),
    ("monatig", "months"),
    ("jaehrig", "years"),
)
# Tokens that do not start with a unit stem but would: "tagung", "tagesordnung".
_NOT_UNITS: frozenset[str] = frozenset(
    {"tagung", "tagungen", "tagesordnung", "tagesdatum", "tagessatz", "tagessaetze", "jahresabschluss"}
)
# Words allowed between a number and its unit.
_FILLERS: frozenset[str] = frozenset(
    {
        "volle",
        "vollen",
        "voller",
        "vollendete",
        "vollendeten",
        "aufeinanderfolgende",
        "aufeinanderfolgenden",
        "weitere",
        "weiteren",
        "zusammenhaengende",
        "zusammenhaengenden",
        "full",
        "consecutive",
        "further",
        "additional",
        "clear",
        "calendar",
        "kalender",
    }
)
_WORKING_PREFIX: frozenset[str] = frozenset({"business", "working", "work", "banking"})


def _unit_of(word: str) -> Unit | None:
    if word in _UNIT_WORDS:
        return _UNIT_WORDS[word]
    if word in _NOT_UNITS:
        return None
    for stem, unit in _UNIT_STEMS:
        if word.startswith(stem):
            return unit
    return None


def unit_of(word: str) -> Unit | None:
    """The unit a folded word names ("werktagen" -> working days), or ``None``."""
    return _unit_of(word)


def _adjective_unit(word: str) -> tuple[str, Unit] | None:
    """``"vierwoechige"`` -> ("vier", "weeks"); ``"taegige"`` -> ("", "days")."""
    for stem, unit in _ADJ_STEMS:
        i = word.find(stem)
        if i >= 0:
            return word[:i], unit
    return None


# --- numbers ----------------------------------------------------------------

_EN_NUMBER_PARTS: frozenset[str] = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fourty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "and",
    ]
)
# German articles read as "one" only directly before a unit.
_DE_ARTICLES: frozenset[str] = frozenset({"ein", "eine", "einer", "eines", "einem", "einen"})
_EN_ARTICLES: frozenset[str] = frozenset({"a", "an", "one"})


def _number_at(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse a number starting at token ``i``; returns (value, index after it)."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.is_digit:
        return float(t.text.replace(",", ".")), i + 1
    if not t.is_word:
        return None
    # "ein halbes Jahr", "eines halben Tages", "a half day"
    if t.text in _DE_ARTICLES | {"a"} and i + 1 < len(toks) and toks[i + 1].text.startswith("halb"):
        return 0.5, i + 2
    # English phrases span tokens: "forty - eight", "one hundred and eighty".
    if t.text in _EN_NUMBER_PARTS and t.text != "and":
        best: tuple[float, int] | None = None
        j = i
        words: list[str] = []
        while j < len(toks) and (toks[j].text in _EN_NUMBER_PARTS or toks[j].text == "-"):
            if toks[j].text != "-":
                words.append(toks[j].text)
                value = parse_english_number(" ".join(words))
                if value is not None:
                    best = (value, j + 1)
            j += 1
        if best is not None:
            return best
    value = parse_german_number(t.text)
    if value is not None:
        return float(value), i + 1
    if t.text in _EN_ARTICLES:
        return 1.0, i + 1
    return None


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float
    start: int  # token index
    end: int  # token index after
    conflict: bool = False
    is_article: bool = False


def _quantity_at(toks: list[_Tok], i: int) -> _Quantity | None:
    """A number, optionally doubled: ``vierzehn (14)``, ``3 (drei)``."""
    got = _number_at(toks, i)
    if got is None:
        return None
    value, j = got
    is_article = toks[i].text in _DE_ARTICLES | _EN_ARTICLES and j == i + 1
    # doubled form: NUMBER "(" NUMBER ")"
    if j + 2 < len(toks) and toks[j].text == "(":
        inner = _number_at(toks, j + 1)
        if inner is not None and inner[1] < len(toks) and toks[inner[1]].text == ")":
            return _Quantity(value, i, inner[1] + 1, conflict=inner[0] != value)
    return _Quantity(value, i, j, is_article=is_article)


# --- direction words --------------------------------------------------------

# (phrase as folded token sequence, bound, anchor)
_BEFORE_WORDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("spaetestens", "max", None),
    ("spaetestens jedoch", "max", None),
    ("binnen", "max", None),
    ("innert", "max", None),
    ("innerhalb", "max", None),
    ("innerhalb von", "max", None),
    ("laengstens", "max", None),
    ("hoechstens", "max", None),
    ("maximal", "max", None),
    ("max", "max", None),
    ("bis zu", "max", None),
    ("bis", "max", None),
    ("nicht mehr als", "max", None),
    ("within", "max", None),
    ("no later than", "max", None),
    ("not later than", "max", None),
    ("at the latest", "max", None),
    ("up to", "max", None),
    ("not more than", "max", None),
    ("no more than", "max", None),
    ("not exceeding", "max", None),
    ("at most", "max", None),
    ("maximum", "max", None),
    ("a maximum of", "max", None),
    ("mindestens", "min", None),
    ("wenigstens", "min", None),
    ("minimum", "min", None),
    ("min", "min", None),
    ("nicht weniger als", "min", None),
    ("at least", "min", None),
    ("not less than", "min", None),
    ("no less than", "min", None),
    ("a minimum of", "min", None),
    ("alle", None, "periodic"),
    ("every", None, "periodic"),
    ("nach", None, "after"),
    ("nach ablauf von", None, "after"),
    ("after", None, "after"),
    ("ab", None, "after"),
    ("fuer", None, None),
    ("for", None, None),
    ("von", None, None),
    ("vor", None, "before"),
)
_AFTER_WORDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("im voraus", None, "before"),
    ("vorab", None, "before"),
    ("vorher", None, "before"),
    ("zuvor", None, "before"),
    ("vor", None, "before"),
    ("in advance", None, "before"),
    ("prior", None, "before"),
    ("before", None, "before"),
    ("beforehand", None, "before"),
    ("vorlauf", None, "before"),
    ("vorlauffrist", None, "before"),
    ("vorankuendigung", None, "before"),
    ("vorankuendigungsfrist", None, "before"),
    ("nach", None, "after"),
    ("ab", None, "after"),
    ("after", None, "after"),
    ("following", None, "after"),
    ("from", None, "after"),
    ("of", None, "after"),
    ("lang", None, None),
    ("at the latest", "max", None),
    ("spaetestens", "max", None),
    ("maximal", "max", None),
    ("hoechstens", "max", None),
    ("or less", "max", None),
    ("or more", "min", None),
    ("mindestens", "min", None),
)


def _phrases(
    entries: tuple[tuple[str, str | None, str | None], ...],
) -> list[tuple[list[str], str | None, str | None]]:
    out = [(p.split(), b, a) for p, b, a in entries]
    out.sort(key=lambda e: -len(e[0]))
    return out


_BEFORE = _phrases(_BEFORE_WORDS)
_AFTER = _phrases(_AFTER_WORDS)
# Skipped while looking backwards for direction words: "spätestens jedoch innerhalb von".
_BACK_SKIP: frozenset[str] = frozenset(
    {"jedoch", "aber", "von", "der", "die", "den", "dem", "des", "also", ",", "["}
)


def _direction(toks: list[_Tok], first: int, last: int) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Direction words just before token ``first`` and just after token ``last``."""
    bound: str | None = None
    anchor: str | None = None
    words: list[str] = []
    # backwards: up to 5 tokens, phrases may stack ("spaetestens jedoch innerhalb von")
    j = first
    steps = 0
    while j > 0 and steps < 5:
        matched = False
        for phrase, b, a in _BEFORE:
            n = len(phrase)
            if j - n >= 0 and [t.text for t in toks[j - n : j]] == phrase:
                words.insert(0, " ".join(phrase))
                bound = bound or b
                anchor = anchor or a
                j -= n
                matched = True
                break
        if not matched:
            if toks[j - 1].text in _BACK_SKIP:
                j -= 1
            else:
                break
        steps += 1
    # forwards: one phrase ("30 Tage im Voraus", "48 hours prior to")
    k = last
    for phrase, b, a in _AFTER:
        n = len(phrase)
        if [t.text for t in toks[k : k + n]] == phrase:
            words.append(" ".join(phrase))
            bound = bound or b
            if a == "before" or anchor is None or anchor == "periodic":
                anchor = a if anchor != "periodic" else anchor
            break
    return bound, anchor, tuple(words)


# --- scanner ----------------------------------------------------------------


def _unit_at(toks: list[_Tok], j: int, prev_end: int) -> tuple[Unit, int] | None:
    """The unit at token ``j`` (after optional glue and fillers); returns (unit, index after)."""
    working = False
    steps = 0
    while j < len(toks) and steps < 3:
        t = toks[j]
        # "]" closes a template's fill-in: "mit einer Frist von [mindestens 4] Wochen"
        if t.text in {"-", "]"} or (t.text in {"(", ")"} and j + 1 < len(toks) and toks[j + 1].text == "-"):
            j += 1
            steps += 1
            continue
        if t.text in _FILLERS:
            j += 1
            steps += 1
            continue
        if t.text in _WORKING_PREFIX:
            working = True
            j += 1
            steps += 1
            continue
        break
    if j >= len(toks) or not toks[j].is_word:
        return None
    word = toks[j].text
    # "d" only glued to digits ("30d"); otherwise it is a list marker or a letter
    if word == "d":
        return ("days", j + 1) if toks[j].start == prev_end else None
    if word in {"h", "std"} and toks[j].start != prev_end and j + 1 < len(toks) and toks[j + 1].text == ")":
        return None  # "(h)" list markers
    unit = _unit_of(word)
    if unit is None:
        adj = _adjective_unit(word)
        if adj is not None and adj[0] == "":
            unit = adj[1]
    if unit is None:
        return None
    if working and unit == "days":
        unit = "working_days"
    return unit, j + 1


# "einmal innerhalb von zwölf Monaten", "once in any twelve-month period": how often, not how long
_FREQUENCY_WORDS: frozenset[str] = frozenset(
    {"einmal", "zweimal", "dreimal", "viermal", "einmalig", "once", "twice", "thrice"}
)
_FREQUENCY_LINKS: frozenset[str] = frozenset(
    {"in", "im", "pro", "je", "innerhalb", "von", "eines", "einer", "einem", "jedes", "jeder", "jedem",
     "binnen", "any", "a", "an", "per", "each", "every", "within", "during", "of", "the", "one",
     # "einmal in jeder Periode von 12 Monaten", "once in any rolling period of twelve months"
     "periode", "zeitraum", "zeitraums", "zeitraumes", "rollierenden", "laufenden", "period", "rolling"}
)  # fmt: skip


def _is_frequency_before(toks: list[_Tok], first: int) -> bool:
    j = first - 1
    while j >= 0 and first - j <= 6:
        word = toks[j].text
        if word in _FREQUENCY_WORDS:
            return True
        if word not in _FREQUENCY_LINKS:
            return False
        j -= 1
    return False


def _is_periodic_after(toks: list[_Tok], k: int) -> bool:
    """``24 hours a day``, ``7 Tage die Woche``, ``24/7``."""
    nxt = [t.text for t in toks[k : k + 3]]
    if nxt[:1] == ["/"]:
        return True
    if nxt[:1] and nxt[0] in {"a", "per", "pro", "je", "die", "im", "in"} and len(nxt) > 1:
        return _unit_of(nxt[1]) is not None
    return False


def find_durations(text: str) -> list[Duration]:
    """Every duration in folded ``text``, in order of appearance."""
    toks = _tokens(text)
    out: list[Duration] = []
    i = 0
    while i < len(toks):
        d, nxt = _duration_at(toks, i)
        if d is None:
            i += 1
            continue
        out.append(d)
        i = nxt
    return out


def _duration_at(toks: list[_Tok], i: int) -> tuple[Duration | None, int]:
    t = toks[i]
    # "vierwoechige", "dreimonatige": number and unit glued into one adjective
    if t.is_word:
        adj = _adjective_unit(t.text)
        if adj is not None and adj[0]:
            value = parse_german_number(adj[0])
            if value is not None:
                return _make(toks, i, i + 1, float(value), adj[1], None), i + 1
    # "zwischen 30 und 60 Tagen", "between 30 and 60 days"
    if t.text in {"zwischen", "between"}:
        q1 = _quantity_at(toks, i + 1)
        if q1 is not None and q1.end < len(toks) and toks[q1.end].text in {"und", "and"}:
            q2 = _quantity_at(toks, q1.end + 1)
            if q2 is not None:
                unit = _unit_at(toks, q2.end, toks[q2.end - 1].end)
                if unit is not None:
                    return _make(toks, i, unit[1], q2.value, unit[0], q1.value), unit[1]
        return None, i + 1
    q1 = _quantity_at(toks, i)
    if q1 is None:
        return None, i + 1
    if q1.is_article and i > 0 and _unit_of(toks[i - 1].text) is not None:
        return None, i + 1  # "24 hours a day": a rate, not a second duration
    # a digit glued to a letter inside a word ("TLS1") or a section number ("Art. 33") is
    # ruled out by requiring a unit next
    j = q1.end
    lower: float | None = None
    upper = q1
    # ranges: "30-90 Tage", "30 bis 90 Tage", "30 to 90 days", "30 bis maximal 90 Tage"
    if j < len(toks) and toks[j].text in {"-", "bis", "to", "oder", "or"}:
        k = j + 1
        if k < len(toks) and toks[k].text in {"maximal", "max", "zu", "hoechstens"}:
            k += 1
        q2 = _quantity_at(toks, k)
        if q2 is not None and not q2.is_article and q2.value >= q1.value:
            lower, upper = q1.value, q2
            j = q2.end
        # "30 Tage bis 90 Tage" is not handled as a range: two durations are reported
    unit = _unit_at(toks, j, toks[j - 1].end)
    if unit is None:
        return None, i + 1
    return _make(toks, i, unit[1], upper.value, unit[0], lower, conflict=q1.conflict or upper.conflict), unit[
        1
    ]


def _make(
    toks: list[_Tok],
    first: int,
    after: int,
    value: float,
    unit: Unit,
    lower: float | None,
    conflict: bool = False,
) -> Duration:
    bound, anchor, words = _direction(toks, first, after)
    periodic = anchor == "periodic" or _is_periodic_after(toks, after) or _is_frequency_before(toks, first)
    if anchor == "periodic":
        anchor = None
    return Duration(
        start=toks[first].start,
        end=toks[after - 1].end,
        value=value,
        unit=unit,
        hours=to_hours(value, unit),
        lower_value=lower,
        lower_hours=to_hours(lower, unit) if lower is not None else None,
        bound=bound,
        anchor=anchor,
        words=words,
        periodic=periodic,
        conflict=conflict,
    )


def parse_duration(text: str) -> Duration | None:
    """The first duration in ``text`` (folded), or ``None``: ``"72 Stunden"`` -> 72 h."""
    found = find_durations(text)
    return found[0] if found else None
