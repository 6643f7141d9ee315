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
    # literal translations and Swiss usage: "der Prozessor", "der Verarbeiter", revDSG's
    # "Auftragsbearbeiter"
    r"prozessor(?:s|en)?",
    r"verarbeiter(?:in|s)?",
    r"auftragsbearbeiter(?:in|s|innen)?",
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
    r"kontrolleur(?:in|s|e|en)?",
)
# Literal stems of the role words (what every role match starts with), for fast search.
PROCESSOR_STEMS: tuple[str, ...] = (
    "auftragnehmer", "auftragsverarbeiter", "auftragsdatenverarbeiter", "dienstleister", "anbieter",
    "lieferant", "provider", "processor", "vendor", "supplier", "unternehmer", "hersteller", "betreiber",
    "prozessor", "verarbeiter", "auftragsbearbeiter",
)  # fmt: skip
CONTROLLER_STEMS: tuple[str, ...] = (
    "auftraggeber", "verantwortliche", "kunde", "kundin", "mandant", "besteller", "lizenznehmer",
    "nutzer", "controller", "customer", "client", "organisation", "kontrolleur",
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


# Defined terms: (nachfolgend „Personalwolke“), ("LetterLoop"), („Serverhafen“ oder
# „Auftragsverarbeiter“), – nachstehend "Auftragnehmer" genannt –.
_Q_OPEN = "„\"“»‚'*"
_Q_CLOSE = "\"“”«‘'*"
_TERM = rf"[{_Q_OPEN}]+([^{_Q_OPEN}{_Q_CLOSE}\n()]{{2,40}}?)[{_Q_CLOSE}]+"
_DEFINED = re.compile(
    rf"(?:nachfolgend|nachstehend|im\s+folgenden|hiernach|hereinafter|kurz|im\s+weiteren)[\s:,]*"
    rf"(?:auch\s+)?(?:als\s+|der\s+|die\s+|das\s+|the\s+)?{_TERM}"
    rf"|\(\s*{_TERM}"
    # a defined term on its own line between dashes: "– „Bank“ oder „Verantwortlicher“ –"
    rf"|^[ \t]*[–—-][ \t]*{_TERM}",
    re.IGNORECASE | re.MULTILINE,
)
_MORE_TERMS = re.compile(rf"\s*(?:oder|or|bzw\.?|und|and|/|,)\s*(?:the\s+)?{_TERM}", re.IGNORECASE)
_NOT_PARTIES = {
    "hauptvertrag", "vertrag", "avv", "dpa", "agreement", "vereinbarung", "parteien", "partei", "party",
    "parties", "dsgvo", "gdpr", "leistungen", "dienste", "services", "service", "software", "terms",
    "agb", "nutzungsvertrag", "rahmenvertrag", "auftrag", "anlage", "annex", "plattform", "platform",
    "daten", "personenbezogene daten", "personal data", "data", "verarbeitung", "processing", "weisung",
    "weisungen", "unterauftragsverarbeiter", "subunternehmer", "sub-processor", "subprocessor",
    "datenschutzverletzung", "tom", "toms", "massnahmen", "betroffene", "betroffene person", "kundendaten",
    "customer data", "nutzer", "user", "users", "endkunden", "mitarbeiter", "dritte", "drittland",
}  # fmt: skip
_PROC_VERBS = (
    r"verarbeitet|stellt|unterstuetzt|informiert|meldet|trifft|setzt|gewaehrleistet|verpflichtet|loescht"
    r"|haftet|erbringt|betreibt|betreut|ist\s+verpflichtet|shall|processes"
    r"|wartet|repariert|verwendet|speichert|hostet|leitet|hilft|sorgt|beachtet|benennt|sagt|bearbeitet"
)
_CTRL_VERBS = (
    r"erteilt|ist\s+berechtigt|hat\s+das\s+recht|genehmigt|willigt|may\s+issue|instructs|bestimmt|entscheidet"
    r"|darf\s+sich|kann\s+(?:\w+\s+){0,4}(?:pruefen|kontrollieren|widersprechen)"
)
# the controller as the one the work is done for: "im Auftrag der BKK", "Weisungen des Hotels",
# "wartet für das Hotel"
_CTRL_OBJECT = (
    r"(?:im\s+auftrag|auf\s+weisung|weisungen?|fuer|gegenueber)\s+(?:des|der|dem|den|das|die|von)?\s*"
)


def _role_of(words: str) -> str | None:
    low = fold_word(words)
    first = None
    for stem, role in [
        *((s, "processor") for s in PROCESSOR_STEMS),
        *((s, "controller") for s in CONTROLLER_STEMS),
    ]:
        i = low.find(stem)
        if i >= 0 and (first is None or i < first[0]):
            first = (i, role)
    return first[1] if first else None


def fold_word(s: str) -> str:
    return s.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))


def detect_party_names(text: str) -> tuple[list[str], list[str]]:
    """Short names the preamble defines for processor and controller.

    ``(nachfolgend „Serverhafen“ oder „Auftragsverarbeiter“)`` makes "Serverhafen" the
    processor; ``(„Praxis“ oder „Verantwortlicher“)`` makes "Praxis" the controller.
    A name with no role word beside it is the processor when it is, far more often
    than not, the subject of the processor's duties ("Personalwolke verarbeitet …").
    A name counts only if the contract uses it at least three times.
    """
    head = text[:8000]
    low = fold_word(text)
    proc: list[str] = []
    ctrl: list[str] = []
    for m in _DEFINED.finditer(head):
        terms = [t for t in m.groups() if t]
        pos = m.end()
        while True:
            more = _MORE_TERMS.match(head, pos)
            if not more:
                break
            terms.append(more.group(1))
            pos = more.end()
        # the role may stand right after the definition: "(nachfolgend „Belegblitz“) als Auftragsverarbeiter"
        after = re.split(r"\(|\bund\s+(?:der|die|dem)\b|\band\b|\n\n", head[pos : pos + 80])[0]
        role = None
        names = []
        for t in terms:
            t = t.strip(" .,")
            r = _role_of(t)
            if r is not None and fold_word(t).rstrip("ns") in {
                s.rstrip("ns") for s in (*PROCESSOR_STEMS, *CONTROLLER_STEMS)
            } | {"verantwortlich", "verantwortlicher", "verantwortliche"}:
                role = role or r
            elif fold_word(t) not in _NOT_PARTIES and len(t) >= 3:
                names.append(t)
        role = role or _role_of(after[:60])
        for name in names:
            bare = re.sub(r"^(?:der|die|das|the)\s+", "", name, flags=re.IGNORECASE)
            if len(re.findall(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text)) < 3:
                continue
            r = role or _subject_role(low, name)
            if r == "processor" and name not in proc:
                proc.append(name)
            elif r == "controller" and name not in ctrl:
                ctrl.append(name)
    # Unquoted short names: "(im Folgenden: ScanHaus)", "Auftraggeber (AG)".
    for m in _UNQUOTED.finditer(head):
        name = m.group(1)
        if fold_word(name) in _NOT_PARTIES or fold_word(name) in _STOP or _role_of(name):
            continue
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) < 3:
            continue
        r = _subject_role(low, name)
        if r == "processor" and name not in proc:
            proc.append(name)
        elif r == "controller" and name not in ctrl:
            ctrl.append(name)
    for m in _ABBREVIATION.finditer(head):
        role_word, abbr = m.group(1), m.group(2)
        if fold_word(abbr) in _STOP:
            continue  # "(AN)" would make every "an" a party
        target = proc if _role_of(role_word) == "processor" else ctrl
        if abbr not in target:
            target.append(abbr)
    for name in detect_processor_names(text):
        if name not in proc:
            proc.append(name)
    _resolve_pair(low, proc, ctrl)
    # Contracts written in the first and second person ("ich verarbeite …", "du bestimmst …").
    if len(re.findall(r"\bich\b", low)) >= 5:
        proc.extend(w for w in ("ich", "mir", "mich") if w not in proc)
    if len(re.findall(r"\bwir\b", low)) >= 5:
        proc.extend(w for w in ("wir", "uns") if w not in proc)
    if len(re.findall(r"\b(?:du|dir|dich)\b", low)) >= 5:
        ctrl.extend(w for w in ("du", "dir", "dich") if w not in ctrl)
    # "(nachstehend „die BKK“)": the article is grammar, rules supply their own
    return _without_articles(proc), _without_articles(ctrl)


def _without_articles(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        bare = re.sub(r"^(?:der|die|das|the)\s+", "", n, flags=re.IGNORECASE)
        if len(bare) >= 2 and bare not in out:
            out.append(bare)
    return out


_UNQUOTED = re.compile(
    r"\((?:im\s+folgenden|nachfolgend|nachstehend|hiernach|kurz)[:\s]+([A-ZÄÖÜ][\w\-]{2,30})\s*\)",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(
    r"\b(auftraggeber(?:in)?|auftragnehmer(?:in)?|auftragsverarbeiter(?:in)?|verantwortliche[rn]?|dienstleister(?:in)?)"
    r"\s*\(\s*([A-Z]{2,4})\s*\)",
    re.IGNORECASE,
)
_STOP = {
    "an",
    "am",
    "im",
    "in",
    "um",
    "ab",
    "es",
    "er",
    "du",
    "die",
    "der",
    "das",
    "und",
    "oder",
    "av",
    "ag?",
}


def _resolve_pair(low: str, proc: list[str], ctrl: list[str]) -> None:
    """Two names with no role word, "(nachstehend „die BKK“)" and "(nachstehend „die
    CareNexus GmbH“)": the one that acts as processor far more often is the processor,
    the other one the controller — never both the processor."""
    defined = [n for n in proc if fold_word(n) not in {"ich", "mir", "mich", "wir", "uns"}]
    if len(defined) < 2 or ctrl:
        return
    scores = {n: _role_scores(low, n) for n in defined}
    scored = sorted(defined, key=lambda n: scores[n][0] - scores[n][1], reverse=True)
    best, worst = scored[0], scored[-1]
    (pb, cb), (pw, cw) = scores[best], scores[worst]
    if pb - cb >= 2 * max(1, pw - cw) or cw > pw:
        proc.remove(worst)
        ctrl.append(worst)


def _role_scores(low: str, name: str) -> tuple[int, int]:
    """How often ``name`` acts as the processor and as the controller in the folded text."""
    n = re.escape(fold_word(name))
    bare = re.escape(fold_word(re.sub(r"^(?:der|die|das)\s+", "", name, flags=re.IGNORECASE)))
    p = len(re.findall(rf"(?<![\w-]){n}\s+(?:\w+\s+){{0,2}}?(?:{_PROC_VERBS})\b", low))
    c = len(re.findall(rf"(?<![\w-]){n}\s+(?:\w+\s+){{0,2}}?(?:{_CTRL_VERBS})\b", low))
    c += len(re.findall(rf"{_CTRL_OBJECT}{bare}(?![\w-])", low))
    return p, c


def _subject_role(low: str, name: str) -> str | None:
    p, c = _role_scores(low, name)
    if p >= 2 and p > c:
        return "processor"
    if c >= 2 and c > p:
        return "controller"
    return None
