"""Joining visual lines back into running text, undoing line-end hyphenation.

A typesetter splits ``Auftragsverarbeitung`` as ``Auftragsverarbei-`` / ``tung``;
the hyphen must go. A real compound broken at its own hyphen
(``Sub-`` / ``Auftragsverarbeiter``, ``Art.-`` / ``32-Maßnahmen``) keeps it, and
a suspended compound (``Daten-`` / ``und Informationssicherheit``) keeps the
hyphen *and* the space.
"""

from __future__ import annotations

from collections.abc import Iterable

_HYPHENS = ("-", "\u2010", "\u00ad")
# Words after which a trailing hyphen is a suspended compound ("Zutritts- und Zugangskontrolle").
_SUSPENSION_WORDS = frozenset(
    {"und", "oder", "bzw", "bzw.", "sowie", "als", "noch", "wie", "bis", "u.", "or", "and"}
)


def ends_with_hyphen(text: str) -> bool:
    """True for a word broken at the line end (a hyphen right after a letter, digit or dot)."""
    t = text.rstrip()
    return len(t) >= 2 and t.endswith(_HYPHENS) and (t[-2].isalnum() or t[-2] == ".")


def join_pair(left: str, right: str, *, hyphenated: bool | None = None) -> str:
    """Join two consecutive lines of one paragraph.

    ``hyphenated`` says the left line ended in a line-end hyphen that PDFium already
    removed (its ``\\ufffe`` marker); ``None`` means: look at the text.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if hyphenated is None:
        hyphenated = ends_with_hyphen(left)
        if hyphenated:
            left = left[:-1]
    elif hyphenated and left.endswith(_HYPHENS):
        left = left[:-1]
    if not hyphenated:
        return f"{left} {right}"
    first_word = right.split(None, 1)[0]
    if first_word.lower() in _SUSPENSION_WORDS:
        return f"{left}- {right}"
    head = right[0]
    prev = left[-1]
    if head.islower() and prev.isalpha():
        # "Auftragsverarbei-" + "tung": a word split for the line, the hyphen was not in it.
        return left + right
    # "Sub-" + "Auftragsverarbeiter", "Art.-" + "32-Maßnahmen", "E-" + "Mail": a real hyphen.
    return f"{left}-{right}"


def join_lines(lines: Iterable[str]) -> str:
    """Join a paragraph's lines with spaces, resolving line-end hyphens."""
    out = ""
    for line in lines:
        out = join_pair(out, line) if out else line.strip()
    return out
