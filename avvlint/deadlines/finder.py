"""Find the deadlines of a document: durations, their kind, and duties stated without a number."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..analysis import Analysis, Unit
from ..fold import fold_str
from ..nlp.sentences import split_sentences
from ..report import Deadline
from .classify import (
    Context,
    classify_duration,
    find_qualifiers,
    hedges_for,
    refers_back,
    trigger_span,
    vague_duties,
)
from .cues import CueBook, default_cue_book, with_parties
from .durations import Duration, find_durations, unit_of
from .parties import Parties, parties_of

EVIDENCE_MAX = 260  # characters of a clause quoted as evidence
PREV_SENTENCES = 2  # sentences before that can say what "Änderungen" or "diese" are


@dataclass(frozen=True, slots=True)
class _Sentence:
    unit: Unit
    text: str  # folded
    fstart: int  # folded offset of text[0] in the document's folded text
    ctx: Context


def _lead_in(analysis: Analysis, unit: Unit) -> str:
    """The paragraph ending in ":" that introduces the list or table this unit is part of."""
    blocks = analysis.doc.blocks
    if unit.block is None or blocks[unit.block].kind not in {"list_item", "table_row"}:
        return ""
    j = unit.block - 1
    steps = 0
    while j >= 0 and steps < 15:
        b = blocks[j]
        if b.kind == "heading":
            return ""
        raw = analysis.doc.text[b.start : b.end].rstrip()
        if raw.endswith(":"):
            lead = analysis.folded_text(b.start, b.end).replace("\n", " ")
            # only the introducing sentence: "Die Meldung enthält mindestens:"
            cut = max(lead.rfind(". ", 0, len(lead) - 1), lead.rfind("; ", 0, len(lead) - 1))
            return lead[cut + 2 :] if cut >= 0 else lead
        if b.kind not in {"list_item", "table_row"}:
            return ""
        j -= 1
        steps += 1
    return ""


_LIST_START = re.compile(r"\s*(?:[-•*–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")


def _lines(analysis: Analysis, u: Unit) -> list[Unit]:
    """A sentence split where the source starts a new line that is clearly a new statement.

    Text extraction sometimes glues a list item and the next paragraph into one block;
    a line break after a full stop or colon, before a list marker, or inside a list
    item ends the statement, unless the next line is indented under an open line (a
    wrapped table cell). Lines wrapped inside a sentence stay together.
    """
    text = analysis.doc.text
    block = analysis.doc.blocks[u.block] if u.block is not None else None
    in_list = block is not None and block.kind in {"list_item", "table_row"}
    is_item = block is not None and block.kind == "list_item"
    parts: list[Unit] = []
    start = u.start
    pos = text.find("\n", u.start, u.end)
    while pos >= 0:
        before = text[start:pos].rstrip()
        after = text[pos + 1 : u.end]
        ends = before[-1] in ".:;!?" if before else False
        # an indented line after an open one continues a wrapped cell or a hanging list
        # item ("... grundsätzlich innerhalb von\n\t48 Stunden nach Feststellung."); so does
        # a list item's line that stops mid-sentence ("(1) ... löscht der Auftragnehmer die\n
        # Daten ..., spätestens 180 Tage nach Vertragsende.")
        indented = after[:1] in {" ", "\t"}
        wrapped = in_list and not ends and (indented or (is_item and _open_line(before, after)))
        if before and ((in_list and not wrapped) or ends or _LIST_START.match(after)):
            parts.append(Unit(start, pos, u.block, u.section))
            start = pos + 1
        pos = text.find("\n", pos + 1, u.end)
    parts.append(Unit(start, u.end, u.block, u.section))
    return parts


# words a sentence cannot stop on: articles, prepositions, conjunctions, determiners
_RUNS_ON_WORDS = (
    "der die das des dem den ein eine einer eines einem einen und oder sowie bzw. von vom zu zur "
    "zum mit für fuer auf im in an am bei nach über ueber unter durch gegen ohne dass als alle allen "
    "aller sämtliche saemtliche sämtlichen saemtlichen seine seinen seiner ihre ihren ihrer diese "
    "dieser diesen dieses jede jeder jeden jedes keine sich nicht binnen innerhalb spätestens "
    "spaetestens mindestens höchstens hoechstens the a an of to and or within by"
)
_RUNS_ON = frozenset(_RUNS_ON_WORDS.split())


def _open_line(line: str, after: str) -> bool:
    """A list item's line that breaks a sentence: it ends on a comma or a word no sentence
    ends on, or the next line goes on in lower case or with a number."""
    nxt = after.lstrip(" \t")[:1]
    words = line.split()
    return (
        line.endswith(",")
        or (bool(words) and words[-1].lower() in _RUNS_ON)
        or nxt.islower()
        or (nxt.isdigit() and not _LIST_START.match(after))
        or _splits_duration(words, after)
    )


_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _splits_duration(words: list[str], after: str) -> bool:
    """The line breaks a period between its number and its unit: "... mit einer Frist von zehn" /
    "Werktagen anzukündigen.", "... binnen zwölf (12)" / "Stunden"."""
    m = _FIRST_WORD.match(after)
    if m is None or not words or unit_of(fold_str(m.group(1))) is None:
        return False
    tail = fold_str(" ".join(words[-3:]))
    return any(d.start < len(tail) < d.end for d in find_durations(f"{tail} {fold_str(m.group(1))}"))


def _join_short_lines(analysis: Analysis, units: list[Unit]) -> list[Unit]:
    """A paragraph hard-wrapped in short lines comes out of extraction as one block per line
    ("Landet so eine Anfrage" / "bei mir, leite ich sie innerhalb einer Woche an dich" /
    "weiter."): a paragraph line that ends without a sentence end runs on into the paragraph
    on the next line."""
    text = analysis.doc.text
    blocks = analysis.doc.blocks
    out: list[Unit] = []
    last: int | None = None  # block of the line the last unit ends in
    for u in units:
        if out and last is not None and u.block is not None and u.block == last + 1:
            p, pb, b = out[-1], blocks[last], blocks[u.block]
            if (
                pb.kind == "paragraph"
                and b.kind == "paragraph"
                and p.section == u.section
                and u.start == b.start
                and not text[p.end : pb.end].strip()
                and text[p.start : p.end].rstrip()[-1:] not in {"", ".", ":", ";", "!", "?"}
                and text[pb.end : b.start].count("\n") == 1
            ):
                out[-1] = Unit(p.start, u.end, p.block, p.section)
                last = u.block
                continue
        out.append(u)
        last = u.block
    return out


def _join_wrapped_rows(analysis: Analysis, units: list[Unit]) -> list[Unit]:
    """A table row or list item left open ("... grundsätzlich innerhalb von") and the
    indented line right after it (an empty first cell: "\t48 Stunden nach Feststellung.")
    are one statement: a wrapped cell."""
    text = analysis.doc.text
    blocks = analysis.doc.blocks
    out: list[Unit] = []
    for u in units:
        if out and out[-1].block is not None and u.block is not None:
            p = out[-1]
            open_end = text[p.start : p.end].rstrip()[-1:] not in {"", ".", ":", ";", "!", "?"}
            line_start = text.rfind("\n", 0, u.start) + 1
            gap = text[p.end : line_start]
            indented = (
                text[line_start : line_start + 1] in {" ", "\t"} and not text[line_start : u.start].strip()
            )
            rows = blocks[p.block].kind in {"table_row", "list_item"} and blocks[u.block].kind != "heading"
            if rows and open_end and indented and gap.count("\n") == 1 and not gap.strip():
                # the joined cell may hold several sentences: "... überschrieben. Versandprotokolle ..."
                spans = split_sentences(text, p.start, u.end) or [(p.start, u.end)]
                out[-1:] = [Unit(a, b, p.block, p.section) for a, b in spans]
                continue
        out.append(u)
    return out


# a pipe-table line whose first cell is empty: "|      | Hinzuziehung eines Subunternehmers. |  |"
_CONTINUED_ROW = re.compile(r"[ \t]*\|[ \t]*\|")
MAX_ROW_LINES = 6


def _join_continued_rows(analysis: Analysis, units: list[Unit]) -> list[Unit]:
    """A pipe-table row written over several lines, the later ones with an empty first cell
    ("| 3.9 | Der Auftragnehmer informiert ... vor jeder beabsichtigten | [X] | 3 Wochen vorher |"
    then "|     | Hinzuziehung oder Ersetzung eines Subunternehmers.      |     |                 |"),
    is one statement: the duty in one line and its period in another belong together."""
    text = analysis.doc.text
    blocks = analysis.doc.blocks
    out: list[Unit] = []
    lines = 0
    joined: int | None = None  # start of the continuation line joined last: its other sentences follow
    for u in units:
        b = blocks[u.block] if u.block is not None else None
        line_start = text.rfind("\n", 0, u.start) + 1
        if out and joined is not None and line_start == joined:
            out[-1] = Unit(out[-1].start, u.end, out[-1].block, out[-1].section)
            continue
        joined = None
        # the unit starts a line of a table row: a line of its own block (extraction merges
        # a row continued over several lines into one block) or the next row block
        if (
            out
            and b is not None
            and b.kind == "table_row"
            and not text[line_start : u.start].strip(" \t|")
            and out[-1].block is not None
            and blocks[out[-1].block].kind == "table_row"
            and blocks[out[-1].block].table == b.table
            and lines < MAX_ROW_LINES
        ):
            p = out[-1]
            gap = text[p.end : line_start]
            if _CONTINUED_ROW.match(text, line_start) and gap.count("\n") == 1 and not gap.strip(" \t|\n"):
                out[-1] = Unit(p.start, u.end, p.block, p.section)
                lines += 1
                joined = line_start
                continue
        lines = 1
        out.append(u)
    return out


def _row_sentences(analysis: Analysis, u: Unit) -> list[Unit]:
    """A table row is one unit of the analysis, but its cell may hold several sentences
    ("... 30 Tage nach Versand überschrieben. Versandprotokolle werden aufbewahrt."): the
    payment terms or log retention of the next sentence say nothing about this number."""
    if u.block is None or analysis.doc.blocks[u.block].kind != "table_row":
        return [u]
    spans = split_sentences(analysis.doc.text, u.start, u.end)
    if len(spans) < 2:
        return [u]
    return [Unit(a, b, u.block, u.section) for a, b in spans]


def _paragraphs(analysis: Analysis) -> list[int]:
    """The paragraph each block belongs to: paragraph blocks on consecutive lines, with no
    blank line between them, are one paragraph ("Das Hotel darf sich vor Ort ... ansehen." /
    "Der Termin wird mindestens eine Woche vorher vereinbart.")."""
    text = analysis.doc.text
    blocks = analysis.doc.blocks
    out: list[int] = []
    for i, b in enumerate(blocks):
        if (
            i > 0
            and b.kind == "paragraph"
            and blocks[i - 1].kind == "paragraph"
            and text.count("\n", blocks[i - 1].end, b.start) == 1
            and not text[blocks[i - 1].end : b.start].strip()
        ):
            out.append(out[-1])
        else:
            out.append(i)
    return out


# a label line over each rule of a part ("Regelung: Widerspruch", "Thema: Löschung"): it names
# the rule, not a new part, so the rule before still says what "der Vorankündigung" is about
_LABEL_TITLE = re.compile(r"\s*[^\W\d_]+:\s+\S")


def _sentences(analysis: Analysis, parties: Parties) -> list[_Sentence]:
    out: list[_Sentence] = []
    headings: dict[int | None, str] = {}
    blocks = analysis.doc.blocks
    # Units joined from a list's lead-in and one item ("parts") are left out: the lead-in
    # is read as context of each item below instead.
    units = [part for u in analysis.sentences if not getattr(u, "parts", ()) for part in _lines(analysis, u)]
    units = _join_short_lines(analysis, units)
    units = _join_wrapped_rows(analysis, units)
    units = [s for u in units for s in _row_sentences(analysis, u)]
    units = _join_continued_rows(analysis, units)
    before: list[tuple[int | None, int | None, str]] = []  # (section, paragraph, folded text) read so far
    near: list[str] = []  # the sentences read since the last title
    para = _paragraphs(analysis)
    for u in units:
        fs, fe = analysis.folded_span(u.start, u.end)
        # one line for the patterns; same length, so offsets stay valid
        text = analysis.folded.text[fs:fe].replace("\n", " ")
        if not text.strip():
            continue
        near_text = " ".join(near[-PREV_SENTENCES:])
        if (
            u.block is not None
            and blocks[u.block].kind == "heading"
            and text.rstrip()[-1:] not in ".;:"
            and not _LABEL_TITLE.match(text)
        ):
            near = [text]  # a title starts a new part
        else:
            near.append(text)
        if u.section not in headings:
            headings[u.section] = analysis.heading_text(u.section).replace("\n", " ")
        # a lead-in introduces the first line of a list item, not text glued after it
        first_line = u.block is not None and "\n" not in analysis.doc.text[blocks[u.block].start : u.start]
        lead = _lead_in(analysis, u) if first_line else ""
        # the sentences before in the same paragraph ("Über Änderungen informiert ..." after
        # "... setzt Subunternehmer ein")
        group = para[u.block] if u.block is not None else None
        prev = " ".join(t for sec, grp, t in before[-PREV_SENTENCES:] if sec == u.section and grp == group)
        before.append((u.section, group, text))
        ctx = Context(
            text=text, heading=headings[u.section], lead=lead, prev=prev, parties=parties, near=near_text
        )
        out.append(_Sentence(u, text, fs, ctx))
    return out


def _evidence_span(text: str, d: Duration | None) -> tuple[int, int]:
    """The clause words to quote: the sentence, or the part of a long one around the number."""
    start, end = 0, len(text)
    if d is None or end - start <= EVIDENCE_MAX:
        return start, end
    seg_start = text.rfind(";", 0, d.start) + 1
    seg_end = text.find(";", d.end)
    start, end = seg_start, (len(text) if seg_end < 0 else seg_end)
    if end - start <= EVIDENCE_MAX:
        return _strip(text, start, end)
    start = max(start, d.start - 150)
    end = min(end, d.end + EVIDENCE_MAX - 150)
    # snap to word boundaries
    while start > 0 and text[start - 1] != " " and start < d.start:
        start += 1
    while end < len(text) and text[end - 1] != " " and end > d.end:
        end -= 1
    return _strip(text, start, end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def find_deadlines(analysis: Analysis, book: CueBook | None = None) -> list[Deadline]:
    """Every numeric deadline in the document, plus one vague entry for each kind whose
    duty is stated only without a number."""
    book = book or default_cue_book()
    doc = analysis.doc
    parties = parties_of(doc.text)
    book = with_parties(book, parties)
    deadlines: list[Deadline] = []
    tiers: dict[int, int] = {}  # id of a numeric deletion deadline -> how firmly it counts from the end
    vague_candidates: dict[str, tuple[float, int, _Sentence, list]] = {}
    prev: tuple[_Sentence, list[Duration], list[Duration]] | None = None
    deletion_denied = False  # the contract says nothing is to be deleted or returned at its end
    deletion_deferred = False  # its end-of-contract deletion is set out elsewhere ("siehe Anlage 4")
    for order, s in enumerate(_sentences(analysis, parties)):
        deletion_denied = deletion_denied or any(
            c.pattern.search(s.text) for c in book.kinds["deletion"].denied
        )
        deletion_deferred = deletion_deferred or _deferred_end_deletion(s.text, book)
        numeric_kinds: set[str] = set()
        durations = find_durations(s.text)
        classified: list[Duration] = []
        carried = _carried_deletion(s, durations, prev, book)
        if carried is not None:
            p, d = carried
            src = analysis.to_source(p.fstart + d.start, p.fstart + d.end)
            a, _ = analysis.to_source(p.fstart, p.fstart + len(p.text))
            _, b = analysis.to_source(s.fstart, s.fstart + len(s.text))
            numeric_kinds.add("deletion")
            carried_dl = Deadline(
                kind="deletion",
                value=d.value,
                unit=d.unit,
                hours=d.hours,
                evidence=doc.locate(a, b),
                written=doc.text[src[0] : src[1]],
                lower_hours=d.lower_hours,
            )
            tiers[id(carried_dl)] = 1
            deadlines.append(carried_dl)
        for i, d in enumerate(durations):
            kinds = classify_duration(*_window(d, s.ctx), book)
            if not kinds:
                continue
            classified.append(d)
            src_start, src_end = analysis.to_source(s.fstart + d.start, s.fstart + d.end)
            written = doc.text[src_start:src_end]
            hedges = hedges_for(d, s.text, book, durations[max(0, i - 1) : i] + durations[i + 1 : i + 2])
            ev_start, ev_end = _evidence_span(s.text, d)
            ev = analysis.to_source(s.fstart + ev_start, s.fstart + ev_end)
            qualifiers = [_source_words(analysis, s, h.start, h.end) for h in hedges]
            if d.conflict:
                qualifiers.append("Zahl in Worten und Ziffern widersprüchlich")
            for kind in kinds:
                numeric_kinds.add(kind)
                deadlines.append(
                    found := Deadline(
                        kind=kind,
                        value=d.value,
                        unit=d.unit,
                        hours=d.hours,
                        vague=False,
                        hedged=bool(hedges),
                        evidence=doc.locate(*ev),
                        written=written,
                        lower_hours=d.lower_hours,
                        qualifiers=qualifiers,
                    )
                )
                if kind == "deletion":
                    tiers[id(found)] = _end_anchor_tier(*_window(d, s.ctx), book)
        prev = (s, durations, classified)
        for kind, score, words in _vague_in_chunks(s.ctx, book, classified):
            if kind in numeric_kinds:
                continue
            if len(classified) < len(durations):
                score -= 1.0  # a sentence whose number is something else (a retention minimum)
            best = vague_candidates.get(kind)
            if best is None or score > best[0]:
                vague_candidates[kind] = (score, order, s, words)
    deadlines = _drop_export_windows(deadlines, doc.text)
    deadlines = _prefer_end_anchored(
        deadlines, tiers, "deletion" in vague_candidates or deletion_denied or deletion_deferred
    )
    numeric = {d.kind for d in deadlines}
    for kind, (_score, _order, s, words) in vague_candidates.items():
        if kind in numeric:
            continue
        ev_start, ev_end = _evidence_span(s.text, None)
        if ev_end - ev_start > EVIDENCE_MAX and words:
            ev_start, ev_end = _around(s.text, words[0].start, words[0].end)
        ev = analysis.to_source(s.fstart + ev_start, s.fstart + ev_end)
        deadlines.append(
            Deadline(
                kind=kind,
                value=None,
                unit=None,
                hours=None,
                vague=True,
                hedged=False,
                evidence=doc.locate(*ev),
                written=_source_words(analysis, s, words[0].start, words[0].end) if words else "",
                qualifiers=[_source_words(analysis, s, w.start, w.end) for w in words],
            )
        )
    deadlines.sort(key=lambda x: (x.evidence.start if x.evidence else -1, x.kind))
    return deadlines


def _deferred_end_deletion(text: str, book: CueBook) -> bool:
    """A deletion at the contract's end whose period the contract states elsewhere ("Rückgabe /
    Löschung nach Vertragsende: siehe Anlage 4"): a deletion duty at the end exists, so periods
    tied to other events (a portal's routine deletion) are not its deadline."""
    if not any(c.pattern.search(text) for c in book.deferred):
        return False
    cues = book.kinds["deletion"]
    return any(c.pattern.search(text) for c in cues.duty) and any(
        c.pattern.search(text) for c in cues.duty_context
    )


WINDOW = 400  # characters on each side of a number that can say what it is


def _window(d: Duration, ctx: Context) -> tuple[Duration, Context]:
    """The duration and the sentence cut to a window around it: cues further away carry no
    weight worth the time, and a run-on "sentence" (a flattened table) stays linear."""
    if len(ctx.text) <= 2 * WINDOW + (d.end - d.start):
        return d, ctx
    start = max(0, d.start - WINDOW)
    end = min(len(ctx.text), d.end + WINDOW)
    return replace(d, start=d.start - start, end=d.end - start), replace(ctx, text=ctx.text[start:end])


CHUNK = 2000


def _vague_in_chunks(ctx: Context, book: CueBook, numeric: list[Duration]):
    """Numberless duties of a sentence; run-on text is read in chunks."""
    if len(ctx.text) <= CHUNK:
        return vague_duties(ctx, book, numeric)
    out = []
    for start in range(0, len(ctx.text), CHUNK):
        part = ctx.text[start : start + CHUNK]
        inside = [
            replace(d, start=d.start - start, end=d.end - start)
            for d in numeric
            if start <= d.start < start + CHUNK
        ]
        out += vague_duties(replace(ctx, text=part), book, inside)
    return out


# "Nach Ablauf der Frist werden die Daten gelöscht": the period is in the sentence before.
_BACK_REFERENCE = re.compile(
    r"nach (ablauf|ende) (der|dieser|des|dieses) (frist|zeitraum|exportfrist|periode)"
    r"|\banschliessend\b|\bdanach\b"
    r"|\bthereafter\b|after (this|that|such) period"
)


def _carried_deletion(
    s: _Sentence,
    durations: list[Duration],
    prev: tuple[_Sentence, list[Duration], list[Duration]] | None,
    book: CueBook,
) -> tuple[_Sentence, Duration] | None:
    """The previous sentence's period when this numberless sentence deletes "after it"."""
    if prev is None or durations or not _BACK_REFERENCE.search(s.text):
        return None
    p, p_durations, p_classified = prev
    if p.unit.section != s.unit.section or len(p_durations) != 1 or p_classified:
        return None
    d = p_durations[0]
    if d.periodic or d.bound == "min":
        return None
    if not any(c.pattern.search(s.text) for c in book.kinds["deletion"].duty):
        return None
    return p, d


def _end_anchor_tier(d: Duration, ctx: Context, book: CueBook) -> int:
    """How firmly a deletion period counts from the contract's end (or an instruction):
    2 said in its own clause, 1 only by the heading or a list's lead-in, 0 not at all
    ("nach 30 Tagen automatisch gelöscht", "innerhalb von 5 Tagen nach dem Scannen")."""
    anchors = book.kinds["deletion"].anchor
    if not anchors:
        return 2
    text = ctx.text
    seg_start = text.rfind(";", 0, d.start) + 1
    seg_end = text.find(";", d.end)
    seg_end = len(text) if seg_end < 0 else seg_end
    trig = trigger_span(text, d)
    if trig is not None and trig[1] > trig[0]:
        if any(c.pattern.search(text, trig[0], trig[1]) for c in anchors):
            return 2
        # the clock starts at another event; only a contract end stated before it counts
        seg_end = d.start
    if any(c.pattern.search(text, seg_start, seg_end) for c in anchors):
        return 2
    if refers_back(text) and any(c.pattern.search(ctx.prev) for c in anchors):
        return 2  # "Nach Vertragsende löscht ... Die Löschung erfolgt binnen 7 Tagen nach Versand."
    if any(c.pattern.search(ctx.heading) or c.pattern.search(ctx.lead) for c in anchors):
        return 1
    return 0


def _prefer_end_anchored(
    deadlines: list[Deadline], tiers: dict[int, int], end_duty_without_number: bool
) -> list[Deadline]:
    """The catalogue's deletion period runs from the contract's end: when the contract
    ties one deletion period to it, periods tied to other events (routine deletion of
    call recordings, statutory retention) are not the deletion deadline. Neither are
    they when the end-of-contract deletion is stated without a number (a numberless
    deletion duty counts only at the contract's end): that duty is reported as vague;
    or when the contract says no deletion or return is owed at its end."""
    numeric = [d for d in deadlines if d.kind == "deletion" and not d.vague and id(d) in tiers]
    if not numeric:
        return deadlines
    best = max(tiers[id(d)] for d in numeric)
    if best == 0 and end_duty_without_number:
        best = 1
    drop = {id(d) for d in numeric if tiers[id(d)] < best}
    return [d for d in deadlines if id(d) not in drop]


_EXPORT = re.compile(r"export|herunterlad|download", re.IGNORECASE)
_DELETE = re.compile(
    r"l(ö|oe)sch|vernicht|r(ü|ue)ckgabe|zur(ü|ue)ck|delet|erase|destroy|return", re.IGNORECASE
)


def _drop_export_windows(deadlines: list[Deadline], text: str) -> list[Deadline]:
    """An export window ("30 Tage lang Gelegenheit, die Daten zu exportieren") stands in for
    the deletion period only when the contract states no deletion period of its own."""

    def is_export(d: Deadline) -> bool:
        ev = d.evidence.text if d.evidence else ""
        return d.kind == "deletion" and not d.vague and bool(_EXPORT.search(ev)) and not _DELETE.search(ev)

    if any(d.kind == "deletion" and not d.vague and not is_export(d) for d in deadlines):
        return [d for d in deadlines if not is_export(d)]
    return deadlines


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(0, start - 150)
    b = min(len(text), end + EVIDENCE_MAX - 150)
    return _strip(text, a, b)


def _source_words(analysis: Analysis, s: _Sentence, fstart: int, fend: int) -> str:
    a, b = analysis.to_source(s.fstart + fstart, s.fstart + fend)
    return analysis.doc.text[a:b]


def find_qualifier_words(text: str, book: CueBook | None = None) -> list[str]:
    """Vague words and hedges in a folded text (labels), for messages and tests."""
    book = book or default_cue_book()
    return [h.label for h in find_qualifiers(book.vague + book.hedge, text)]
