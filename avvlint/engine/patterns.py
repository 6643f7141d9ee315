"""Compile rule match trees into matcher nodes.

The term language (what a rule author writes):

- ``weisung*`` — a word; ``*`` stands for any word characters (also hyphens), so
  ``*auftragsverarbeiter*`` matches ``Sub-Auftragsverarbeitern``.
- ``dokumentiert* weisung*`` — words in sequence (space, hyphen or slash between).
- ``meld* ~4 verletzung*`` — ``~N``: up to N other words in between.
- ``meldet | teilt ~6 mit`` — alternatives (lowest precedence, as in regexes).
- ``gegenstand ~3 (auftrag* | vertrag*)`` — parentheses group alternatives for one slot.
- ``{processor}`` / ``{controller}`` — the party roles, including the vendor's own
  name when the preamble defines it.

Terms are folded like the text (case, ``ä``/``ae``, ``ß``/``ss``, quotes, dashes), so
``Löschung`` in a rule matches ``Loeschung`` in a contract. Raw ``regex`` leaves
are matched against the folded text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..fold import fold_str
from .roles import CONTROLLER_WORDS, PROCESSOR_WORDS

_TOKEN = re.compile(r"\(|\)|\||~\d{1,2}(?=\s|\)|\||$)|[^\s()|]+")
# Between words: any run of non-word characters (space, comma, hyphen, slash,
# parenthesis), so that "Recht, die" and "Sub-Auftragsverarbeiter" both match.
# A full stop only joins words after a short abbreviation ("z. B.", "Art. 32", "Abs. 2",
# "insb.") or inside a number ("Art.32"), not at the end of a sentence, so a phrase cannot
# run from one sentence (or table cell line) into the next.
# Each character can be a separator in one way only, and a gap word is a run of word
# characters taken whole (a hyphenated compound counts as several): otherwise a run of
# dots or dashes (a table rule, a table of contents) splits in exponentially many ways
# and one regex runs for minutes. The lookbehinds sit inside one lookahead because
# lookarounds are atomic.
_SEP_CHAR = r"(?:[^\w.]|\.(?=(?<=\b\w\.)|(?<=\b\w\w\w\.)|\S))"
_SEP = _SEP_CHAR + "+"
_SEP_OPT = _SEP_CHAR + "*"
_GAP_WORD = _SEP + r"\w++"


class TermSyntaxError(ValueError):
    """A term that does not parse (unbalanced parentheses, empty alternative)."""


_LB_W = r"(?<![\w])"
_LB_WH = r"(?<![\w\-])"


def _factor_lead(alts: list[str]) -> str:
    """``(?:LBa|LBb)`` -> ``LB(?:a|b)``: Python's re is an order of magnitude faster when
    a shared lookbehind is tested once instead of in every branch."""
    if len(alts) == 1:
        return alts[0]
    for lead in (_LB_WH, _LB_W):
        if all(a.startswith(lead) for a in alts):
            return lead + "(?:" + "|".join(a[len(lead) :] for a in alts) + ")"
    return "(?:" + "|".join(alts) + ")"


def _word_regex(word: str) -> str:
    if word in {"{processor}", "{controller}"}:
        return word
    # Fold each piece separately: folding drops "*" (Markdown emphasis in texts).
    parts = [re.escape(fold_str(p)) if p else "" for p in word.split("*")]
    body = r"[\w\-]*".join(parts)
    # A leading "*" still starts at a word start ("*verarbeiter" = a word ending in
    # "verarbeiter"), so that a match never begins inside a word.
    lead = _LB_WH if word.startswith("*") else _LB_W
    trail = "" if word.endswith("*") else r"(?![\w])"
    return f"{lead}{body}{trail}"


def _parse_alternatives(tokens: list[str], pos: int) -> tuple[str, int]:
    alts: list[str] = []
    seq, pos = _parse_sequence(tokens, pos)
    alts.append(seq)
    while pos < len(tokens) and tokens[pos] == "|":
        seq, pos = _parse_sequence(tokens, pos + 1)
        alts.append(seq)
    if any(not a for a in alts):
        raise TermSyntaxError("empty alternative")
    return _factor_lead(alts), pos


def _parse_sequence(tokens: list[str], pos: int) -> tuple[str, int]:
    out: list[str] = []
    prev: str | None = None  # "word", "gap" or "group"; punctuation decides the separator
    prev_tok = ""
    while pos < len(tokens) and tokens[pos] not in {"|", ")"}:
        tok = tokens[pos]
        if tok.startswith("~") and tok[1:].isdigit():
            out.append(rf"(?:{_GAP_WORD}){{0,{int(tok[1:])}}}?{_SEP}" if prev else "")
            prev, prev_tok = "gap", tok
            pos += 1
            continue
        if tok == "(":
            inner, pos = _parse_alternatives(tokens, pos + 1)
            if pos >= len(tokens) or tokens[pos] != ")":
                raise TermSyntaxError("missing ')'")
            pos += 1
            piece, this = inner, "("
        else:
            piece, this = _word_regex(tok), tok
            pos += 1
        if prev in {"word", "group"}:
            punct = prev_tok[-1:] in ".,:;" or this[:1] in ".,:;"
            out.append(_SEP_OPT if punct else _SEP)
        if prev is not None and piece.startswith(_LB_W) and not punct_sep(out):
            piece = piece[len(_LB_W) :]  # after a non-word separator the lookbehind always holds
        out.append(piece)
        prev, prev_tok = ("group" if this == "(" else "word"), this
    return "".join(out), pos


def punct_sep(out: list[str]) -> bool:
    """True when the last separator may be empty (then the lookbehind still matters)."""
    return bool(out) and out[-1] == _SEP_OPT


def term_regex(term: str) -> str:
    """The folded-text regex for one term (role placeholders left in place).

    Alternatives ``a | b`` have the lowest precedence, as in regular expressions:
    ``meldet | teilt ~6 mit`` is "meldet" or "teilt … mit"; parentheses group one
    slot: ``gegenstand ~3 (auftrag* | vertrag*)``.
    """
    tokens = _TOKEN.findall(term)
    if not tokens:
        raise TermSyntaxError("empty term")
    regex, pos = _parse_alternatives(tokens, 0)
    if pos != len(tokens):
        raise TermSyntaxError("unbalanced ')'")
    return regex


def _split_alternatives(tokens: list[str]) -> list[list[str]]:
    """Top-level alternatives of a token list (parentheses respected)."""
    alts: list[list[str]] = [[]]
    depth = 0
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        if tok == "|" and depth == 0:
            alts.append([])
        else:
            alts[-1].append(tok)
    return alts


def _first_literals(tokens: list[str]) -> list[str] | None:
    out: list[str] = []
    for alt in _split_alternatives(tokens):
        alt = [t for t in alt if not (t.startswith("~") and t[1:].isdigit())] or alt
        if not alt:
            return None
        head = alt[0]
        if head == "(":
            depth, close = 0, 0
            for close, tok in enumerate(alt):  # noqa: B007 - the index after the loop is the point
                depth += tok == "("
                depth -= tok == ")"
                if depth == 0:
                    break
            inner = _first_literals(alt[1:close])
            if inner is None:
                return None
            out.extend(inner)
        elif head in {"{processor}", "{controller}"}:
            out.append(head)
        else:
            lit = fold_str(head.split("*", 1)[0])
            if not lit:
                return None  # a leading wildcard gives no literal to anchor on
            out.append(lit)
    return out


def term_literals(term: str) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of ``term`` (for fast search),
    or ``None`` when the term can start with anything."""
    lits = _first_literals(_TOKEN.findall(term))
    return tuple(dict.fromkeys(lits)) if lits else None


def expand_roles(
    regex: str, processor_names: tuple[str, ...] = (), controller_names: tuple[str, ...] = ()
) -> str:
    proc = list(PROCESSOR_WORDS) + [re.escape(fold_str(n)) for n in processor_names]
    ctrl = list(CONTROLLER_WORDS) + [re.escape(fold_str(n)) for n in controller_names]
    role_proc = r"(?<![\w\-])(?:" + "|".join(proc) + r")(?![\w])"
    role_ctrl = r"(?<![\w\-])(?:" + "|".join(ctrl) + r")(?![\w])"
    return regex.replace("{processor}", role_proc).replace("{controller}", role_ctrl)


# --- matcher nodes -----------------------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    """A regex over the folded document (terms compile to this).

    ``literals``: strings one of which starts every match; the matcher tries the
    regex only where they occur, which is both fast and finds overlapping matches.
    """

    regex: str
    uses_roles: bool
    label: str
    literals: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Fuzzy:
    words: tuple[str, ...]
    min: int


@dataclass(frozen=True)
class Lemma:
    lemmas: tuple[str, ...]


@dataclass(frozen=True)
class Similar:
    examples: tuple[str, ...]
    min: int


@dataclass(frozen=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class Near:
    children: tuple[Node, ...]
    within: int


Node = Leaf | Fuzzy | Lemma | Similar | All | Any_ | Not | Near


def compile_node(spec: Any) -> Node:
    """Turn a validated YAML match node into matcher nodes."""
    if isinstance(spec, str):
        rx = term_regex(spec)
        return Leaf(rx, "{processor}" in rx or "{controller}" in rx, spec, term_literals(spec))
    if "all" in spec:
        return All(tuple(compile_node(c) for c in spec["all"]))
    if "any" in spec:
        return Any_(tuple(compile_node(c) for c in spec["any"]))
    if "terms" in spec:
        return Any_(tuple(compile_node(c) for c in spec["terms"]))
    if "not" in spec:
        return Not(compile_node(spec["not"]))
    if "near" in spec:
        return Near(tuple(compile_node(c) for c in spec["near"]), int(spec.get("within", 8)))
    if "regex" in spec:
        rx = spec["regex"]
        return Leaf(rx, "{processor}" in rx or "{controller}" in rx, f"regex:{rx}")
    if "fuzzy" in spec:
        words = spec["fuzzy"] if isinstance(spec["fuzzy"], list) else [spec["fuzzy"]]
        return Fuzzy(tuple(fold_str(w) for w in words), int(spec.get("min", 88)))
    if "lemma" in spec:
        words = spec["lemma"] if isinstance(spec["lemma"], list) else [spec["lemma"]]
        return Lemma(tuple(words))
    if "similar" in spec:
        return Similar(tuple(fold_str(x) for x in spec["similar"]), int(spec.get("min", 85)))
    raise ValueError(f"cannot compile match node {spec!r}")


def heading_filter(spec: Any) -> Node | None:
    """``inside``/``not_inside`` accept a term, a list of terms, or a match node."""
    if spec is None:
        return None
    if isinstance(spec, str):
        return compile_node(spec)
    if isinstance(spec, list):
        return Any_(tuple(compile_node(s) for s in spec))
    return compile_node(spec)
