"""Inflected forms of a lemma, from spaCy's German lookup lemmatizer table.

Rules may match on lemmas (``{lemma: löschen}`` matches ``löscht``, ``gelöscht``,
``löschte``). Instead of lemmatising every document token at check time, the
lookup table of ``spacy-lookups-data`` (the one spaCy's lookup lemmatizer uses)
is inverted once per process for the lemmas the rules ask for, so checking a
document needs no NLP pipeline at all and start-up stays fast.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from ..fold import fold_str


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    path = resources.files("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    with path.open("rb") as raw, gzip.open(raw) as fh:
        table: dict[str, str] = json.load(fh)
    return table


_WORD_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fast_fold(word: str) -> str:
    # Table entries are plain words: lowercase + umlauts is all folding does to them.
    return word.lower().translate(_WORD_FOLD)


_FORMS: dict[str, frozenset[str]] = {}


def forms_for(lemmas: set[str] | frozenset[str]) -> dict[str, frozenset[str]]:
    """Folded surface forms for each lemma (the lemma itself included), in one table pass."""
    keys = {fold_str(lem) for lem in lemmas}
    todo = keys - set(_FORMS)
    if todo:
        found: dict[str, set[str]] = {k: {k} for k in todo}
        for form, lem in _table().items():
            k = _fast_fold(lem)
            if k in found:
                found[k].add(_fast_fold(form))
        _FORMS.update({k: frozenset(v) for k, v in found.items()})
    return {k: _FORMS[k] for k in keys}


def forms_of(lemma: str) -> frozenset[str]:
    return forms_for({lemma})[fold_str(lemma)]


def lemma_of(word: str) -> str:
    """The lookup lemma of one word (folded); the word itself when unknown."""
    t = _table()
    return fold_str(t.get(word, t.get(word.lower(), t.get(word.capitalize(), word))))
