"""Deadlines against the policy: a verdict on every deadline, findings for what is wrong.

Rule codes are stable: ``DL001``-``DL007`` a period beyond the policy (one per kind),
``DL010`` a duty without a number, ``DL011`` a number weakened by a hedge, ``DL012``
a number whose words and digits disagree. Their names and texts are data:
``rules/deadlines/findings.yml`` (see :mod:`.findings`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from ..engine.model import Rule
from ..policy import DEFAULT_THRESHOLDS, Policy, Threshold
from ..report import Deadline, Finding
from ..settings import Settings
from .findings import FindingBook, PeriodRule, default_finding_book

GROUP = "deadlines"


def deadline_rules(policy: Policy | None = None, book: FindingBook | None = None) -> list[Rule]:
    """Metadata of the deadline rules, for ``avvlint rules``/``explain`` and SARIF.

    The texts are ``rules/deadlines/findings.yml``; the severity of a period beyond the
    policy and the limit in its message are the policy's.
    """
    book = book or default_finding_book()
    thresholds = (policy or Policy()).thresholds
    rules: list[Rule] = []
    for kind, pr in book.periods.items():
        t = thresholds.get(kind, DEFAULT_THRESHOLDS[kind])
        fields = {
            "title_de": pr.title_de,
            "title_en": pr.title_en,
            "too_de": "zu lang" if t.direction == "max" else "zu kurz",
            "too_en": "too long" if t.direction == "max" else "too short",
            "limit_de": (
                f"höchstens {fmt_hours(t.hours)}"
                if t.direction == "max"
                else f"mindestens {fmt_hours(t.hours)}"
            ),
            "limit_en": (
                f"at most {fmt_hours_en(t.hours)}"
                if t.direction == "max"
                else f"at least {fmt_hours_en(t.hours)}"
            ),
            "key": t.key,
            "kind": kind,
        }
        rules.append(
            Rule(
                code=pr.code,
                name=pr.name,
                requirement=kind,
                severity=t.severity,
                legal_basis=pr.legal_basis,
                message_de=book.period_message_de.format(**fields),
                message_en=book.period_message_en.format(**fields),
                rationale=book.period_rationale.format(**fields),
                recommendation=pr.recommendation,
                type="deadline",
                groups=(GROUP,),
                examples_pass=(),
                examples_fail=(),
            )
        )
    for wr in book.wording.values():
        rules.append(
            Rule(
                code=wr.code,
                name=wr.name,
                requirement=GROUP,
                severity=wr.severity,  # type: ignore[arg-type]
                legal_basis=wr.legal_basis,
                message_de=wr.message_de,
                message_en=wr.message_en,
                rationale=wr.rationale,
                recommendation=wr.recommendation,
                type="deadline",
                groups=(GROUP,),
            )
        )
    return rules


# --- formatting ------------------------------------------------------------------


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}".replace(".", ",")


def fmt_hours(hours: float) -> str:
    """``720`` -> ``"30 Tage (720 h)"``; ``24`` -> ``"24 h"``."""
    if hours >= 48 and hours % 24 == 0:
        days = hours / 24
        return f"{_num(days)} Tage ({_num(hours)} h)"
    return f"{_num(hours)} h"


def fmt_hours_en(hours: float) -> str:
    if hours >= 48 and hours % 24 == 0:
        return f"{_num(hours / 24).replace(',', '.')} days ({_num(hours).replace(',', '.')} h)"
    return f"{_num(hours).replace(',', '.')} h"


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- verdicts and findings ---------------------------------------------------------


def verdict(d: Deadline, t: Threshold | None) -> str:
    """``ok`` | ``exceeds`` | ``below`` | ``vague`` | ``hedged``."""
    if d.vague or d.hours is None:
        return "vague"
    if t is not None:
        if t.direction == "max" and d.hours > t.hours:
            return "exceeds"
        low = d.lower_hours if d.lower_hours is not None else d.hours
        if t.direction == "min" and low < t.hours:
            return "below"
    return "hedged" if d.hedged else "ok"


@dataclass(frozen=True, slots=True)
class _Selection:
    settings: Settings
    source: str

    def severity(self, code: str, name: str, kind: str, default: str) -> str | None:
        """The severity in force, or ``None`` when the rule is not selected or turned off."""
        s = self.settings
        selectors = (*s.select, *s.extend_select)
        if not any(_matches(sel, code, name, kind) for sel in selectors):
            return None
        if any(_matches(sel, code, name, kind) for sel in s.ignore):
            return None
        for pattern, ignored in s.per_file_ignores.items():
            if fnmatch(self.source, pattern) and any(_matches(sel, code, name, kind) for sel in ignored):
                return None
        level = s.severity.get(code) or s.severity.get(name) or s.severity.get(kind) or default
        return None if level == "off" else level


def _matches(selector: str, code: str, name: str, kind: str) -> bool:
    sel = selector.strip()
    if sel in {"ALL", code, name, kind, GROUP}:
        return True
    if sel and code.startswith(sel):  # ruff-style prefixes: "DL", "DL00"
        return True
    return any(fnmatch(x, sel) for x in (code, name, kind))


def evaluate_deadlines(
    deadlines: list[Deadline], settings: Settings, source: str = "", book: FindingBook | None = None
) -> list[Finding]:
    """Set ``verdict``/``policy_hours`` on every deadline; return the findings."""
    book = book or default_finding_book()
    vague, hedged, conflict = book.wording["vague"], book.wording["hedged"], book.wording["conflict"]
    thresholds = settings.policy.thresholds
    sel = _Selection(settings, source)
    findings: list[Finding] = []
    for d in deadlines:
        t = thresholds.get(d.kind)
        d.policy_hours = t.hours if t is not None else None
        d.verdict = verdict(d, t)
        kt = book.periods.get(d.kind)
        if kt is None or t is None:
            continue
        quote = _quote(d.evidence.text) if d.evidence else ""
        if d.verdict in {"exceeds", "below"}:
            level = sel.severity(kt.code, kt.name, d.kind, t.severity)
            if level:
                findings.append(_beyond(d, t, kt, level, quote))
        if d.vague:
            level = sel.severity(vague.code, vague.name, d.kind, t.vague_severity)
            if level:
                words = ", ".join(f"„{w}“" for w in dict.fromkeys(d.qualifiers)) or "keine Zeitangabe"
                words_en = ", ".join(f"'{w}'" for w in dict.fromkeys(d.qualifiers)) or "no time given"
                findings.append(
                    Finding(
                        rule=vague.code,
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=f"{kt.title_de}: Pflicht ohne bezifferte Frist ({words}) – „{quote}“",
                        message_en=f'{kt.title_en}: duty without a number ({words_en}) - "{quote}"',
                        location=d.evidence,
                        title=f"{kt.title_de} ohne Zahl",
                        legal_basis=kt.legal_basis,
                        recommendation=kt.recommendation,
                    )
                )
        if d.hedged:
            level = sel.severity(hedged.code, hedged.name, d.kind, hedged.severity)
            if level:
                hedge_words = [q for q in d.qualifiers if "widersprüchlich" not in q]
                words = ", ".join(f"„{w}“" for w in dict.fromkeys(hedge_words))
                words_en = ", ".join(f"'{w}'" for w in dict.fromkeys(hedge_words))
                findings.append(
                    Finding(
                        rule=hedged.code,
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=(
                            f"{kt.title_de} „{d.written}“ ist durch {words} abgeschwächt und damit nicht "
                            "verbindlich "
                            f"– „{quote}“"
                        ),
                        message_en=f"{kt.title_en} '{d.written}' is weakened by {words_en} - \"{quote}\"",
                        location=d.evidence,
                        title=f"{kt.title_de} abgeschwächt",
                        legal_basis=kt.legal_basis,
                        recommendation=hedged.recommendation,
                    )
                )
        if any("widersprüchlich" in q for q in d.qualifiers):
            level = sel.severity(conflict.code, conflict.name, d.kind, conflict.severity)
            if level:
                findings.append(
                    Finding(
                        rule=conflict.code,
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=f"{kt.title_de}: Worte und Ziffern widersprechen sich („{d.written}“)",
                        message_en=f"{kt.title_en}: words and digits disagree ('{d.written}')",
                        location=d.evidence,
                        title="Frist in Worten und Ziffern widersprüchlich",
                        legal_basis=kt.legal_basis,
                        recommendation=conflict.recommendation,
                    )
                )
    return findings


def _beyond(d: Deadline, t: Threshold, kt: PeriodRule, level: str, quote: str) -> Finding:
    hours = d.hours or 0.0
    if t.direction == "max":
        message = (
            f"{kt.title_de} „{d.written}“ = {fmt_hours(hours)} überschreitet die Vorgabe von höchstens "
            f"{fmt_hours(t.hours)} – „{quote}“"
        )
        message_en = (
            f"{kt.title_en} '{d.written}' = {fmt_hours_en(hours)} exceeds the policy maximum of "
            f'{fmt_hours_en(t.hours)} - "{quote}"'
        )
        title = f"{kt.title_de} zu lang"
    else:
        low = d.lower_hours if d.lower_hours is not None else hours
        message = (
            f"{kt.title_de} „{d.written}“ = {fmt_hours(low)} unterschreitet die Vorgabe von mindestens "
            f"{fmt_hours(t.hours)} – „{quote}“"
        )
        message_en = (
            f"{kt.title_en} '{d.written}' = {fmt_hours_en(low)} is below the policy minimum of "
            f'{fmt_hours_en(t.hours)} - "{quote}"'
        )
        title = f"{kt.title_de} zu kurz"
    return Finding(
        rule=kt.code,
        requirement=d.kind,
        severity=level,  # type: ignore[arg-type]
        message=message,
        message_en=message_en,
        location=d.evidence,
        title=title,
        legal_basis=kt.legal_basis,
        recommendation=kt.recommendation,
    )
