"""Run the ``examples`` of every rule (like ``semgrep --test``).

Each ``pass`` example, checked alone, must satisfy the rule; each ``fail`` example
must not. Used by the test suite and available to authors of company rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis
from ..extract import extract_bytes
from .evaluate import run_rule
from .matcher import DocMatcher
from .model import Rule
from .pack import RulePack


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    kind: str  # "pass" or "fail"
    text: str
    detail: str


def rule_matches(pack: RulePack, rule: Rule, text: str) -> tuple[bool, bool]:
    """(met, negated) for ``rule`` on a one-paragraph document made of ``text``."""
    doc = extract_bytes(text.encode("utf-8"), "<example>")
    analysis = Analysis(doc)
    m = DocMatcher(analysis, pack.lemma_forms, pack.lexicon)
    out = run_rule(rule, pack.patterns[rule.code], analysis, m)
    return bool(out.positives), bool(out.negated)


def check_examples(pack: RulePack) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []
    for rule in pack.rules:
        if rule.type == "reference":
            continue
        for text in rule.examples_pass:
            met, _ = rule_matches(pack, rule, text)
            if not met:
                failures.append(ExampleFailure(rule.code, "pass", text, "did not match"))
        for text in rule.examples_fail:
            met, _ = rule_matches(pack, rule, text)
            if met:
                failures.append(ExampleFailure(rule.code, "fail", text, "matched"))
    return failures
