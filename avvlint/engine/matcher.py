"""Evaluate compiled match trees on one document.

Every leaf regex runs once over the whole folded document; a unit (sentence,
clause, section) then only asks which of those spans fall inside it. This keeps
a check of a 10-page contract against the whole rule pack in the tens of
milliseconds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..analysis import Analysis
from ..fold import fold_str
from .patterns import All, Any_, Fuzzy, Leaf, Lemma, Near, Node, Not, Similar, expand_roles
from .roles import CONTROLLER_STEMS, PROCESSOR_STEMS, detect_party_names

Span = tuple[int, int]
_WORD = re.compile(r"[a-z0-9][\w\-]*")
# the first three characters of a word (a word start: not preceded by a word character)
_WORD_START = re.compile(r"(?<![\w])[a-z0-9]{3}")
_NEW_LINE = re.compile(r"\n(?![ \t])")  # a new line that is not a wrapped table cell


@dataclass(frozen=True, slots=True)
class FUnit:
    """A unit in folded coordinates; ``parts`` when it is made of separate pieces."""

    start: int
    end: int
    section: int | None
    src_start: int
    src_end: int
    parts: tuple[Span, ...] = ()

    def pieces(self) -> tuple[Span, ...]:
        return self.parts or ((self.start, self.end),)

    def without(self, holes: list[Span]) -> FUnit:
        """The same unit with ``holes`` (e.g. negated sentences) cut out."""
        pieces: list[Span] = []
        for s, e in self.pieces():
            cur = s
            for hs, he in sorted(holes):
                if he <= cur or hs >= e:
                    continue
                if hs > cur:
                    pieces.append((cur, hs))
                cur = max(cur, he)
            if cur < e:
                pieces.append((cur, e))
        if not pieces:
            return FUnit(
                self.start,
                self.start,
                self.section,
                self.src_start,
                self.src_start,
                ((self.start, self.start),),
            )
        return FUnit(pieces[0][0], pieces[-1][1], self.section, self.src_start, self.src_end, tuple(pieces))


_ITEM_START = re.compile(
    r"[ \t]*(?:[-*•–]\s|\([a-z0-9]{1,3}\)\s|(?![a-z]\.\s?[a-z]\.)[a-z0-9]{1,3}[.)]\s|\d+(?:\.\d+)+\s|§)",
    re.IGNORECASE,
)


# the next line of an ASCII table row: its first cell is empty
_ROW_GOES_ON = re.compile(r"[ \t]*\|[ \t]*\|[^|\n]*\S")


def _soft_wrap(text: str, nl: int) -> bool:
    """Is the line break at ``nl`` only the wrapping of a longer line?"""
    nxt = text[nl + 1 : nl + 2]
    if nxt in (" ", "\t") or _ROW_GOES_ON.match(text, nl + 1):
        return True
    if not nxt or nxt == "\n" or _ITEM_START.match(text, nl + 1):
        return False
    line_start = text.rfind("\n", 0, nl) + 1
    line = text[line_start:nl].rstrip()
    return len(line) >= 40 and not line.endswith((".", ":", ";", "!", "?"))


@lru_cache(maxsize=4096)
def _compile(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.MULTILINE)


class DocMatcher:
    """Matching state for one document: leaf spans, units, party names."""

    def __init__(
        self,
        analysis: Analysis,
        lemma_forms: dict[str, frozenset[str]] | None = None,
        lexicon: frozenset[str] = frozenset(),
    ) -> None:
        self.analysis = analysis
        if lexicon:
            from .typos import apply, corrections

            self.typos = corrections(analysis.folded.text, lexicon)
            analysis.folded = apply(analysis.folded, self.typos)
        else:
            self.typos = {}
        self.text = analysis.folded.text
        proc, ctrl = detect_party_names(analysis.doc.text)
        self.processor_names = tuple(proc)
        self.controller_names = tuple(ctrl)
        self._spans: dict[str, tuple[list[int], list[Span]]] = {}
        self._units: dict[str, list[FUnit]] = {}
        self._vocab: list[str] | None = None
        self._word_starts: list[int] | None = None
        self._lemma_forms = lemma_forms or {}
        self._anchor_cache: dict[int, list[int] | None] = {}
        self._starts: list[int] | None = None
        self._role_regex: dict[str, str] = {}
        self._prefixes: dict[str, list[int]] | None = None
        self._indexes: dict[str, tuple[list[int], list[int]]] = {}

    # -- units -----------------------------------------------------------------------
    def units(self, scope: str) -> list[FUnit]:
        if scope not in self._units:
            out = []
            for u in self.analysis.units(scope):
                fs, fe = self.analysis.folded_span(u.start, u.end)
                parts = tuple(self.analysis.folded_span(a, b) for a, b in u.parts)
                if fe > fs:
                    out.append(FUnit(fs, fe, u.section, u.start, u.end, parts))
            self._units[scope] = out
        return self._units[scope]

    def real_sentences(self) -> list[FUnit]:
        """Sentences proper (without the lead-in + item combinations)."""
        if "_real" not in self._units:
            self._units["_real"] = [u for u in self.units("sentence") if not u.parts]
        return self._units["_real"]

    def sentence_before(self, sent: FUnit) -> FUnit | None:
        """The sentence before ``sent`` if it stands in the same block (paragraph)."""
        sents = self.real_sentences()
        i = bisect.bisect_left(self.sentence_starts(), sent.start) - 1
        if i < 0:
            return None
        prev = sents[i]
        between = self.text[prev.end : sent.start]
        return prev if "\n\n" not in between else None

    def sentence_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [u.start for u in self.real_sentences()]
        return self._starts

    def sentences_in(self, start: int, end: int) -> list[FUnit]:
        sents = self.real_sentences()
        starts = self.sentence_starts()
        i = max(0, bisect.bisect_right(starts, start) - 1)
        out = []
        while i < len(sents) and sents[i].start < end:
            if sents[i].end > start:
                out.append(sents[i])
            i += 1
        return out

    # -- leaves ----------------------------------------------------------------------
    def leaf_spans(self, regex: str, literals: tuple[str, ...] | None = None) -> tuple[list[int], list[Span]]:
        """All matches of ``regex``, overlapping ones included.

        A phrase with gaps that starts in the previous sentence must not hide the one
        that starts in this sentence, so every start position is tried — only where
        one of ``literals`` occurs when they are known (fast), else everywhere.
        """
        hit = self._spans.get(regex)
        if hit is not None:
            return hit
        text = self.text
        matches: list[Span] = []
        if literals:
            positions: set[int] = set()
            index = self._prefix_index()
            for lit in literals:
                key = lit[:3]
                if (len(key) == 3 and key in index) or (len(key) == 3 and key.isalnum()):
                    # word starts with the same three letters, then a direct comparison
                    positions.update(p for p in index.get(key, ()) if text.startswith(lit, p))
                    continue
                i = text.find(lit)
                while i >= 0:
                    positions.add(i)
                    i = text.find(lit, i + 1)
            # compiled only when one of its literals occurs: saves most compiles on a single check
            rx = _compile(regex) if positions else None
            for p in sorted(positions):
                m = rx.match(text, p)  # type: ignore[union-attr]
                if m and m.end() > p:
                    matches.append((p, m.end()))
        else:
            for m in _compile(f"(?=({regex}))").finditer(text):
                s, e = m.span(1)
                if e > s:
                    matches.append((s, e))
        spans: list[Span] = []
        for s, e in matches:
            if spans and e == spans[-1][1]:
                # Same end, later start: keep the shorter match, which may lie inside a
                # sentence that the longer one crosses into.
                spans[-1] = (s, e)
                continue
            spans.append((s, e))
        hit = ([s for s, _ in spans], spans)
        self._spans[regex] = hit
        return hit

    def _prefix_index(self) -> dict[str, list[int]]:
        """Start offsets of every word by its first three characters (built once)."""
        if self._prefixes is None:
            index: dict[str, list[int]] = {}
            for m in _WORD_START.finditer(self.text):
                index.setdefault(m.group(), []).append(m.start())
            self._prefixes = index
        return self._prefixes

    def _literals(self, leaf: Leaf) -> tuple[str, ...] | None:
        if leaf.literals is None:
            return None
        out: list[str] = []
        for lit in leaf.literals:
            if lit == "{processor}":
                out.extend(PROCESSOR_STEMS)
                out.extend(fold_str(n) for n in self.processor_names)
            elif lit == "{controller}":
                out.extend(CONTROLLER_STEMS)
                out.extend(fold_str(n) for n in self.controller_names)
            else:
                out.append(lit)
        return tuple(out)

    def _in_unit(self, regex: str, unit: FUnit) -> list[Span]:
        return self._select(self.leaf_spans(regex), unit)

    @staticmethod
    def _select(index: tuple[list[int], list[Span]], unit: FUnit) -> list[Span]:
        starts, spans = index
        out = []
        for ps, pe in unit.pieces():
            i = bisect.bisect_left(starts, ps)
            while i < len(spans) and spans[i][0] < pe:
                if spans[i][1] <= pe:
                    out.append(spans[i])
                i += 1
        return out

    def _leaf_regex(self, leaf: Leaf) -> str:
        if not leaf.uses_roles:
            return leaf.regex
        rx = self._role_regex.get(leaf.regex)
        if rx is None:
            rx = expand_roles(leaf.regex, self.processor_names, self.controller_names)
            self._role_regex[leaf.regex] = rx
        return rx

    def _vocabulary(self) -> list[str]:
        if self._vocab is None:
            self._vocab = sorted({w for w in _WORD.findall(self.text) if len(w) >= 5})
        return self._vocab

    def _fuzzy_regex(self, node: Fuzzy) -> str:
        from rapidfuzz import fuzz, process

        words: set[str] = set()
        vocab = self._vocabulary()
        for w in node.words:
            for cand, _score, _ in process.extract(
                w, vocab, scorer=fuzz.ratio, score_cutoff=node.min, limit=None
            ):
                words.add(cand)
            words.add(w)
        alts = "|".join(sorted(re.escape(w) for w in words))
        return rf"(?<![\w])(?:{alts})(?![\w])"

    def _lemma_regex(self, node: Lemma) -> str:
        from ..fold import fold_str

        forms: set[str] = set()
        for lem in node.lemmas:
            key = fold_str(lem)
            forms |= self._lemma_forms.get(key, frozenset({key}))
        alts = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
        return rf"(?<![\w])(?:{alts})(?![\w])"

    def _word_index(self, pos: int) -> int:
        if self._word_starts is None:
            self._word_starts = [m.start() for m in re.finditer(r"\S+", self.text)]
        return bisect.bisect_right(self._word_starts, pos)

    # -- pruning ---------------------------------------------------------------------
    def anchors(self, node: Node) -> list[int] | None:
        """Sorted start offsets of which every match of ``node`` contains at least one,
        or ``None`` when no such set is known (``not``, ``similar``). Lets a rule skip
        the units that cannot match without evaluating the whole tree."""
        key = id(node)
        if key in self._anchor_cache:
            return self._anchor_cache[key]
        result: list[int] | None
        if isinstance(node, Leaf):
            result = self.leaf_spans(self._leaf_regex(node), self._literals(node))[0]
        elif isinstance(node, (Lemma, Fuzzy)):
            result = None
        elif isinstance(node, (All, Near)):
            options = [a for a in (self.anchors(c) for c in node.children) if a is not None]
            result = min(options, key=len) if options else None
        elif isinstance(node, Any_):
            parts = [self.anchors(c) for c in node.children]
            result = None if any(p is None for p in parts) else sorted({x for p in parts for x in p})  # type: ignore[union-attr]
        else:
            result = None
        self._anchor_cache[key] = result
        return result

    def candidate_units(self, scope: str, anchors: list[int] | None) -> list[FUnit]:
        """The units of ``scope`` that contain at least one anchor (all units without anchors).

        Walks from each anchor back over the units that can contain it, instead of testing
        every unit: a rule's words occur in a handful of places, a contract has hundreds
        of units.
        """
        units = self.units(scope)
        if anchors is None:
            return units
        starts, max_end = self._unit_index(scope)
        hits: set[int] = set()
        for p in anchors:
            i = bisect.bisect_right(starts, p) - 1
            while i >= 0 and max_end[i] > p:
                if units[i].end > p and (not units[i].parts or self.has_anchor([p], units[i])):
                    hits.add(i)
                i -= 1
        return [units[i] for i in sorted(hits)]

    def _unit_index(self, scope: str) -> tuple[list[int], list[int]]:
        key = f"_index:{scope}"
        if key not in self._indexes:
            units = self.units(scope)
            max_end: list[int] = []
            running = -1
            for u in units:
                running = max(running, u.end)
                max_end.append(running)
            self._indexes[key] = ([u.start for u in units], max_end)
        return self._indexes[key]

    @staticmethod
    def has_anchor(anchors: list[int], unit: FUnit) -> bool:
        for ps, pe in unit.pieces():
            i = bisect.bisect_left(anchors, ps)
            if i < len(anchors) and anchors[i] < pe:
                return True
        return False

    def _line_break_between(self, fstart: int, fend: int) -> bool:
        """A line break in the user's text between two folded offsets. Soft wraps do not
        count: an indented continuation (a wrapped table cell), or a hard-wrapped line of
        running text (long, ending mid-sentence, the next line no list item)."""
        if fend <= fstart:
            return False
        src_s, src_e = self.analysis.to_source(fstart, fend)
        text = self.analysis.doc.text
        return any(not _soft_wrap(text, i) for i in range(src_s, src_e) if text[i] == "\n")

    # -- evaluation ------------------------------------------------------------------
    def eval(self, node: Node, unit: FUnit) -> list[Span] | None:
        """Spans that satisfy ``node`` within ``unit``, or ``None`` when it fails."""
        if isinstance(node, Leaf):
            spans = self._select(self.leaf_spans(self._leaf_regex(node), self._literals(node)), unit)
            return spans or None
        if isinstance(node, All):
            out: list[Span] = []
            for child in node.children:
                got = self.eval(child, unit)
                if got is None:
                    return None
                out.extend(got)
            return out
        if isinstance(node, Any_):
            found: list[Span] | None = None
            for child in node.children:
                got = self.eval(child, unit)
                if got is not None:
                    found = (found or []) + got
            return found
        if isinstance(node, Not):
            return None if self.eval(node.child, unit) is not None else []
        if isinstance(node, Fuzzy):
            key = f"fuzzy:{node.words}:{node.min}"
            rx = self._spans.get(key)
            regex = self._fuzzy_regex(node) if rx is None else None
            if regex is not None:
                self._spans[key] = self.leaf_spans(regex)
            return self._select(self._spans[key], unit) or None
        if isinstance(node, Lemma):
            return self._in_unit(self._lemma_regex(node), unit) or None
        if isinstance(node, Similar):
            from rapidfuzz import fuzz

            seg = " ".join(self.text[a:b] for a, b in unit.pieces())
            for ex in node.examples:
                if fuzz.token_set_ratio(ex, seg) >= node.min or fuzz.partial_ratio(ex, seg) >= node.min:
                    return [(unit.start, unit.end)]
            return None
        if isinstance(node, Near):
            per_child = []
            for child in node.children:
                got = self.eval(child, unit)
                if not got:
                    return None
                per_child.append(sorted(got))
            # word positions once per span, then a binary search per anchor: a run-on text
            # with thousands of candidates stays n·log n
            indexed = [
                (
                    [self._word_index(o[0]) for o in others],
                    [self._word_index(o[1] - 1) for o in others],
                    others,
                )
                for others in per_child[1:]
            ]
            chosen: list[Span] = []
            for a in per_child[0]:
                wa0, wa1 = self._word_index(a[0]), self._word_index(a[1] - 1)
                picks = [a]
                for starts, ends, others in indexed:
                    best = None
                    k = bisect.bisect_left(starts, wa0 - node.within - 64)
                    while k < len(others) and starts[k] <= wa1 + node.within + 1:
                        o = others[k]
                        dist = max(0, starts[k] - wa1, wa0 - ends[k]) - 1
                        # near words stand on one line: a list's next item is another statement
                        if dist <= node.within and not self._line_break_between(
                            min(a[1], o[1]), max(a[0], o[0])
                        ):
                            best = o
                            break
                        k += 1
                    if best is None:
                        break
                    picks.append(best)
                else:
                    chosen.extend(picks)
            return chosen or None
        raise TypeError(node)

    def heading_matches(self, node: Node, section: int | None) -> bool:
        """Does ``node`` match the heading of ``section`` or of a section enclosing it?"""
        doc = self.analysis.doc
        while section is not None:
            s = doc.sections[section]
            if not s.title:
                # a numbered paragraph ("1.1 Diese AVV …") has no heading to stand under
                section = s.parent
                continue
            fs, fe = self.analysis.folded_span(s.heading_start, s.heading_end)
            if fe > fs and self.eval(node, FUnit(fs, fe, section, s.heading_start, s.heading_end)):
                return True
            section = s.parent
        return False
