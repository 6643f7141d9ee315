"""Normalisation of extracted text for display and offsets.

Applied once by every extractor, so that the text a user sees in reports is
clean (NFC, no ligatures, no soft hyphens, one newline convention) while the
wording itself is untouched. Matching-only folding lives in ``fold``.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "
)
_TRAILING_WS = re.compile(r"[ \t]+$", re.MULTILINE)


def normalize_text(text: str) -> str:
    """NFC, ligatures resolved, soft hyphens and zero-width characters removed,
    exotic spaces made plain, CRLF/CR made LF. Keeps words, line breaks and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for lig, rep in _LIGATURES.items():
        if lig in text:
            text = text.replace(lig, rep)
    text = text.translate(_INVISIBLE).translate(_SPACES)
    return unicodedata.normalize("NFC", text)


def normalize_line(line: str) -> str:
    """``normalize_text`` plus folded inner white space, for one extracted line."""
    return " ".join(normalize_text(line).split())


def strip_trailing_whitespace(text: str) -> str:
    return _TRAILING_WS.sub("", text)
