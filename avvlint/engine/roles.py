"""Party roles: the many names of controller and processor in real AVVs.

Contracts call the processor Auftragnehmer, Auftragsverarbeiter, Dienstleister,
Anbieter — or by its own name once the preamble defines it
(``NextGen IT Solutions GmbH (Auftragnehmer)`` … ``NextGen verarbeitet …``).
Rules write ``{processor}`` and ``{controller}``; this module says what they mean
in a given document.
"""

from __future__ import annotations

import re
from collections import Counter

# Folded regex alternatives. The lookbehind keeps "Sub-Auftragsverarbeiter" and
# "Unterauftragsverarbeiter" from counting as the processor itself.
PROCESSOR_WORDS: tuple[str, ...] = (
    r"auftragnehmer(?:in|s|innen)?",
    r"auftragsverarbeiter(?:in|s|innen)?",
    r"auftragsdatenverarbeiter(?:in|s)?",
    r"dienstleister(?:in|s)?",
    r"anbieter(?:in|s)?",
    r"lieferant(?:in|en)?",
    r"provider",
    r"processor",
    r"vendor",
    r"supplier",
    r"unternehmer(?:in|s)?",
    r"hersteller(?:in|s)?",
    r"betreiber(?:in|s)?",
)
CONTROLLER_WORDS: tuple[str, ...] = (
    r"auftraggeber(?:in|s|innen)?",
    r"verantwortliche[nmrs]?",
    r"kunde[n]?",
    r"kundin(?:nen)?",
    r"mandant(?:in|en)?",
    r"besteller(?:in|s)?",
    r"lizenznehmer(?:in|s)?",
    r"nutzer(?:in|s)?",
    r"controller",
    r"customer",
    r"client",
    r"organisation",
)
# Literal stems of the role words (what every role match starts with), for fast search.
PROCESSOR_STEMS: tuple[str, ...] = (
    "auftragnehmer", "auftragsverarbeiter", "auftragsdatenverarbeiter", "dienstleister", "anbieter",
    "lieferant", "provider", "processor", "vendor", "supplier", "unternehmer", "hersteller", "betreiber",
)  # fmt: skip
CONTROLLER_STEMS: tuple[str, ...] = (
    "auftraggeber", "verantwortliche", "kunde", "kundin", "mandant", "besteller", "lizenznehmer",
    "nutzer", "controller", "customer", "client", "organisation",
)  # fmt: skip
_GENERIC = {
    "der", "die", "das", "dem", "den", "des", "und", "oder", "zwischen", "firma", "name",
    "adresse", "vertreten", "durch", "nachfolgend", "gemeinsam", "parteien", "partei",
    "vertragspartner", "auftraggeber", "auftragnehmer", "auftragsverarbeiter", "verantwortlicher",
    "kunde", "dienstleister", "anbieter", "gmbh", "ag", "ug", "se", "kg", "inc", "ltd", "llc",
    "str", "strasse", "straße", "am", "im", "in", "an", "bei", "mit", "von", "vom", "zur", "zum",
    "avv", "vertrag", "vereinbarung", "stand", "version", "haftungsbeschränkt", "nutzer", "kundin",
}  # fmt: skip
# A role definition: "(nachfolgend „Auftragnehmer“)", "– nachstehend Auftragnehmer genannt –",
# "(„Auftragsverarbeiter“)", "(Auftragnehmer/Auftragsverarbeiter)".
_ROLE = (
    r"(auftragnehmer(?:in)?|auftragsverarbeiter(?:in)?|dienstleister(?:in)?|anbieter(?:in)?"
    r"|processor|provider)"
)
_DEFINITION = re.compile(
    r"(?:(?:nachfolgend|im\s+folgenden|nachstehend|hiernach|hereinafter|im\s+weiteren)[\s:,]*(?:auch\s+)?"
    r"(?:als\s+|der\s+|die\s+|„|\"|“|‚|'|»|\*)*\s*" + _ROLE + r"\b"
    r"|\(\s*(?:„|\"|“|‚|'|»|\*)*\s*" + _ROLE + r"\b[^()\n]{0,40}\))",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"[A-ZÄÖÜ][\w.\-&]*[\wÄÖÜäöüß]")


def detect_processor_names(text: str) -> list[str]:
    """Names the preamble gives the processor (``NextGen``, ``Janeway.io``, ``KrambergAI``).

    A name counts only if it is used again later, so that a one-off company name
    in the header does not widen the matching.
    """
    head = text[:6000]
    names: list[str] = []
    for m in _DEFINITION.finditer(head):
        # look at the text right before the definition: the company and its address
        before = head[max(0, m.start() - 260) : m.start()]
        # stop at the start of the party block ("zwischen", "und", "(2)", blank line)
        bounds = list(re.finditer(r"\n|\bund\b|\bzwischen\b|\(\d\)|\)", before, re.IGNORECASE))
        chunk = before[bounds[-1].end() :] if bounds else before
        if not chunk.strip() and len(bounds) >= 2:
            # "KrambergAI\n\n– nachfolgend „Auftragsverarbeiter“ –": the name is on the line before
            chunk = before[bounds[-2].end() : bounds[-1].start()]
        for tok in _NAME_TOKEN.findall(chunk):
            low = tok.lower().strip(".")
            if low in _GENERIC or len(low) < 3 or low.isdigit():
                continue
            names.append(tok.rstrip("."))
            break
    counts = Counter(names)
    out: list[str] = []
    for name in counts:
        # The name must recur in the body (as subject of duties), not just in the header.
        if len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 3 and name not in out:
            out.append(name)
    return out
