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
_SEP = r"[^\w]+"
_SEP_OPT = r"[^\w]*"
_GAP_WORD = r"[^\w]+[\w\-]+"


class TermSyntaxError(ValueError):
    """A term that does not parse (unbalanced parentheses, empty alternative)."""


def _word_regex(word: str) -> str:
    if word in {"{processor}", "{controller}"}:
        return word
    # Fold each piece separately: folding drops "*" (Markdown emphasis in texts).
    parts = [re.escape(fold_str(p)) if p else "" for p in word.split("*")]
    body = r"[\w\-]*".join(parts)
    # A leading "*" still starts at a word start ("*verarbeiter" = a word ending in
    # "verarbeiter"), so that a match never begins inside a word.
    lead = r"(?<![\w\-])" if word.startswith("*") else r"(?<![\w])"
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
    return (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"), pos


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
        out.append(piece)
        prev, prev_tok = ("group" if this == "(" else "word"), this
    return "".join(out), pos


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


def expand_roles(regex: str, processor_names: tuple[str, ...] = ()) -> str:
    proc = list(PROCESSOR_WORDS) + [re.escape(fold_str(n)) for n in processor_names]
    role_proc = r"(?<![\w\-])(?:" + "|".join(proc) + r")(?![\w])"
    role_ctrl = r"(?<![\w\-])(?:" + "|".join(CONTROLLER_WORDS) + r")(?![\w])"
    return regex.replace("{processor}", role_proc).replace("{controller}", role_ctrl)


# --- matcher nodes -----------------------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    """A regex over the folded document (terms compile to this)."""

    regex: str
    uses_roles: bool
    label: str


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
        return Leaf(rx, "{processor}" in rx or "{controller}" in rx, spec)
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
