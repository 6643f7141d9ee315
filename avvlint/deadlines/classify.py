"""Which deadline is it? Scores a duration against the seven kinds by the words around it.

Each cue of ``rules/deadlines/kinds.yml`` found near a duration votes for its kind
(or for ``none``, a decoy such as a termination notice period). A vote counts fully
next to the number and less with distance, across a ``;`` (another clause) and in the
section heading. The words after the number that say when the clock starts ("nach
Kenntnis", "ab Zugang der Mitteilung", "vor dem Einsatz") are read as triggers, not
as the subject: in "90 Tage nach der Löschung" the deletion is the start, not the duty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .cues import Cue, CueBook, KindCues, Qualifier, default_cue_book
from .durations import Duration
from .parties import GENERIC, Parties, controller_acts

# Words that start the phrase naming the event a period counts from or before.
_ANCHOR_START = re.compile(
    r"(?:-[a-z]+)?\.?\s*(?:im voraus |vorab |vorher )?"
    # "ab" closing the clause is a verb's particle ("stimmen ... zehn Tage vorher ab.")
    r"(?:nach|ab(?!\s*(?:[.,;:]|$))|seit|vor|after|following|from|of|upon|prior to|before)\b"
)
_WORD = re.compile(r"\S+")
TRIGGER_WORDS = 5  # "nach Eingang der Weisung des Auftraggebers"
_SPAN_END = re.compile(r"[,;:()]|\.(?:\s|$)")
_INCLUSION = re.compile(
    r"(einschliesslich|einschl\.|inklusive|inkl\.?|umfasst|samt|sowie|auch|\bund\b|\boder\b|including"
    r"|as well as|\band\b|together with)"
)
CONTEXT_FACTOR = 0.5
_VERB_FINAL = re.compile(
    r"\b(kann|koennen|darf|duerfen|muss|muessen|soll|sollen|wird|werden|ist|sind|hat|haben|steht"
    # informal second person: "du kannst ... widersprechen", "ihr koennt ..."
    r"|kannst|koennt|darfst|duerft|musst|muesst|sollst|sollt|wirst|werdet|bist|seid|hast|habt)\b"
)
_INFINITIVE = re.compile(r"[a-z]{3,}(en|ern|eln)")
# A comma that opens a new clause with its own subject: "..., und der Auftraggeber kann ..."
# "..., und zwar binnen 10 Tagen" only adds the period to the same clause.
_NEW_CLAUSE = re.compile(
    r", (und(?! zwar)|oder|sowie|wobei|waehrend|damit|sodass|so dass|and|or|while|whereas)\b"
)
# A relative clause between a subject and its verb: "Backups, die der Auftragnehmer vorhält, werden ...".
_RELATIVE = re.compile(
    r",\s*(?:(?:in|auf|bei|mit|von|aus|an|unter) )?(?:die|der|das|den|dem|denen|deren|dessen|welche\w*"
    r"|which|that|who)\b[^,;]*,"
)


@dataclass(frozen=True, slots=True)
class Context:
    """Folded words around a duration: its sentence, the section headings, a list's lead-in."""

    text: str
    heading: str = ""
    lead: str = ""
    prev: str = ""  # the sentences before in the same paragraph: "Änderungen" refers to them
    parties: Parties | None = None  # the document's role names (generic words when None)
    # the sentences just before in the document since the last title, whatever their block:
    # what "der beabsichtigten Änderung" in the next numbered clause or list item is about
    near: str = ""


# A sentence that names what else it is about (changed terms, prices, instructions) takes
# no subject from the sentences before it.
_OWN_OBJECT = re.compile(
    r"bedingungen|\bagb\b|preis|entgelt|verguetung|leistungsbeschreibung|weisung|\bterms\b|\bprice|\bfee"
)


def context_texts(ctx: Context) -> tuple[str, ...]:
    """Where a kind's ``needs_context`` words may stand for a sentence."""
    if ctx.near and not _OWN_OBJECT.search(ctx.text):
        return (ctx.text, ctx.heading, ctx.lead, ctx.prev, ctx.near)
    return (ctx.text, ctx.heading, ctx.lead, ctx.prev)


def trigger_span(text: str, d: Duration) -> tuple[int, int] | None:
    """The words after the number naming the start event: ``nach Kenntniserlangung``."""
    m = _ANCHOR_START.match(text, d.end)
    if m is None:
        return None
    end_m = _SPAN_END.search(text, m.end())
    end = end_m.start() if end_m else len(text)
    words = list(_WORD.finditer(text, m.end(), end))
    if len(words) > TRIGGER_WORDS:
        end = words[TRIGGER_WORDS - 1].end()
    elif len(words) > 1 and _VERB_FINAL.search(text, 0, d.start) and _INFINITIVE.fullmatch(words[-1].group()):
        # "kann binnen 14 Tagen nach Ankündigung widersprechen": with a modal or auxiliary
        # the verb closes the clause; it states the duty, not the start event
        last = -2 if words[-2].group() == "zu" else -1
        end = words[last - 1].end() if len(words) > -last else words[0].start()
    return d.end, end


def _proximity(text: str, d: Duration, start: int, end: int) -> float:
    if end <= d.start:
        gap_start, gap_end = end, d.start
    elif start >= d.end:
        gap_start, gap_end = d.end, start
    else:
        return 1.0
    dist = gap_end - gap_start
    p = 1.0 if dist <= 30 else max(0.3, 1.0 - (dist - 30) / 200)
    between = text[gap_start:gap_end]
    if ";" in between or _NEW_CLAUSE.search(between):
        p *= 0.6
    return p


def _topic_score(cues: tuple[Cue, ...], text: str, d: Duration, skip: tuple[int, int] | None) -> float:
    total = 0.0
    for cue in cues:
        best = 0.0
        for m in cue.pattern.finditer(text):
            if skip and m.start() >= skip[0] and m.end() <= skip[1]:
                continue
            w = cue.weight * _proximity(text, d, m.start(), m.end())
            if 0 <= d.start - m.end() <= 2:
                w *= 2  # the label right before the number: "Logdaten 7-180 Tage" in a flattened table
            best = max(best, w)
        total += best
    return total


def _present(cues: tuple[Cue, ...], text: str) -> float:
    return sum(c.weight for c in cues if text and c.pattern.search(text))


def _present_strong(cues: tuple[Cue, ...], text: str) -> float:
    """Only the cues that name a kind by themselves (weight 3+), not the generic words."""
    return sum(c.weight for c in cues if c.weight >= 3 and text and c.pattern.search(text))


def _segment(text: str, d: Duration) -> tuple[int, int]:
    start = text.rfind(";", 0, d.start) + 1
    end = text.find(";", d.end)
    return start, (len(text) if end < 0 else end)


def kind_scores(d: Duration, ctx: Context, book: CueBook | None = None) -> dict[str, float]:
    """Score of every kind (and ``none``) for duration ``d`` in ``ctx``."""
    book = book or default_cue_book()
    text = ctx.text
    trig = trigger_span(text, d)
    trig_text = text[trig[0] : trig[1]] if trig else ""
    seg_start, seg_end = _segment(text, d)
    segment = text[seg_start:seg_end]
    # "Dies geschieht binnen 4 Wochen": the duty is the one the sentence before states
    prev_factor = 1.0 if refers_back(text) else CONTEXT_FACTOR
    scores: dict[str, float] = {}
    for kind, cues in book.kinds.items():
        sentence = _topic_score(cues.topic, text, d, _own_trigger(text, trig, cues.topic))
        around = _present(cues.topic, ctx.heading) + _present(cues.topic, ctx.lead)
        context = CONTEXT_FACTOR * around + prev_factor * _present_strong(cues.topic, ctx.prev)
        trigger = _present(cues.trigger, trig_text)
        score = sentence + context + trigger
        if cues.needs_context and not any(
            c.pattern.search(t) for c in cues.needs_context for t in context_texts(ctx)
        ):
            score = 0.0
        if cues.needs_notice:
            # notice words in the trigger ("nach Erhalt der Mitteilung") name the start,
            # not an advance notice
            untriggered = _blank(text, trig)
            for m in _NOT_A_DUTY.finditer(untriggered):
                untriggered = _blank(untriggered, m.span())
            untriggered = untriggered[seg_start:seg_end]
            if not _has_notice(cues, untriggered, ctx, d):
                score = 0.0
            elif score > 0:
                # "mit 30 Tagen Vorlauf", "30 Tage vorher anzukündigen": the notice words
                # say what the number measures
                score += _topic_score(cues.notice, untriggered, _shift(d, seg_start), None) * 0.75
        scores[kind] = score
    # Backups: a deletion clause about backups is a backup deletion clause.
    backup = book.kinds["backup_deletion"]
    if not (_present(backup.topic, segment) or _present(backup.topic, ctx.lead)):
        scores["backup_deletion"] = 0.0
    elif backup.lifetime and not any(
        c.pattern.search(t) for c in backup.duty + backup.lifetime for t in (segment, ctx.heading, ctx.lead)
    ):
        # "restoring replicas within 4 hours": backups without anything deleted or overwritten
        scores["backup_deletion"] = 0.0
    else:
        scores["backup_deletion"] += scores["deletion"]
    none = _topic_score(book.none_topic, _blank_carve_outs(text, d), d, trig) + _present(
        book.none_trigger, trig_text
    )
    none += (
        CONTEXT_FACTOR * 0.5 * (_present(book.none_topic, ctx.heading) + _present(book.none_topic, ctx.lead))
    )
    scores["none"] = none
    if d.anchor == "before":
        scores["objection_period"] *= 0.3  # an objection period runs from the notice, not before
    return scores


# A clause that makes an exception to the duty: "..., soweit keine gesetzliche Aufbewahrungspflicht
# besteht", "es sei denn, eine Aufbewahrungsfrist steht entgegen", "unless retention is required".
_CARVE_OUT = re.compile(
    r"(?:^|[,;(]\s*)(?:soweit|sofern|es sei denn|ausser wenn|ausgenommen|vorbehaltlich"
    r"|unless|except|save where|subject to)\b"
)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")
_COMMA_CLAUSE_END = re.compile(r"[,;]|\.(?:\s|$)")


def _blank_carve_outs(text: str, d: Duration) -> str:
    """The text without the exception clauses around the number: a retention duty named only
    as the exception ("löscht ... binnen drei Monaten, soweit keine Aufbewahrungspflicht
    besteht") does not make the number a retention period."""
    for m in _CARVE_OUT.finditer(text):
        if m.start() >= d.end:  # after the number: to the end of the sentence or clause
            end_m = _CLAUSE_END.search(text, m.end())
        elif m.end() <= d.start:  # before it: to the comma that closes the clause
            end_m = _COMMA_CLAUSE_END.search(text, m.end() + 1)
        else:
            continue
        end = end_m.start() if end_m else len(text)
        if m.end() <= d.start < end:
            continue  # the number stands inside the exception
        text = _blank(text, (m.start(), end))
    return text


# A sentence whose subject is the duty just stated: "Die Löschung erfolgt ...", "Dies
# geschieht ...", "Such deletion shall be completed ..."
_REFERS_BACK = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:"
    r"(?:die|diese|eine solche|solche|such|the|this|that)\s+(?:vollstaendige\s+|endgueltige\s+|final\s+)?"
    r"(?:loeschung|rueckgabe|vernichtung|herausgabe|deletion|return|destruction|erasure)\b"
    r"|(?:dies|das|diese|sie|this|it)\s+(?:geschieht|erfolgt|passiert|findet\b[^.;]{0,60}\bstatt"
    r"|hat\b[^.;]{0,60}\bzu erfolgen"
    r"|wird\b[^.;]{0,60}\b(?:durchgefuehrt|vorgenommen|abgeschlossen|erledigt)"
    r"|(?:shall|will|must) (?:be completed|be carried out|occur|take place|happen)|takes place|occurs)\b)"
)


# A sentence that carries out what the sentence before decides or asks for: "Der
# Auftragsverarbeiter setzt die Entscheidung binnen vierzehn Tagen um", "kommt der Aufforderung
# innerhalb von 10 Tagen nach", "The Processor shall implement that choice within 30 days".
_CARRIES_OUT = re.compile(
    r"\b(?:setzt|setzen|setze|fuehrt|fuehren|fuehre|vollzieht|vollziehen|erledigt|erledigen|befolgt|befolgen"
    r"|kommt|kommen|komme)\b[^.;]{0,40}?"
    r"\b(?:die|diese|dieser|diesem|dem|der|seine|seiner|ihre|ihrer|deren|dessen|eine solche|einer solchen)\s+"
    r"(?:\w+e[nr]?\s+)?(?:entscheidung|wahl|weisung|anweisung|festlegung|vorgabe|aufforderung|verlangen|wunsch"
    r"|bitte|anforderung|ersuchen)\b"
    r"|\b(?:entscheidung|wahl|weisung|anweisung|aufforderung|verlangen)\s+(?:ist|wird|sind|werden)\b[^.;]{0,60}"
    r"\b(?:umzusetzen|umgesetzt|auszufuehren|ausgefuehrt|vollzogen|nachzukommen)\b"
    r"|^\W*(?:\d{1,2}[.)]\s*)?(?:die|deren) (?:umsetzung|ausfuehrung|durchfuehrung|erledigung)\b"
    r"|\b(?:implement|carry out|carries out|give effect to|gives effect to|compl(?:y|ies) with"
    r"|act on|acts on)"
    r" (?:the|this|that|such|its|their|any such) (?:decision|choice|election|instruction|request)\b"
)


def refers_back(text: str) -> bool:
    """Whether the sentence's subject is the duty the sentence before states."""
    return bool(_REFERS_BACK.match(text) or _CARRIES_OUT.search(text))


def _own_trigger(text: str, trig: tuple[int, int] | None, topic: tuple[Cue, ...]) -> tuple[int, int] | None:
    """The start event without the duty named after it: in "binnen 14 Tagen nach meiner
    Ankündigung Einwände erheben" the objection follows the event's noun phrase."""
    if trig is None:
        return None
    words = list(_WORD.finditer(text, trig[0], trig[1]))
    if len(words) < 4:
        return trig
    # the preposition, an article or pronoun and the event's noun stay the start event
    after = words[3].start()
    hits = [m.start() for c in topic for m in c.pattern.finditer(text, after, trig[1])]
    return (trig[0], min(hits)) if hits else trig


def _in_controller_relative(text: str, d: Duration, parties: Parties | None) -> bool:
    """The number stands in a relative clause about the controller: "... an den
    Auftraggeber weiter, der sie innerhalb eines Monats beantwortet"."""
    pattern = _relative_pattern((parties or GENERIC).controller)
    return any(m.start(1) <= d.start and d.end <= m.end() for m in pattern.finditer(text))


@lru_cache(maxsize=64)
def _relative_pattern(controller: str) -> re.Pattern[str]:
    # a separable verb's particle may stand between: "an den Auftraggeber weiter, der ..."
    particle = r"(?:\s+(?:weiter|zu|mit|an|aus|zurueck|vor|bekannt|on|back|over))?"
    return re.compile(controller + particle + r"\s*,\s*((?:der|die|welche\w*|who|which)\b[^,;.]*)")


def _blank(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _shift(d: Duration, offset: int) -> Duration:
    return replace(d, start=d.start - offset, end=d.end - offset)


def _has_notice(cues: KindCues, segment: str, ctx: Context, d: Duration) -> bool:
    if d.anchor == "before":
        return True
    # a heading can be the numbered clause itself: its start event is no notice either
    heading = _NOT_A_DUTY.sub(" ", ctx.heading) if ctx.heading else ""
    return any(c.pattern.search(segment) or c.pattern.search(heading) for c in cues.notice)


# Deletion-family kinds bound a period from above: "mindestens 7 Tage aufbewahrt" is
# a retention minimum, not a deletion deadline.
_MAX_ONLY = {"deletion", "backup_deletion", "breach_notice", "dsr_forwarding"}
# Kinds that are duties of the processor: a clause where the controller acts holds none of them.
PROCESSOR_DUTIES = ("breach_notice", "dsr_forwarding", "deletion", "backup_deletion", "subprocessor_notice")


def classify_duration(d: Duration, ctx: Context, book: CueBook | None = None) -> list[str]:
    """The kinds duration ``d`` is a deadline of (usually one; none for decoys)."""
    book = book or default_cue_book()
    if d.periodic:
        return []
    seg_start, seg_end = _segment(ctx.text, d)
    if any(c.pattern.search(ctx.text, seg_start, seg_end) for c in book.veto):
        return []
    scores = kind_scores(d, ctx, book)
    none = scores.pop("none")
    for kind in _MAX_ONLY:
        if d.bound == "min":
            scores[kind] = 0.0
    clause = _with_antecedent(ctx.text, seg_start, seg_end)
    if controller_acts(clause.lstrip(), ctx.parties) or _in_controller_relative(ctx.text, d, ctx.parties):
        for kind in PROCESSOR_DUTIES:
            scores[kind] = 0.0
    if _authority_only(clause, ctx.parties) or _controller_clock(ctx.text, d, ctx.parties):
        scores["breach_notice"] = 0.0  # the controller's own notice to the authority
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < book.min_score or scores[best] <= none:
        return []
    if best in {"deletion", "backup_deletion"}:
        return _deletion_kinds(d, ctx, book, scores, none)
    return [best]


# A clause whose subject is a pronoun for the clause before: "Die Meldung an die Behörde nimmt
# die Praxis vor; sie erfolgt binnen 72 Stunden", "...; this shall take place within 72 hours".
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:sie|dies|diese|das|es|this|it|they|such notifications?)\s+(?:erfolgt|erfolgen|geschieht|geschehen"
    r"|hat|haben|ist|sind|wird|werden|muss|muessen|soll|sollen|shall|must|will|is|are|has|have)\b"
)


def _with_antecedent(text: str, seg_start: int, seg_end: int) -> str:
    """The clause, and the clause before it when a pronoun there stands for its subject."""
    if seg_start > 0 and _PRONOUN_SUBJECT.match(text, seg_start):
        return text[text.rfind(";", 0, seg_start - 1) + 1 : seg_end]
    return text[seg_start:seg_end]


@lru_cache(maxsize=64)
def _controller_clock_pattern(controller: str) -> re.Pattern[str]:
    # "binnen 72 Stunden nach Kenntnis der Praxis", "nachdem der Kunde davon erfahren hat", "after
    # the Customer becomes aware": the clock runs from the controller's own knowledge, so the
    # period is the controller's own (Art. 33 (1)), not the processor's notice
    c = r"(?:\w+\s+)?" + controller + r"(?![\w-])"
    return re.compile(
        r"[\s.]*(?:"
        r"(?:nach|ab|seit)\s+(?:der\s+|dem\s+)?(?:kenntnis(?:nahme|erlangung)?|bekanntwerden|entdeckung|feststellung)"
        r"\s+(?:durch\s+)?(?:den|die|das|der|des)\s+"
        + c
        + r"|nachdem\s+(?:dem|der|den|die|das)\s+"
        + c
        + r"|(?:after|once|from when|from the time)\s+(?:the\s+)?"
        + c
        + r"\s+(?:first\s+)?(?:becomes|became|has become|is made|was made)\s+aware"
        r"|(?:after|from|of|upon)\s+(?:the\s+)?"
        + c
        + r"(?:'s|s')?\s+(?:becoming\s+aware|awareness|discovery)"
        r")"
    )


def _authority_on_controller_clock(text: str, parties: Parties | None) -> bool:
    """A notice to the authority timed from the controller's knowledge: "The supervisory authority
    shall be notified within 72 hours after the Customer becomes aware"."""
    return bool(_AUTHORITY.search(text)) and bool(
        _controller_clock_pattern((parties or GENERIC).controller).search(text)
    )


def _controller_clock(text: str, d: Duration, parties: Parties | None) -> bool:
    """The period counts from the controller's knowledge: its own notice to the authority."""
    return bool(_controller_clock_pattern((parties or GENERIC).controller).match(text, d.end))


# A comma before the second half of "nicht ..., sondern ..." keeps the subject: "Backups werden
# nicht einzeln gelöscht, sondern nach 90 Tagen überschrieben"; so does "..., but are ...".
_SAME_SUBJECT = re.compile(r",\s*(?=sondern\b|but (?:are|is|will|shall|get|must)\b)")


def _deletion_kinds(
    d: Duration, ctx: Context, book: CueBook, scores: dict[str, float], none: float
) -> list[str]:
    """``deletion``, ``backup_deletion`` or both ("alle Daten einschließlich der Backups").

    A backup word counts for this number when it stands in the same comma-free clause
    ("Backups 30 Tage") or is added by an inclusion word ("und umfasst auch Backups");
    "..., Backups nach weiteren 60 Tagen" belongs to the next number.
    """
    text = ctx.text
    seg_start, seg_end = _segment(text, d)
    trig = trigger_span(text, d)
    hits = [
        m
        for c in book.kinds["backup_deletion"].topic
        for m in c.pattern.finditer(text, seg_start, seg_end)
        if not (trig and trig[0] <= m.start() < trig[1])
    ]
    own: list[re.Match[str]] = []
    included = False
    insertion = _insertion_start(text, d, seg_end)
    for m in hits:
        lo, hi = (m.end(), d.start) if m.end() <= d.start else (d.end, m.start())
        if insertion is not None and m.end() <= insertion:
            hi = insertion  # "Backups werden, spätestens 90 Tage nach Vertragsende, gelöscht"
        between = _RELATIVE.sub(" ", text[lo:hi]) if m.end() <= d.start else text[lo:hi]
        between = _SAME_SUBJECT.sub(" ", between)
        inclusion = _INCLUSION.search(text[max(seg_start, m.start() - 60) : m.start()])
        if "," not in between:
            own.append(m)
            included = included or bool(inclusion and m.start() > d.end)
        elif inclusion and m.start() > d.end:
            own.append(m)
            included = True
        elif m.end() <= d.start and _in_trailing_relative(between):
            # "Datensicherungen werden ... überschrieben, die (Rotation) je nach Stufe zwischen
            # 30 und 90 Tagen beträgt": the relative clause holding the number is about them
            own.append(m)
        elif m.end() <= d.start and _added_to_data(text, seg_start, m.start()):
            # "alle Daten einschließlich der Datensicherungen werden ..., spätestens nach
            # 4 Wochen": the backups are part of the subject the period is about
            own.append(m)
            included = True
    if not own:
        lead_backup = _present(book.kinds["backup_deletion"].topic, ctx.lead)
        if lead_backup and not _present(book.kinds["deletion"].topic, text[seg_start:seg_end]):
            return ["backup_deletion"]
        ok = scores["deletion"] >= book.min_score and scores["deletion"] > none
        return ["deletion"] if ok else []
    first = min(m.start() for m in own)
    before = text[max(seg_start, first - 60) : first]
    if included or (_INCLUSION.search(before) and _DATA_WORDS.search(text[seg_start:first])):
        return ["deletion", "backup_deletion"]
    return ["backup_deletion"]


_TRAILING_RELATIVE = re.compile(
    r",\s*(?:(?:in|auf|bei|mit|von|nach|ueber|fuer|innerhalb) )?"
    r"(die|der|das|denen|deren|dessen|welche\w*|which|that)\b([^,;]*)$"
)
# a finite verb before the number makes "die ..." an article of a new main clause: ", die Daten
# werden nach 30 Tagen gelöscht"; in a relative clause the verb comes after the number
_FINITE = re.compile(
    r"\b(werden|wird|ist|sind|kann|koennen|muss|muessen|soll|sollen|darf|duerfen|hat|haben|erfolgt"
    r"|erfolgen|geschieht|geschehen|findet|finden|beginnt|beginnen|endet|enden|gilt|gelten|bleibt|bleiben"
    r"|liegt|liegen|laeuft|laufen)\b"
)


def _in_trailing_relative(between: str) -> bool:
    """Whether the only comma between a word and the number opens a relative clause that
    holds the number."""
    if between.count(",") != 1:
        return False
    m = _TRAILING_RELATIVE.search(between)
    if m is None:
        return False
    return m.group(1) in {"which", "that"} or not _FINITE.search(m.group(2))


_INSERTION_OPEN = re.compile(
    r",\s*(?:(?:jedoch|aber|allerdings|doch|jedenfalls|however|but|and)\s+)?"
    r"(?:spaetestens|laengstens|hoechstens|maximal|binnen|innerhalb|innert|in jedem fall|jedenfalls"
    r"|no later than|at the latest|within|in any event|in any case)\b"
    r"(?:\s+(?:jedoch|aber|allerdings|doch|von|nach|ablauf|of|after|within|innerhalb|binnen))*\s*$"
)
_TAIL = re.compile(r"\s*(?:\S+\s+){0,2}\S+?\s*(?:[.;]|$)")


def _insertion_start(text: str, d: Duration, seg_end: int) -> int | None:
    """Where the comma insertion holding the number opens, when the clause goes on after it
    with its verb ("Sicherungskopien werden nach Ablauf des Zyklus, spätestens 90 Tage nach
    Vertragsende, gelöscht.") or ends with the period's start event ("Backups are overwritten
    on rotation, in any event within 90 days after termination."). The subject before the
    insertion is the number's subject."""
    open_at = text.rfind(",", 0, d.start)
    if open_at < 0 or not _INSERTION_OPEN.match(text[open_at : d.start]):
        return None
    close_at = text.find(",", d.end, seg_end)
    end = _sentence_end(text, d.end, seg_end)
    if 0 <= close_at < end:
        return (
            open_at
            if _TAIL.fullmatch(text, close_at + 1, _sentence_end(text, close_at + 1, seg_end))
            else None
        )
    trig = trigger_span(text, d)
    rest = text[trig[1] if trig else d.end : end]
    return open_at if not rest.strip(" .;") else None


_STOP = re.compile(r"[.;](?:\s|$)")


def _sentence_end(text: str, start: int, seg_end: int) -> int:
    m = _STOP.search(text, start, seg_end)
    return m.end() if m else seg_end


_ARTICLE = (
    r"(?: (?:der|die|den|dem|aller|allen|all|any|the|ihrer|seiner|etwaiger|etwaige[nr]?"
    r"|saemtlicher|saemtlichen|existing))?"
)
_JUST_INCLUDED = re.compile(
    r"(einschliesslich|einschl\.|inklusive|inkl\.?|samt|including|together with|as well as)"
    + _ARTICLE
    # "einschließlich der Kopien in den Datensicherungen", "including copies held in backups"
    + r"(?: (?:kopien|duplikate|copies|duplicates)(?: (?:held|stored|kept|befindliche\w*))?"
    + r" (?:in|auf|aus|on|within)"
    + _ARTICLE
    + r")?\s*$"
)


def _added_to_data(text: str, seg_start: int, at: int) -> bool:
    """Whether the words right before ``at`` add it to data named just before: "Daten inklusive"."""
    before = text[max(seg_start, at - 40) : at]
    m = _JUST_INCLUDED.search(before)
    return m is not None and bool(_DATA_WORDS.search(text[max(seg_start, at - 120) : at - len(m.group())]))


# what is deleted, by its many names ("Texte", "Ausgangsdateien", "Aufnahmen", "files")
_DATA_WORDS = re.compile(
    r"\b(personenbezogene\w*|\w*daten|\w*dateien|\w*datei|\w*dokumente?|\w*unterlagen|\w*texte|\w*akten"
    r"|\w*aufzeichnungen|\w*aufnahmen|\w*inhalte|datensaetze|datenbestaende|informationen"
    r"|\w*data|files|documents|records|recordings|content)\b"
)


# --- qualifiers -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QualifierHit:
    label: str
    start: int  # folded offsets in the context text
    end: int


def find_qualifiers(
    quals: tuple[Qualifier, ...], text: str, start: int = 0, end: int | None = None
) -> list[QualifierHit]:
    end = len(text) if end is None else end
    hits: list[QualifierHit] = []
    for q in quals:
        for m in q.pattern.finditer(text, start, end):
            hits.append(QualifierHit(q.label, m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


def hedges_for(
    d: Duration, text: str, book: CueBook | None = None, others: list[Duration] | None = None
) -> list[QualifierHit]:
    """Hedges weakening duration ``d``: same clause, shortly before or after the number,
    and not beyond a neighbouring number ("nach Möglichkeit 24, spätestens 72 Stunden")."""
    book = book or default_cue_book()
    seg_start, seg_end = _segment(text, d)
    start = max(seg_start, d.start - 90)
    end = min(seg_end, d.end + 60)
    for o in others or ():
        if o.end <= d.start:
            start = max(start, o.end)
        elif o.start >= d.end:
            end = min(end, o.start)
    return find_qualifiers(book.hedge, text, start, end)


# --- duties without a number -------------------------------------------------


def vague_duties(
    ctx: Context, book: CueBook | None = None, numeric: list[Duration] | None = None
) -> list[tuple[str, float, list[QualifierHit]]]:
    """Kinds whose duty this sentence states without a number, with a strength score.

    Returns (kind, score, vague words) for each kind; the caller reports such a duty
    only for a kind that has no numeric deadline in the document.
    """
    book = book or default_cue_book()
    text = ctx.text
    if any(c.pattern.search(text) for c in book.vague_block + book.veto):
        return []
    # the words naming when a period starts ("nach Zugang der Mitteilung") state no duty
    for d in numeric or ():
        text = _blank(text, trigger_span(text, d))
    for m in _NOT_A_DUTY.finditer(text):
        text = _blank(text, m.span())
    vague_words = find_qualifiers(book.vague, text)
    if not vague_words and any(c.pattern.search(text) for c in book.deferred):
        return []  # "Löschung nach Vertragsende: siehe Anlage 4": the annex states the period
    out: list[tuple[str, float, list[QualifierHit]]] = []
    for kind, cues in book.kinds.items():
        if not cues.vague_needs_time_word:
            # the cheap tests first: most sentences state no duty of this kind
            if not cues.duty or not any(c.pattern.search(text) for c in cues.duty):
                continue
            if cues.duty_context and not (
                any(c.pattern.search(text) for c in cues.duty_context)
                or any(c.pattern.search(ctx.heading) for c in cues.duty_context)
            ):
                continue
        elif not any(c.weight >= 3 and c.pattern.search(text) for c in cues.topic):
            continue  # the kind's own words are needed with a time word below
        if cues.needs_context and not any(
            c.pattern.search(t) for c in cues.needs_context for t in context_texts(replace(ctx, text=text))
        ):
            continue  # "Widerspruch" of a data subject is no objection to a sub-processor
        if any(c.pattern.search(text) for c in cues.denied):
            continue  # "eine Löschung ist nicht erforderlich", "Backups sind ausgenommen"
        topic = _present(cues.topic, text)
        strong = any(c.weight >= 3 and c.pattern.search(text) for c in cues.topic)
        if kind == "deletion" and topic >= 3.5:
            strong = True  # a return verb with the contract's end: "nach Vertragsende gibt ... heraus"
        if cues.vague_needs_time_word:
            words = _speed_words_near_topic(cues, text, vague_words)
            if strong and words:
                out.append((kind, topic + 1.0, words))
            continue
        # the sentence before can say what "eingehende Anträge" are
        context = (
            _present(cues.topic, ctx.heading)
            + _present(cues.topic, ctx.lead)
            + _present_strong(cues.topic, ctx.prev)
        )
        if not (strong or (topic >= 2 and context >= 2) or (kind != "breach_notice" and context >= 3)):
            continue
        if kind == "breach_notice" and (
            _authority_only(text, ctx.parties) or _authority_on_controller_clock(text, ctx.parties)
        ):
            continue
        if kind in PROCESSOR_DUTIES and controller_acts(text.lstrip(), ctx.parties):
            continue
        if kind == "backup_deletion" and not _near(cues.topic, cues.duty, _LABEL_WORD.sub(_spaces, text), 80):
            # "Datensicherungssysteme ... zum Löschen von Daten" in a TOM list; "tägliche
            # Sicherung" before the next item's label "Vernichtung: Papieroriginale ..."
            continue
        if kind == "deletion" and _about_backups_only(text, book):
            continue  # "Die Löschung aus Backups erfolgt ..." is a backup deletion duty
        score = topic + 0.5 * context + (1.0 if vague_words else 0.0)
        if _ASSIST.search(text):
            score -= 1.5  # "unterstützt bei Meldungen": help with the controller's duty
        out.append((kind, score, vague_words))
    return out


# Vague words that say "how fast", as opposed to "announced beforehand".
_ADVANCE_LABELS = {
    "vorab",
    "vorgängig",
    "im Voraus",
    "vorherige Ankündigung",
    "nach Ankündigung",
    "in advance",
}


# A comma clause with a subject of its own that states a consequence or purpose: "informiert
# rechtzeitig ..., wodurch der Auftraggeber die Möglichkeit erhält, Einspruch zu erheben" times
# the notice, not the objection. An infinitive ("..., um Einwände zu erheben") has no subject of
# its own and stays in the clause.
_OWN_SUBJECT_CLAUSE = re.compile(
    r",\s*(?:wodurch|wobei|sodass|so dass|damit|weshalb|woraufhin|worauf|whereby|so that|such that"
    r"|thereby|in order that)\b"
)


def _speed_words_near_topic(cues: KindCues, text: str, words: list[QualifierHit]) -> list[QualifierHit]:
    out: list[QualifierHit] = []
    for w in words:
        if w.label in _ADVANCE_LABELS:
            continue
        seg_start = text.rfind(";", 0, w.start) + 1
        seg_end = text.find(";", w.end)
        seg_end = len(text) if seg_end < 0 else seg_end
        for m in _OWN_SUBJECT_CLAUSE.finditer(text, seg_start, seg_end):
            if m.end() <= w.start:
                seg_start = m.start()
            elif m.start() >= w.end:
                seg_end = m.start()
                break
        segment = text[seg_start:seg_end]
        if any(c.pattern.search(segment) for c in cues.topic):
            out.append(w)
    return out


def _about_backups_only(text: str, book: CueBook) -> bool:
    spans = [m.span() for c in book.kinds["backup_deletion"].topic for m in c.pattern.finditer(text)]
    if not spans:
        return False
    blanked = text
    for a, b in spans:
        blanked = blanked[:a] + " " * (b - a) + blanked[b:]
    return not _DATA_WORDS.search(blanked)


# Phrases that name a start event or deny a notice; they state no duty of their own.
_NOT_A_DUTY = re.compile(
    r"(nach|ab|seit) ((erhalt|zugang|eingang|zustellung|empfang) )?"
    r"(der|dieser|einer|seiner|ihrer|meiner|deiner|unserer|jeder|entsprechenden) "
    r"(mitteilung|information|benachrichtigung|anzeige|ankuendigung|unterrichtung|notifikation|notifizierung)"
    r"|(after|following|from|upon|of) (receipt of |receiving )?(the|such|this|that|its|any) "
    r"(notice|notification|information)"
    r"|ohne (vorherige |vorhergehende )?(ankuendigung|anmeldung|vorankuendigung|notice)"
    r"|without (prior )?notice"
)


# a word that labels a list item or a line of a flattened table ("Vernichtung: ...")
_LABEL_WORD = re.compile(r"\b[^\W\d_]+:(?=\s)")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


_ASSIST = re.compile(r"unterstuetz|\bassist|\bsupport|\bhilft\b|mitwirk")


def _near(a: tuple[Cue, ...], b: tuple[Cue, ...], text: str, dist: int) -> bool:
    spans_a = [m.span() for c in a for m in c.pattern.finditer(text)]
    spans_b = [m.span() for c in b for m in c.pattern.finditer(text)]
    return any(abs(x[0] - y[0]) <= dist for x in spans_a for y in spans_b)


_CONTROLLER = re.compile(
    r"auftraggeber|verantwortliche|kunde|\bag\b|controller|customer|client|auftraggeberin|mandant"
    r"|\b(dir|dich|euch|ihnen)\b"  # a contract that addresses the controller: "melde ich mich bei dir"
)
# the sector regulators by name: BaFin, Bundesbank, EZB/ECB, BSI (not its IT-Grundschutz), FINMA,
# FMA, EBA, CSSF, FCA
_REGULATORS = (
    r"|\b(bafin|bundesanstalt fuer finanzdienstleistungsaufsicht|bundesbank|ezb|ecb|europaeische zentralbank"
    r"|european central bank|(?:an das|dem|beim|vom) bsi|bundesamt fuer sicherheit in der informationstechnik"
    r"|finma|fma"
    r"|finanzmarktaufsicht|eba|eiopa|esma|cssf|fca|\w+aufsicht)\b"
)
_AUTHORITY = re.compile(
    r"(?:aufsichtsbehoerde|supervisory authorit|an die behoerde|datenschutzbehoerde|datenschutzaufsicht"
    r"|(landes|bundes)(datenschutz)?beauftragte|data protection authorit|competent authorit"
    # the authorities by their short names (Swiss EDÖB, German BfDI/LfDI/BayLDA, UK ICO, French CNIL)
    r"|\b(edoeb|bfdi|lfdi|ldi|blfd|baylda|hbdi|ico|cnil)\b" + _REGULATORS + r")"
    # sector regulators a controller reports incidents to (banking, IT security, insurance)
)


# The controller as the grammatical subject, in the masculine nominative of the role words
# ("Meldungen an die Aufsichtsbehörde nimmt der Auftraggeber vor", "... meldet der Kunde als
# Verantwortlicher"); "dem Auftraggeber", "den Kunden" are whom a notice goes to.
_CONTROLLER_SUBJECT = re.compile(
    r"\bder (?:\w+ )?(?:auftraggeber|verantwortliche|kunde|mandant|besteller)(?![\w-])"
    r"|\bals verantwortliche(?:r|n)?(?![\w-])"
)
_CONTROLLER_ADDRESSED = re.compile(
    r"\b(?:dem|den|an den|gegenueber dem|beim) (?:\w+ )?"
    r"(?:auftraggeber\w*|verantwortlichen|kunden|mandanten|besteller\w*)(?![\w-])"
)


def _authority_only(text: str, parties: Parties | None = None) -> bool:
    """A notice addressed to the supervisory authority: with no word for the controller, or
    with the controller as the one who notifies and the processor not named at all."""
    if not _AUTHORITY.search(text):
        return False
    if not _CONTROLLER.search(text) and (parties is None or not re.search(parties.controller, text)):
        return True
    processor = (parties or GENERIC).processor
    return (
        not re.search(processor, text)
        and _controller_is_subject(text, parties)
        and not _CONTROLLER_ADDRESSED.search(text)
    )


def _controller_is_subject(text: str, parties: Parties | None) -> bool:
    """The controller is the one who acts: "der Kunde", a clause that starts with the controller
    and its verb ("Die Auftraggeberin entscheidet, ob sie ... meldet"), or "du" where the
    contract addresses the controller so ("Die Meldung an die Behörde machst du")."""
    if _CONTROLLER_SUBJECT.search(text):
        return True
    controller = (parties or GENERIC).controller
    if _duties_of_pattern(controller).search(text):
        return True
    if _starts_with_pattern(controller).match(text) or _itself_pattern(controller).search(text):
        return True
    return bool(re.search(controller, "du")) and bool(_DU.search(text))


_DU = re.compile(r"\bdu\b")


@lru_cache(maxsize=64)
def _duties_of_pattern(controller: str) -> re.Pattern[str]:
    # the controller's own reporting duties named as its: "die Meldepflichten der Bank gegenüber der
    # BaFin", "Anzeigepflichten des Verantwortlichen", "the Customer's own reporting obligations"
    return re.compile(
        r"\b(?:melde|anzeige|mitteilungs|benachrichtigungs|berichts|informations)pflicht\w* "
        r"(?:des|der) (?:\w+ )?" + controller + r"(?![\w-])"
        r"|" + controller + r"(?:'s|s')? (?:own )?(?:\w+ )?(?:reporting|notification|notice) "
        r"(?:obligation|dut)"
    )


@lru_cache(maxsize=64)
def _itself_pattern(controller: str) -> re.Pattern[str]:
    # "... nimmt die Praxis selbst vor", "... übernimmt die Schule eigenverantwortlich": the
    # controller named with "selbst" after the verb is the one who acts
    return re.compile(
        r"(?<!\ban )(?<!\bfuer )(?<!\bgegenueber )(?<!\bueber )\b(?:der|die|das) (?:\w+ )?"
        + controller
        + r" (?:selbst|eigenstaendig|eigenverantwortlich)\b"
    )


@lru_cache(maxsize=64)
def _starts_with_pattern(controller: str) -> re.Pattern[str]:
    # "(3) Die Auftraggeberin entscheidet ...", "6.2 Der Kunde meldet ...": numbering, the article,
    # the controller and a verb right after it (the second place of a German main clause)
    return re.compile(
        r"^\W*(?:(?:\(?[0-9a-z]{1,3}[.)]|[0-9a-z]{1,3}(?:\.[0-9]{1,3})+\.?)\s*)*"
        r"(?:der|die|das|the)?\s*" + controller + r"\s+[a-z]{3,}"
    )
