"""Stable finding fingerprints for baselines and SARIF ``primaryLocationLineHash``.

A fingerprint must survive edits elsewhere in the contract (a new clause above,
re-flowed lines, a different PDF page break) and change when the flagged words
change. So it hashes the rule, the requirement and the *normalised* clause text,
never offsets, lines or pages. Repeats within one document get an occurrence
suffix in GitHub's ``<hex>:<n>`` format.

The normalisation is defined here, not borrowed from ``fold``: baselines are
stored on disk, and an improvement to matching must not silently invalidate them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .report import Finding

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Quotes shorter than this are ambiguous on their own ("48 Stunden", "unverzüglich"
# recur across a contract); the section label disambiguates them. Longer clauses
# are unique by their words, and leaving the section out keeps their fingerprint
# stable when the vendor renumbers its paragraphs.
SHORT_TEXT = 40


def normalise_clause(text: str) -> str:
    """Spelling- and layout-insensitive form of a clause.

    ``Löschung  der\\nDaten`` -> ``loeschung der daten``.
    """
    t = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    t = unicodedata.normalize("NFKD", t)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", t).strip()


def base_hash(rule: str, requirement: str, text: str, section: str | None = None) -> str:
    """The 16-hex-digit hash of one finding, without occurrence suffix."""
    norm = normalise_clause(text)
    parts = [rule, requirement, norm]
    if len(norm) < SHORT_TEXT and section:
        parts.append(normalise_clause(section))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assign_fingerprints(findings: Iterable[Finding]) -> None:
    """Set ``finding.fingerprint`` to ``<hex>:<n>`` for every finding of one document.

    ``n`` counts identical base hashes in document order, starting at 1, so two
    identical quotes get distinct but reproducible fingerprints.
    """
    seen: dict[str, int] = {}
    for f in findings:
        loc = f.location
        h = base_hash(f.rule, f.requirement, loc.text if loc else "", loc.section if loc else None)
        seen[h] = seen.get(h, 0) + 1
        f.fingerprint = f"{h}:{seen[h]}"
