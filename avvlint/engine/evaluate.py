"""Decide every catalogue element for one document.

An element is met when one of its rules finds a clause that states the duty and
is not negated; the evidence is the words that matched. Otherwise it is missing
and gets a finding with the legal basis and what the contract must say. A
duty found only in negated form is reported as excluded, quoting that clause.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..analysis import Analysis
from ..catalogue import BY_ID, REQUIREMENTS
from ..document import Location
from ..report import Finding, RequirementResult
from ..wording import FINITE_VERBS
from .matcher import DocMatcher, FUnit, Span
from .model import Rule
from .negation import negation_cues
from .pack import CompiledPattern, RulePack
from .patterns import All

MAX_EVIDENCE = 3
MAX_QUOTE = 600  # characters of a quoted clause at most
MAX_SCAN = 60  # matches examined per pattern when ranking evidence
_ANNEX_REF = re.compile(
    r"(?<![\w])(anlagen|anhaenge|anlage|anhang|annex|appendix)(?![\w])"
    r"(?:\s*(\d+(?:\.\d+)?[a-z]?)(?![\w]|\.\d)|\s+([a-h])(?![\w]))?"
)
ANNEX_RULE = "AVV090"
_ANAPHORA = re.compile(r"(?:dies|das|gleiches|dasselbe|selbiges)\s+gilt\b|this\s+(?:also\s+)?applies\b")
_PLACEHOLDER_LINE = re.compile(
    r"^[^:\n]{1,80}:\s*(?:_{2,}|\.{3,}|…|\[[^\]]*\]|xy|tbd|n/?a|-+)?\s*$", re.I | re.M
)


@dataclass
class _Outcome:
    positives: list[list[Location]] = field(default_factory=list)
    negated: list[Location] = field(default_factory=list)
    missing_annexes: list[tuple[str, Location]] = field(default_factory=list)
    rule: Rule | None = None
    heading_only: bool = False  # every positive is a heading, no clause states the duty
    vetoed: bool = False  # an exclusion that outweighs the positives was found


def _evidence(analysis: Analysis, m: DocMatcher, spans: list[Span]) -> list[Location]:
    """One location per sentence touched: from the first to the last matched word in it."""
    doc = analysis.doc
    out: list[Location] = []
    by_sentence: dict[int, list[Span]] = {}
    sentences = m.real_sentences()
    starts = m.sentence_starts()
    for s in spans:
        i = bisect.bisect_right(starts, s[0]) - 1
        by_sentence.setdefault(i, []).append(s)
    for i in sorted(by_sentence):
        group = by_sentence[i]
        fs = min(a for a, _ in group)
        fe = max(b for _, b in group)
        # Never quote beyond the sentence the words start in (a run-on line, a greedy regex).
        if 0 <= i < len(sentences):
            fe = min(fe, max(sentences[i].end, fs + 1))
        fe = min(fe, fs + MAX_QUOTE)
        src_s, src_e = analysis.to_source(fs, fe)
        out.append(doc.locate(src_s, src_e))
    return out


def _negated_sentences(m: DocMatcher, spans: list[Span], pat: CompiledPattern) -> list[tuple[Span, Span]]:
    """(sentence, cue) for each sentence in which a negation cue negates matched words."""
    if not pat.negation:
        return []
    out = []
    for sent in m.sentences_in(min(a for a, _ in spans), max(b for _, b in spans)):
        inside = [s for s in spans if sent.start <= s[0] < sent.end]
        if not inside:
            continue
        cues = negation_cues(
            m.text, (sent.start, sent.end), inside, pat.extra_negation, own_cues=pat.own_cues
        )
        if not cues and _ANAPHORA.match(m.text, sent.start):
            # "… ist nicht verpflichtet, Vor-Ort-Kontrollen zu dulden. Dies gilt auch für
            # beauftragte Prüfer.": the second sentence carries the first one's negation.
            prev = m.sentence_before(sent)
            if prev is not None:
                prev_cues = negation_cues(
                    m.text,
                    (prev.start, prev.end),
                    [(prev.end, prev.end)],
                    pat.extra_negation,
                    window_before=999,
                )
                if prev_cues:
                    out.append(((sent.start, sent.end), prev_cues[0]))
            continue
        out.extend((_segment(m.text, sent, cue), cue) for cue in cues)
    return out


def _segment(text: str, sent: FUnit, cue: Span) -> Span:
    """The part of a sentence a negation cue governs: up to ";" or ":" on either side
    ("… kann widersprechen; in diesem Fall unterbleibt die Unterbeauftragung")."""
    start, end = sent.start, sent.end
    left = max(text.rfind(";", start, cue[0]), text.rfind(":", start, cue[0]))
    if left >= 0:
        start = left + 1
    rights = [i for i in (text.find(";", cue[1], end), text.find(":", cue[1], end)) if i >= 0]
    if rights:
        end = min(rights)
    return (start, end)


def _check_negation(m: DocMatcher, spans: list[Span], pat: CompiledPattern) -> Span | None:
    neg = _negated_sentences(m, spans, pat)
    return neg[0][1] if neg else None


def _annex_refs(m: DocMatcher, spans: list[Span]) -> list[tuple[str, Span]]:
    """Annex labels ("anlage 1") referenced in the sentences of a match, with where."""
    out = []
    for sent in m.sentences_in(min(a for a, _ in spans), max(b for _, b in spans)):
        for r in _ANNEX_REF.finditer(m.text, sent.start, sent.end):
            word = {"anhaenge": "anhang", "anlagen": "anlage"}.get(r.group(1), r.group(1))
            num = r.group(2) or r.group(3)
            label = f"{word} {num}" if num else word
            out.append((label, (sent.start, sent.end)))
    return out


_POINTER = re.compile(
    r"(?:siehe|s\.|gemaess|laut|lt\.|ergeben sich aus|ergibt sich aus|in|aus|see|as set out in|listed in)"
    r"\s+(?:der\s+|den\s+)?(?:anlage|anhang|annex|appendix)\s*\d"
)


_SEE = ("siehe", "see", "s.")


def _points_to_absent_annex(m: DocMatcher, spans: list[Span]) -> bool:
    """The matched sentence is only a label and a pointer ("Genehmigte Unterauftragnehmer:
    siehe Anlage 3."); a duty that refers to an annex for details still states the duty."""
    return any(
        (pointer := _POINTER.search(m.text, sent.start, sent.end)) is not None
        # "siehe Anlage 4" in a table row ("Rückgabe / Löschung nach Vertragsende | siehe
        # Anlage 4 | § 6") is a pure pointer even in a longer row
        and len(m.text[sent.start : sent.end].split())
        <= (12 if pointer.group().startswith(("siehe", "see", "s.")) else 8)
        for sent in m.sentences_in(min(a for a, _ in spans), max(b for _, b in spans))
    )


# The first finite verb of a statement; when it is followed by an annex reference the
# statement only defers: "Gegenstand und Art der Verarbeitung … sind in Anlage 1 festgelegt".
_FIRST_VERB = re.compile(
    r"\b(?:ist|sind|wird|werden|ergeben|ergibt|richten|richtet|finden|findet|befinden|befindet|is|are)\b"
)
# an annex and its number ("Anlage 4", "Anlage 12.1"), the number captured
_ANNEX_NO = r"(?:anlage|anhang|annex|appendix)\s*(\d+(?:\.\d+)?)"
_DEFERS = re.compile(
    r"\s+(?:sich\s+)?(?:(?:abschliessend|naeher|im einzelnen|im einzelfall|jeweils)\s+)?"
    rf"(?:in|aus|nach)\s+(?:der\s+|den\s+)?{_ANNEX_NO}"
)


# "verfährt mit den Daten nach dem Löschkonzept gemäß Anlage 4": the whole duty is the annex
_PROCEEDS = re.compile(
    r"\b(?:verfaehrt|verfahren|verfahre|proceeds|shall proceed)\b[^.;]{0,100}?"
    r"\b(?:gemaess|nach|laut|entsprechend|according to|in accordance with)\s+"
    rf"(?:der\s+|dem\s+)?{_ANNEX_NO}"
)
# "trifft die in Anlage 12.1 festgelegten technischen und organisatorischen Maßnahmen": the
# matched words name what the annex holds; with the annex blank, nothing is stated
_ATTRIBUTIVE = re.compile(
    rf"\b(?:die|der|den|dem|des)\s+(?:in|nach|gemaess|laut)\s+(?:der\s+)?{_ANNEX_NO}"
    r"\s+(?:\w+\s+){0,2}?(?:festgelegt|beschrieben|aufgefuehrt|genannt|definiert|vereinbart"
    r"|dokumentiert|bezeichnet|niedergelegt)\w*((?:[\s-]+\w+){1,6})"
)


def _defers_to_absent_annex(m: DocMatcher, spans: list[Span], absent: list[str]) -> bool:
    """The matched words are the subject of a sentence that only points at a missing annex."""
    numbers = {label.split()[1] for label in absent}
    first = min(a for a, _ in spans)
    for sent in m.sentences_in(first, max(b for _, b in spans)):
        proceeds = _PROCEEDS.search(m.text, sent.start, sent.end)
        if proceeds is not None and proceeds.group(1) in numbers:
            return True
        for attr in _ATTRIBUTIVE.finditer(m.text, sent.start, sent.end):
            if attr.group(1) in numbers and all(attr.start() <= a and b <= attr.end() for a, b in spans):
                return True
        start = max(sent.start, first)
        stop = m.text.find(";", start, sent.end)
        verb = _FIRST_VERB.search(m.text, start, stop if stop >= 0 else sent.end)
        if verb is None:
            continue
        ref = _DEFERS.match(m.text, verb.end())
        if ref is not None and ref.group(1) in numbers:
            return True
    return False


def _annex_present(analysis: Analysis, label: str) -> bool:
    """Is an annex with this number in the document, and not left blank?"""
    return _annex_span(analysis, label) is not None


def _annex_span(analysis: Analysis, label: str) -> tuple[int, int] | None:
    """Where the annex stands (source offsets), if it is present and not left blank."""
    cache: dict[str, tuple[int, int] | None] = analysis.__dict__.setdefault("_annex_cache", {})
    if label not in cache:
        cache[label] = _annex_span_uncached(analysis, label)
    return cache[label]


def _annex_span_uncached(analysis: Analysis, label: str) -> tuple[int, int] | None:
    parts = label.split()
    if len(parts) < 2:
        annexes = [
            s
            for s in analysis.doc.sections
            if s.label.lower().startswith(("anlage", "anhang", "annex", "appendix"))
        ]
        return (annexes[0].start, annexes[-1].end) if annexes else None
    num = parts[1]
    for s in analysis.doc.sections:
        low = s.label.lower().split()
        if len(low) == 2 and low[0] in {"anlage", "anhang", "annex", "appendix"} and low[1] == num:
            # An annex of labels with blanks ("Datenkategorien: ______") is not there either.
            # (the matching view: fill-in instructions "[wird … nachgereicht]" are blanked)
            body = _PLACEHOLDER_LINE.sub("", analysis.folded_text(s.heading_end, s.end))
            if sum(ch.isalpha() for ch in body) > 20:
                return (s.start, s.end)
    return None


def _affinity(m: DocMatcher, unit: FUnit, spans: list[Span]) -> int:
    """How many matched words the section headings above the match share: evidence in
    "§ 8 Meldung von Datenschutzverletzungen" beats a passing mention elsewhere."""
    heads = m.analysis.heading_text(unit.section)
    if not heads:
        return 0
    return sum(1 for a, b in spans if m.text[a : min(b, a + 5)] in heads and b - a >= 5)


def _in_heading(analysis: Analysis, loc: Location) -> bool:
    """A heading proper: a short title. A long numbered line that structure detection
    took for a heading ("7.1 Mit dem Einsatz folgender … ist der Mandant einverstanden:")
    is a clause."""
    b = analysis.doc.block_at(loc.start)
    if b is None or b.kind != "heading" or loc.end > b.end:
        # evidence running on past the heading quotes the clause under it
        return False
    # counted in the matching view, where a fill-in note under the title is blanked
    words = analysis.folded_text(b.start, b.end).split()
    return len(words) <= 10 and not FINITE_VERBS.intersection(w.strip(".,:;") for w in words)


def _lead_sources(analysis: Analysis, m: DocMatcher, pat: CompiledPattern, unit: FUnit) -> list[Span]:
    """Source spans of the first term of an ``all`` pattern (what the rule is about)."""
    children = getattr(pat.node, "children", None)
    if not isinstance(pat.node, All) or not children:
        return []
    return [analysis.to_source(a, b) for a, b in m.eval(children[0], unit) or []]


def run_rule(rule: Rule, patterns: list[CompiledPattern], analysis: Analysis, m: DocMatcher) -> _Outcome:
    """All matches of ``rule``; positives ranked so the best evidence comes first.

    Body clauses outrank headings (a heading names a topic, the clause states the
    duty), earlier patterns outrank later ones, then document order.
    """
    out = _Outcome(rule=rule)
    ranked: list[tuple[tuple[bool, int, int, int], list[Location]]] = []
    pending: list[tuple[list[tuple[int, int]], list[Location], tuple[bool, int, int, int]]] = []
    for pi, pat in enumerate(patterns):
        found = 0
        for unit in m.candidate_units(pat.scope, m.anchors(pat.node)):
            if found >= MAX_SCAN:
                break
            if pat.inside is not None and not m.heading_matches(pat.inside, unit.section):
                continue
            if pat.not_inside is not None and m.heading_matches(pat.not_inside, unit.section):
                continue
            spans = m.eval(pat.node, unit)
            if not spans:
                continue
            spans = sorted(set(spans))
            if pat.vetoes:
                out.negated.extend(_evidence(analysis, m, [(spans[0][0], spans[-1][1])])[:1])
                out.vetoed = True
                break
            negated = _negated_sentences(m, spans, pat)
            if negated:
                # Drop the negated sentences; the duty may still be stated by the rest.
                rest = m.eval(pat.node, unit.without([s for s, _ in negated]))
                if not rest:
                    (s0, s1), cue = negated[0]
                    inside = [sp for sp in spans if s0 <= sp[0] < s1] + [cue]
                    loc = _evidence(analysis, m, [(min(a for a, _ in inside), max(b for _, b in inside))])
                    out.negated.extend(loc[:1])
                    out.vetoed = out.vetoed or pat.exclusion_wins
                    continue
                spans = sorted(set(rest))
            evidence = _evidence(analysis, m, spans)
            refs = _annex_refs(m, spans)
            absent = []
            for label, where in refs:
                parts = label.split()
                is_numbered = len(parts) == 2 and parts[0] in {"anlage", "anhang", "annex", "appendix"}
                if is_numbered and not _annex_present(analysis, label):
                    absent.append(label)
                    out.missing_annexes.append((label, _evidence(analysis, m, [where])[0]))
            if pat.references_annex and refs and len(absent) == len(refs):
                # "… ergeben sich aus Anlage 1" and there is no Anlage 1: nothing is stated.
                continue
            if absent and (_points_to_absent_annex(m, spans) or _defers_to_absent_annex(m, spans, absent)):
                # "Genehmigte Unterauftragnehmer: siehe Anlage 3." with no Anlage 3 in the document
                continue
            present = [
                span
                for label, _ in refs
                if len(label.split()) == 2 and (span := _annex_span(analysis, label)) is not None
            ]
            if pat.references_annex and present:
                # The annex must say it: a reference counts only when the annex holds what the
                # rule's own (non-reference) patterns find.
                pending.append((present, evidence, (_in_heading(analysis, evidence[0]), pi, 0, unit.start)))
                found += 1
                continue
            # The clause words before the heading they stand under; in a wide unit (a
            # section) the sentence holding the pattern's first term before its context.
            lead = _lead_sources(analysis, m, pat, unit) if len(evidence) > 1 else []
            evidence.sort(
                key=lambda loc: (
                    _in_heading(analysis, loc),
                    bool(lead) and not any(loc.start < e and s < loc.end for s, e in lead),
                )
            )
            heading_only = _in_heading(analysis, evidence[0])
            ranked.append(((heading_only, pi, -_affinity(m, unit, spans), unit.start), evidence))
            found += 1
    direct = [ev for _, ev in ranked]
    for annexes, evidence, key in pending:
        if any(a <= loc.start < b for a, b in annexes for ev in direct for loc in ev):
            ranked.append((key, evidence))
    ranked.sort(key=lambda r: r[0])
    out.heading_only = bool(ranked) and all(key[0] for key, _ in ranked)
    seen: list[Location] = []
    for _, evidence in ranked:
        if any(e.start < o.end and o.start < e.end for e in evidence for o in seen):
            continue
        out.positives.append(evidence)
        seen.extend(evidence)
        if len(out.positives) >= MAX_EVIDENCE:
            break
    return out


def evaluate(pack: RulePack, analysis: Analysis) -> tuple[list[RequirementResult], list[Finding]]:
    m = DocMatcher(analysis, pack.lemma_forms, pack.lexicon)
    outcomes: dict[str, list[_Outcome]] = {}
    absence_findings: list[Finding] = []
    for rule in pack.rules:
        if rule.type == "reference":
            continue
        o = run_rule(rule, pack.patterns[rule.code], analysis, m)
        if rule.type == "absence":
            for ev in o.positives:
                absence_findings.append(_finding(rule, ev[0], rule.message_de))
            continue
        outcomes.setdefault(rule.requirement, []).append(o)

    results: list[RequirementResult] = []
    findings: list[Finding] = list(absence_findings)
    annex_rule = pack.by_code(ANNEX_RULE)
    reported_annexes: set[str] = set()
    requirement_ids = [r.id for r in REQUIREMENTS] + sorted(rid for rid in outcomes if rid not in BY_ID)
    status: dict[str, str] = {}
    for rid in requirement_ids:
        outs = outcomes.get(rid, [])
        title = BY_ID[rid].title_de if rid in BY_ID else rid
        # Annexes pointed to but absent are worth asking for, whether or not the element is met.
        for o in outs:
            for label, loc in o.missing_annexes:
                if annex_rule is not None and label not in reported_annexes:
                    reported_annexes.add(label)
                    msg = annex_rule.message_de.format(annex=label.title(), requirement=title)
                    findings.append(_finding(annex_rule, loc, msg, requirement=rid))
        negated = [loc for o in outs for loc in o.negated]
        # A heading names a topic; only a clause under it states the duty.
        positive = next((o for o in outs if o.positives and not o.heading_only), None)
        if any(o.vetoed for o in outs):
            positive = None
        needs = positive.rule.requires if positive is not None and positive.rule is not None else ()
        if any(status.get(x) == "missing" for x in needs):
            # copies "deleted at the end" mean nothing without the duty to delete at the end
            positive = None
        if positive is not None:
            status[rid] = "met"
            evidence = [ev for o in outs for evs in o.positives for ev in evs][:MAX_EVIDENCE]
            rule_code = positive.rule.code if positive.rule else None
            results.append(RequirementResult(rid, "met", evidence, rule_code, title))
            continue
        status[rid] = "missing"
        primary = next((o.rule for o in outs if o.rule is not None), None)
        results.append(
            RequirementResult(
                rid, "missing", [], primary.code if primary else None, title, negated[:MAX_EVIDENCE]
            )
        )
        if primary is None:
            continue
        if negated:
            msg = (
                f"{primary.message_de} (die einschlägige Klausel schließt die Pflicht aus oder verneint sie)"
            )
            findings.append(_finding(primary, negated[0], msg))
        else:
            findings.append(_finding(primary, None, primary.message_de))
    return results, findings


def _finding(rule: Rule, loc: Location | None, message: str, requirement: str | None = None) -> Finding:
    req = requirement or rule.requirement
    return Finding(
        rule=rule.code,
        requirement=req,
        severity=rule.severity,  # type: ignore[arg-type]
        message=message,
        location=loc,
        title=BY_ID[req].title_de if req in BY_ID else rule.name,
        legal_basis=rule.legal_basis,
        recommendation=rule.recommendation,
        message_en=rule.message_en,
    )
