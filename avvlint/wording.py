"""Small German (and English) word lists that tell a title from a sentence.

Shared by the plain-text extractor (does a wrapped line run on?), structure detection
(is a first line a heading title?) and the rule engine (is evidence only a heading?),
so that the three agree on what a sentence looks like.
"""

from __future__ import annotations

# Articles, prepositions and conjunctions: a line or title ending on one of them breaks
# off mid-sentence ("…, falls du je eine" / "1.3 Dieser Vertrag läuft so lange wie der").
_FUNCTION = (
    "der die das des dem den ein eine einer eines einem einen und oder sowie von vom zu zur zum mit "
    "für fuer auf im an am bei nach über ueber unter durch gegen ohne dass als"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())

# … and for a title also "in", "wie", possessives, demonstratives and English particles.
_MORE_TITLE_ENDS = (
    "in wie the of and or to for with dessen deren sein seine seiner seinen ihr ihre ihrer ihren "
    "diese dieser dieses diesem diesen jede jeder jedes alle aller"
)
NO_TITLE_END = FUNCTION_WORDS | frozenset(_MORE_TITLE_ENDS.split())

# Finite verbs common in contract clauses; a heading rarely holds one.
_VERBS = (
    "ist sind wird werden hat haben kann koennen können darf duerfen dürfen muss muessen müssen soll "
    "sollen gilt gelten erfolgt erfolgen verarbeitet verpflichtet stellt trifft informiert unterstützt "
    "unterstuetzt betreibt erbringt bleibt bleiben endet beginnt läuft laeuft umfasst ergibt richtet "
    "obliegt genehmigt meldet löscht loescht gibt haftet is are shall will may must"
)
FINITE_VERBS = frozenset(_VERBS.split())
