"""A cheap German/English guess from function words (no model, no network)."""

from __future__ import annotations

import re

_DE = {
    "der",
    "die",
    "das",
    "und",
    "des",
    "den",
    "dem",
    "ist",
    "nicht",
    "mit",
    "von",
    "zu",
    "auf",
    "für",
    "im",
}
_EN = {"the", "and", "of", "to", "is", "not", "with", "by", "for", "in", "shall", "any", "or", "be"}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def detect_language(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    de = sum(w in _DE for w in words)
    en = sum(w in _EN for w in words)
    return "en" if en > de * 1.2 else "de"
