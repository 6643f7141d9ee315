"""The rule pack: built-in rules plus company rule folders, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..catalogue import REQUIREMENT_IDS
from .loader import load_rule_files
from .model import Rule
from .patterns import Lemma, Node, compile_node, expand_roles, heading_filter, term_regex

SCOPE_ORDER = ("sentence", "clause", "section", "document")


def builtin_rules_dir() -> Path:
    """``rules/`` of the source tree, or its copy inside the installed wheel."""
    packaged = Path(str(resources.files("avvlint"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


@dataclass(frozen=True)
class CompiledPattern:
    scope: str
    node: Node
    inside: Node | None
    not_inside: Node | None
    negation: bool
    extra_negation: tuple[str, ...]
    references_annex: bool
    # negation words the rule's own terms contain ("nicht rechtmäßig", "keine … ohne Weisung")
    own_cues: frozenset[str] = frozenset()
    # a clause this pattern finds negated outweighs every positive of the rule
    exclusion_wins: bool = False
    # a match of this pattern is itself the exclusion ("Kopien dürfen für Beweiszwecke
    # behalten werden"): the rule is not met wherever else it seems to be
    vetoes: bool = False


@dataclass
class RulePack:
    rules: list[Rule]
    digest: str
    patterns: dict[str, list[CompiledPattern]] = field(default_factory=dict)
    lemma_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    lexicon: frozenset[str] = frozenset()  # words typos are corrected towards

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def for_requirement(self, rid: str) -> list[Rule]:
        return [r for r in self.rules if r.requirement == rid]


def _collect_lemmas(node: Node | None, out: set[str]) -> None:
    if node is None:
        return
    if isinstance(node, Lemma):
        out.update(node.lemmas)
    for attr in ("children",):
        for child in getattr(node, attr, ()):
            _collect_lemmas(child, out)
    child = getattr(node, "child", None)
    if child is not None:
        _collect_lemmas(child, out)


def _term_strings(spec: Any) -> list[str]:
    """Every term written in a match tree (for the typo lexicon)."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, list):
        return [t for x in spec for t in _term_strings(x)]
    if isinstance(spec, dict):
        return [t for k, v in spec.items() if k not in {"regex", "min", "within"} for t in _term_strings(v)]
    return []


def _compile_pattern(p: dict[str, Any]) -> CompiledPattern:
    neg = p.get("negation", True)
    return CompiledPattern(
        scope=p.get("scope", "sentence"),
        node=compile_node(p["match"]),
        inside=heading_filter(p.get("inside")),
        not_inside=heading_filter(p.get("not_inside")),
        negation=bool(neg),
        extra_negation=tuple(expand_roles(term_regex(t)) for t in (neg if isinstance(neg, list) else [])),
        references_annex=bool(p.get("references_annex", False)),
        exclusion_wins=bool(p.get("exclusion_wins", False)),
        vetoes=bool(p.get("vetoes", False)),
        own_cues=frozenset(
            w
            for t in _term_strings(p["match"])
            for w in re.findall(r"[a-z]+", t.lower())
            if w in {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "not", "no", "ohne"}
        ),
    )


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> RulePack:
    rules, digest = load_rule_files(list(paths), set(REQUIREMENT_IDS))
    pack = RulePack(rules=rules, digest=digest)
    lemmas: set[str] = set()
    for r in rules:
        compiled = [_compile_pattern(p) for p in r.spec["patterns"]]
        pack.patterns[r.code] = compiled
        for c in compiled:
            _collect_lemmas(c.node, lemmas)
    if lemmas:
        from ..nlp.lemmas import forms_for

        pack.lemma_forms = forms_for(frozenset(lemmas))
    from ..fold import fold_str
    from .roles import CONTROLLER_STEMS, PROCESSOR_STEMS
    from .typos import lexicon_from_literals

    words = [fold_str(t.replace("*", " ")) for r in rules for t in _term_strings(r.spec["patterns"])]
    pack.lexicon = lexicon_from_literals([*words, *CONTROLLER_STEMS, *PROCESSOR_STEMS])
    return pack


def load_rule_pack(extra_paths: tuple[Path, ...] = ()) -> RulePack:
    """Built-in rules plus ``extra_paths`` (company rule folders); raises ``RuleError``."""
    paths = (builtin_rules_dir() / "art28", *(Path(p) for p in extra_paths))
    return _load(tuple(paths))
