"""Negation: a matched duty that the clause excludes is not met.

``Eine Haftung für Subunternehmer ist ausgeschlossen``, ``Der Auftragnehmer ist
nicht verpflichtet …``, ``Ein Widerspruchsrecht besteht nicht``. A negation cue
counts when it stands near the matched words in the same sentence and is not
part of a construction that keeps the duty alive: a condition (``sofern nicht``,
``es sei denn``), a double negative (``keine Übermittlung ohne Weisung``), or a
bound (``nicht später als``, ``nicht nur``).
"""

from __future__ import annotations

import re

_CUE = re.compile(
    r"(?<![\w])(nicht|kein(?:e|en|em|er|es)?|keinerlei|niemals|weder|ausgeschlossen|entfaellt|entfallen"
    r"|unterbleibt|unterbleiben|abbedungen|wegbedungen|verzichtet|not|no|never|excluded|waived"
    # best efforts bind to nothing: "bemüht sich, … zu löschen", "will endeavour to"
    r"|bemueht|bemuehen|bemuehe|bestrebt|(?:wird|werden)\s+versuchen|endeavou?rs?)(?![\w])"
)
# Constructions in which a cue does not negate the duty.
_NEUTRAL_AFTER = re.compile(
    r"^\s*(?:nur|lediglich|bloss|allein|mehr\s+als|spaeter\s+als|laenger\s+als|weniger\s+als|haeufiger|oefter|frueher\s+als|oefters|ohne|unter(?:schritten|gesenkt)"
    r"|abgesenkt|gesenkt|unverhaeltnismaessig|beeintraechtig\w*|selbst|im\s+eigenen\s+namen"
    r"|zu\s+eigenen\s+zwecken|fuer\s+eigene\s+zwecke|eigene[nr]?\s+zwecke|ohne\s+weiteres"
    r"|later\s+than|more\s+than|more\s+often|more\s+frequently|only|less\s+than|less\s+protective|less\s+stringent|unreasonably|undue"
    r"|without|weniger|geringer\w*)\b"
)
# a consequence after the matched words: "…, dann unterbleibt die Änderung"
_CONSEQUENCE = re.compile(r"[,;]\s*(?:dann|so|andernfalls|in\s+diesem\s+fall(?:e)?)\s+(?:\S+\s+){0,2}$")
_CONDITION_BEFORE = re.compile(
    r"(?:sofern|soweit|falls|wenn|solange|es\s+sei\s+denn|ausser|unless|if)(?:\s+\S+){0,3}\s*$"
)
# A subordinate clause opened by a conditional, causal or concessive word: "falls der
# Unterauftragsverarbeiter seinen Pflichten nicht nachkommt, haftet …", "da der Anbieter die
# Inhalte nicht kennt, können …" — the cue belongs to that clause, not to the duty.
_CONDITION_SEGMENT = re.compile(
    r"(?:^|[,;:(]\s*|\s)(?:sofern|soweit|falls|wenn|solange|sollte|sollten|es\s+sei\s+denn|ausser|unless|if|where"
    r"|da|weil|zumal|obwohl|obgleich|wenngleich|because|since|although)\b[^,;:]*$"
)
# "Erfolgt kein Widerspruch, gilt …", "Kommt er seinen Pflichten nicht nach, haftet …":
# a verb-first conditional clause at the sentence start, closed by a comma.
_VERB_FIRST = re.compile(
    r"^\W*(?:[a-h]?\.?[\d.]+\s+|\(\w{1,3}\)\s*)?(?:erfolgt|erfolgen|wird|werden|ist|sind|liegt|liegen|besteht|bestehen|geht|kommt|kommen|erfuellt"
    r"|erfuellen|haelt|halten|verstoesst|verstossen|sollte|sollten|kann|koennen|gelingt|erhebt|erheben"
    r"|widerspricht|widersprechen|teilt|macht|meldet|hat|haben|leistet|nimmt|setzt|stimmt|stellt|gibt"
    r"|zeigt|verweigert|handelt|trifft|erteilt)\b[^,;]*$"
)
# verb-final negations close their clause and negate all of it: "finden … nicht statt",
# "Eine weitergehende Unterstützung … schuldet der Auftragnehmer nicht;"
_STRONG = re.compile(
    r"(?<![\w])(?:nicht(?=\s*(?:[;.!]|$))|nicht\s+statt(?:finden|findet)?|(?:findet|finden)\s+keine|nicht\s+(?:vorgesehen|geschuldet|gestattet|zulaessig|erlaubt|permitted|allowed)"
    r"|(?:ist|sind)\s+ausgeschlossen|are\s+excluded|is\s+excluded|shall\s+not\s+be\s+(?:permitted|allowed|conducted)"
    r"|bemueht\s+sich|bemuehen\s+sich|ist\s+bestrebt|sind\s+bestrebt|(?:will|shall)\s+endeavou?r)(?![\w])"
)
_MAX_REACH = 240  # characters around a cue that decide whether it negates (a long clause)
_DOUBLE_NEGATIVE = re.compile(r"^(?:\s+\S+){0,10}?\s+(?:ohne|without)\b")


def negation_cues(
    folded: str,
    sentence: tuple[int, int],
    spans: list[tuple[int, int]],
    extra: tuple[str, ...] = (),
    window_before: int = 8,
    window_after: int = 6,
    own_cues: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Every negation cue in ``sentence`` that negates the matched ``spans``."""
    s0, s1 = sentence
    text = folded[s0:s1]
    if not spans:
        return []
    first = min(s for s, _ in spans) - s0
    last = max(e for _, e in spans) - s0
    found: list[tuple[int, int]] = []
    cues = [(m, False) for m in _CUE.finditer(text)]
    # verb-final exclusions reach across the whole clause: "finden … nicht statt"
    strong = [m for m in _STRONG.finditer(text)]
    cues.extend((m, True) for m in strong)
    for rx in extra:
        cues.extend((m, True) for m in re.finditer(rx, text))
    for m, is_extra in cues:
        c0, c1 = m.start(), m.end()
        if m in strong and ";" in (text[c1:first] if c1 <= first else text[last:c0]):
            continue  # a verb-final negation does not reach past its own clause
        # Far from the matched words a cue cannot count: skip before looking at words, so
        # that a run-on "sentence" of many pages stays linear.
        if not is_extra and (first - c1 > _MAX_REACH or c0 - last > _MAX_REACH):
            continue
        if not is_extra and m.group(0) in own_cues and any(a - s0 <= c0 and c1 <= b - s0 for a, b in spans):
            continue  # the rule's own words ("nicht rechtmäßig", "keine … ohne Weisung")
        # A rule's own negation phrases are specific enough to count anywhere in the sentence.
        if not is_extra and c1 <= first:
            if len(text[c1:first].split()) > window_before:
                continue
        elif not is_extra and c0 >= last and len(text[last:c0].split()) > window_after:
            continue
        after = text[c1 : c1 + 80]
        word = m.group(1) if m.re.groups else m.group(0).split()[0]
        if word in {"nicht", "not", "no", "kein", "keine", "keinen", "keinem", "keiner", "keines"} and (
            _NEUTRAL_AFTER.match(after) or _DOUBLE_NEGATIVE.match(after)
        ):
            continue
        before = text[max(0, c0 - _MAX_REACH) : c0]
        if _CONDITION_BEFORE.search(before[-40:]) or _VERB_FIRST.match(before):
            continue
        if c0 > last and _CONSEQUENCE.search(before[-40:]):
            continue  # "… kann widersprechen, dann unterbleibt die Änderung": what the right does
        if _CONDITION_SEGMENT.search(before):
            continue
        found.append((s0 + c0, s0 + c1))
    return sorted(found)


def negation_cue(
    folded: str,
    sentence: tuple[int, int],
    spans: list[tuple[int, int]],
    extra: tuple[str, ...] = (),
) -> tuple[int, int] | None:
    """The first negation cue that negates the matched ``spans``, or ``None``."""
    cues = negation_cues(folded, sentence, spans, extra)
    return cues[0] if cues else None
