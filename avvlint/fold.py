"""Spelling-insensitive matching view of a text, with offsets back to the original.

Rules and deadline patterns never see the user's text directly: they match a
*folded* copy in which case, umlaut transliterations (``Rueckgabe`` = ``Rückgabe``,
``dreissig`` = ``dreißig``), quote and dash variants, Markdown emphasis and runs
of white space no longer matter. Every folded character remembers the offset it
came from, so a match in the folded text maps back to the exact words the user
sees. The user's text is never rewritten.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

_CHAR_MAP: dict[str, str] = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "ẞ": "ss",
    "é": "e",
    "è": "e",
    "ê": "e",
    "à": "a",
    "â": "a",
    "ç": "c",
    "ô": "o",
    "î": "i",
    "„": '"',
    "“": '"',
    "”": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "″": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "‛": "'",
    "‹": "'",
    "›": "'",
    "´": "'",
    "`": "'",
    "′": "'",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "―": "-",
    "−": "-",
    "⁃": "-",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u2060": "",
    "*": "",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬀ": "ff",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬅ": "st",
    "ﬆ": "st",
    "…": "...",
}
_SPACE = re.compile(r"\s")
# Markdown marks that are not words: "#" heading marks at a line start and "_"/"__"
# emphasis around words. Runs of three or more underscores are fill-in blanks and stay.
_MD_HEADING_MARK = re.compile(r"(?m)^[ \t]*(#{1,6})(?=[ \t])")
_MD_UNDERSCORE = re.compile(r"(?<![\w_])(__?)(?=[^\s_])|(?<=[^\s_])(__?)(?![\w_])")


def _markup_offsets(text: str) -> set[int]:
    """Offsets of Markdown heading and underscore-emphasis marks, dropped when folding."""
    out: set[int] = set()
    if "#" in text:
        for m in _MD_HEADING_MARK.finditer(text):
            out.update(range(m.start(1), m.end(1)))
    if "_" in text:
        for m in _MD_UNDERSCORE.finditer(text):
            g = 1 if m.group(1) else 2
            out.update(range(m.start(g), m.end(g)))
    return out


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, its offset in the original."""

    text: str
    origin: tuple[int, ...]
    source_len: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span back to the original span it covers."""
        if not self.origin:
            return 0, 0
        if start >= len(self.origin):
            return self.source_len, self.source_len
        s = self.origin[start]
        e = self.origin[end - 1] + 1 if end > start else s
        return s, e

    def from_source(self, offset: int) -> int:
        """Smallest folded index whose source offset is >= ``offset``."""
        return bisect.bisect_left(self.origin, offset)


def fold_char(ch: str) -> str:
    low = ch.lower()
    return _CHAR_MAP.get(low, _CHAR_MAP.get(ch, low))


# Runs of plain ASCII (no white space, no Markdown marks) fold by lowercasing alone; they
# are copied in bulk, which makes folding a long contract several times faster.
_RUN = re.compile(r"[A-Za-z0-9.,;:()/\-'\"?!§%&+=<>\[\]{}|~^$\\@]+")


def fold(text: str, *, keep_newlines: bool = False) -> Folded:
    """Fold ``text`` for matching.

    Lowercases, transliterates umlauts and ß, unifies quotes/dashes, drops soft
    hyphens, zero-width characters and Markdown marks (emphasis ``*``/``_``, heading
    ``#``), and collapses
    white space to one space (newlines too unless ``keep_newlines``).
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    origin: list[int] = []
    prev_space = True  # also strips leading white space
    markup = _markup_offsets(text)
    i, n = 0, len(text)
    while i < n:
        run = _RUN.match(text, i)
        if run is not None:
            j = run.end()
            out.append(run.group().lower())
            origin.extend(range(i, j))
            prev_space = False
            i = j
            continue
        ch = text[i]
        if markup and i in markup:
            i += 1
            continue
        if ch == "\n" and keep_newlines:
            if out and out[-1] == " ":
                out[-1] = "\n"
            else:
                out.append("\n")
                origin.append(i)
            prev_space = True
            i += 1
            continue
        if _SPACE.match(ch):
            if not prev_space:
                out.append(" ")
                origin.append(i)
                prev_space = True
            i += 1
            continue
        rep = fold_char(ch)
        if rep:
            if len(rep) == 1 and not rep.isascii():
                # Strip remaining accents so that e.g. "Sèvres" matches "Sevres".
                decomp = unicodedata.normalize("NFD", rep)
                base = "".join(c for c in decomp if not unicodedata.combining(c))
                rep = base or rep
            out.append(rep)
            origin.extend([i] * len(rep))
            prev_space = False
        i += 1
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Folded("".join(out), tuple(origin), len(text))


_PLAIN = re.compile(r"[a-z0-9 .,;:()/\-'\"?!§%&+=<>\[\]{}|~^$\\]*")


def fold_str(text: str) -> str:
    """Folded text only (for patterns and comparisons)."""
    low = text.lower()
    if _PLAIN.fullmatch(low) and "  " not in low:
        return low.strip()  # plain ASCII: folding is just lowercasing
    return fold(text).text


def same_spelling(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in case, umlaut spelling, quotes or spacing."""
    return fold_str(a) == fold_str(b)
