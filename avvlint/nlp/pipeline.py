"""A spaCy pipeline for German legal text: ``spacy.blank("de")`` with avvlint's
abbreviation-aware sentence boundaries and the lookup lemmatizer of
``spacy-lookups-data``.

The checker itself does not need it at run time: sentences come from the same
boundary function (``sentences.split_sentences``) and lemma rules are expanded
from the same lookup table when the rule pack is compiled. The pipeline is for
library users and rule authors who want spaCy ``Doc`` objects that agree with
what avvlint sees. It is built lazily, once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .sentences import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy
    from spacy.language import Language as _Language

    if not _Language.has_factory("avvlint_sentences"):

        @_Language.component("avvlint_sentences")
        def _sentences(doc):  # type: ignore[no-untyped-def]
            starts = {s for s, _ in split_sentences(doc.text)}
            for tok in doc:
                tok.is_sent_start = tok.i == 0 or tok.idx in starts
            return doc

    nlp = spacy.blank("de")
    nlp.add_pipe("avvlint_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
