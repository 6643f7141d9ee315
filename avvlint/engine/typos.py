"""Typo tolerance: words one keystroke away from a rule's vocabulary count as that word.

Contracts contain typos ("Veranwortlichen", "Datenschutzverletzug") that would
hide a duty from exact terms. Before matching, rare long words of the document
that are within a small edit distance of a word the rules look for are read as
that word. The document text shown to users is untouched: only the folded
matching view is corrected, with offsets still pointing at the original.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..fold import Folded

_WORD = re.compile(r"[a-z][a-z\-]{6,}")
MIN_LEN = 8


def lexicon_from_literals(literals: Iterable[str]) -> frozenset[str]:
    """The words worth correcting towards: long literal words of the rules."""
    out = set()
    for lit in literals:
        for w in re.findall(r"[a-z][a-z\-]+", lit):
            if len(w) >= MIN_LEN:
                out.add(w)
    return frozenset(out)


def _inside_slip(a: str, b: str) -> bool:
    """The one extra letter is inside the word and is not an "e": an "e" comes and goes
    with umlauts (Widerspruch/Widersprüchen) and inflection, a slip near the end is an
    ending (erteilen/erteilten)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    longer = a if len(a) > len(b) else b
    umlaut = longer[i : i + 2] in {"ae", "oe", "ue"} or longer[max(0, i - 1) : i + 1] in {"ae", "oe", "ue"}
    return i <= len(b) - 3 and longer[i] not in "e-" and not umlaut


_SUFFIXES = ("", "e", "n", "s", "en", "er", "es", "em", "ens", "ern")


@lru_cache(maxsize=4)
def _index(lexicon: frozenset[str]) -> dict[str, Any]:
    """Rule words by (first letter, last letter, length), and as a set of prefixes."""
    by_shape: dict[tuple[str, str, int], list[str]] = {}
    for w in lexicon:
        by_shape.setdefault((w[0], w[-1], len(w)), []).append(w)
    return {"by_shape": by_shape, "prefixes": frozenset(lexicon)}


def corrections(text: str, lexicon: frozenset[str]) -> dict[str, str]:
    """Document word -> the rule word it is a typo of.

    A typo is one missing or extra letter inside a rule word (before an inflection
    ending), in a word the document uses at most twice, while the correct spelling
    occurs elsewhere in the same document. Substitutions are never corrected:
    they turn real words into others ("vertraglich" / "vertraulich").
    """
    from rapidfuzz.distance import Indel

    if not lexicon:
        return {}
    index = _index(lexicon)
    prefixes = index["prefixes"]
    by_shape = index["by_shape"]
    counts = Counter(_WORD.findall(text))
    vocab = set(counts)
    out: dict[str, str] = {}
    for word, n in counts.items():
        if n > 2 or len(word) < MIN_LEN:
            continue  # a word used again and again is the author's spelling, not a typo
        if any(word[:k] in prefixes for k in range(MIN_LEN, len(word) + 1)):
            continue  # starts with a rule word: spelled as the rules expect
        fix = None
        for suffix in _SUFFIXES:
            if suffix and not word.endswith(suffix):
                continue
            base = word[: len(word) - len(suffix)]
            for size in (len(base) - 1, len(base) + 1):
                for cand in by_shape.get((base[0], base[-1], size), ()):
                    if Indel.distance(base, cand, score_cutoff=1) == 1 and _inside_slip(base, cand):
                        fix = cand + suffix
                        break
                if fix:
                    break
            if fix:
                break
        if fix and any(v != word and v.startswith(fix[: max(len(fix) - 2, MIN_LEN)]) for v in vocab):
            out[word] = fix
    return out


def apply(folded: Folded, fixes: dict[str, str]) -> Folded:
    """A folded view with the corrected words; offsets still map to the original."""
    if not fixes:
        return folded
    text, origin = folded.text, folded.origin
    parts: list[str] = []
    new_origin: list[int] = []
    pos = 0
    for m in _WORD.finditer(text):
        fix = fixes.get(m.group())
        if fix is None:
            continue
        parts.append(text[pos : m.start()])
        new_origin.extend(origin[pos : m.start()])
        span = origin[m.start() : m.end()]
        parts.append(fix)
        # stretch or squeeze the word's offsets over the corrected spelling
        new_origin.extend(span[min(i, len(span) - 1)] for i in range(len(fix)))
        pos = m.end()
    parts.append(text[pos:])
    new_origin.extend(origin[pos:])
    return Folded("".join(parts), tuple(new_origin), folded.source_len)
