"""Rule selection, severity overrides and per-file ignores (ruff semantics).

A selector names findings by rule code (``AVV012``), rule name
(``subprocessor-approval``), alias, rule group (``art28-3``), catalogue ID
(``a28.3.d.objection``) or deadline kind (``breach_notice``); a code or catalogue
prefix (``AVV0``, ``a28.3.d``); a glob (``AVV0*``); or ``ALL``.

When a finding matches both a selected and an ignored selector, the more
specific one wins (exact > group > longer prefix > shorter prefix > ``ALL``);
on a tie, ignore wins. Applied by the core (``api.check_document``) so library
users get exactly what the CLI shows.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .report import SEVERITY_RANK

if TYPE_CHECKING:  # pragma: no cover
    from .engine.model import Rule
    from .report import DocumentReport, Finding
    from .settings import Settings

LEVELS = ("error", "warning", "info", "off")
_EXACT = 1000
_GROUP = 100
_NO_MATCH = -1


def _is_glob(sel: str) -> bool:
    return any(ch in sel for ch in "*?[")


def specificity(selector: str, finding: Finding, rule: Rule | None) -> int:
    """How specifically ``selector`` names ``finding``; ``-1`` if it does not."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 0
    s = sel.lower()
    code, req = finding.rule.lower(), finding.requirement.lower()
    exact = {code, req}
    groups: set[str] = set()
    if rule is not None:
        exact.add(rule.name.lower())
        exact.update(a.lower() for a in rule.aliases)
        groups = {g.lower() for g in rule.groups}
    if s in exact:
        return _EXACT
    if s in groups:
        return _GROUP
    if _is_glob(s):
        literal = sum(1 for ch in s if ch not in "*?[]")
        names = exact | groups
        return literal if any(fnmatch.fnmatchcase(n, s) for n in names) else _NO_MATCH
    if code.startswith(s) or req.startswith(s):
        return len(s)
    return _NO_MATCH


def best(selectors: Iterable[str], finding: Finding, rule: Rule | None) -> int:
    return max((specificity(s, finding, rule) for s in selectors), default=_NO_MATCH)


def is_enabled(finding: Finding, rule: Rule | None, select: Iterable[str], ignore: Iterable[str]) -> bool:
    return best(select, finding, rule) > best(ignore, finding, rule)


def path_matches(pattern: str, path: str) -> bool:
    """Does a per-file-ignores glob match a document path?

    Patterns with a slash match the path (as given, or absolute); patterns
    without one match the file name, like ``.gitignore``.
    """
    posix = path.replace(os.sep, "/")
    if "/" not in pattern:
        return fnmatch.fnmatchcase(posix.rsplit("/", 1)[-1], pattern)
    candidates = {posix, os.path.abspath(path).replace(os.sep, "/")}
    if posix.startswith("./"):
        candidates.add(posix[2:])
    return any(fnmatch.fnmatchcase(c, pattern) for c in candidates)


def file_ignores(settings: Settings, path: str) -> tuple[str, ...]:
    out: list[str] = []
    for pattern, sels in settings.per_file_ignores.items():
        if path_matches(pattern, path):
            out.extend(sels)
    return tuple(out)


def override_level(finding: Finding, rule: Rule | None, overrides: Mapping[str, str]) -> str | None:
    """The level set for this finding by the most specific override, if any."""
    scored = [(specificity(sel, finding, rule), level) for sel, level in overrides.items()]
    scored = [(score, level) for score, level in scored if score >= 0]
    if not scored:
        return None
    return max(scored, key=lambda t: t[0])[1]


def apply_selection(
    report: DocumentReport, settings: Settings, rules: Mapping[str, Rule] | None = None
) -> DocumentReport:
    """Filter and re-level ``report.findings`` in place; returns the report."""
    rules = rules or {}
    select = tuple(settings.select) + tuple(settings.extend_select)
    ignore = tuple(settings.ignore) + file_ignores(settings, report.path)
    kept: list[Finding] = []
    for f in report.findings:
        rule = rules.get(f.rule)
        if not is_enabled(f, rule, select, ignore):
            continue
        level = override_level(f, rule, settings.severity)
        if level == "off":
            continue
        if level is not None:
            f.severity = level  # type: ignore[assignment]
        kept.append(f)
    report.findings = kept
    return report


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK[threshold]


def unknown_selectors(
    selectors: Iterable[str], rules: Iterable[Rule], requirement_ids: Iterable[str]
) -> list[str]:
    """Selectors that name nothing: no rule, group, alias, catalogue ID or deadline kind."""
    from .report import Finding

    rules = list(rules)
    probes = [(Finding(r.code, r.requirement, "error", ""), r) for r in rules]
    probes += [(Finding("", rid, "error", ""), None) for rid in requirement_ids]
    return [s for s in selectors if not any(specificity(s, f, r) >= 0 for f, r in probes)]
