"""Deadlines against the policy: a verdict on every deadline, findings for what is wrong.

Rule codes are stable: ``DL001``-``DL007`` a period beyond the policy (one per kind),
``DL010`` a duty without a number, ``DL011`` a number weakened by a hedge, ``DL012``
a number whose words and digits disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from ..engine.model import Rule
from ..policy import DEFAULT_THRESHOLDS, Policy, Threshold
from ..report import Deadline, Finding
from ..settings import Settings


@dataclass(frozen=True, slots=True)
class _KindText:
    de: str  # "die Meldefrist für Datenschutzverletzungen"
    en: str
    legal_basis: str
    recommendation: str


KIND_TEXT: dict[str, _KindText] = {
    "breach_notice": _KindText(
        "Meldefrist für Datenschutzverletzungen",
        "personal-data breach notice period",
        "Art. 28 Abs. 3 lit. f, Art. 33 Abs. 2 DSGVO",
        "Eine feste Höchstfrist ab Kenntnis vereinbaren (z. B. „unverzüglich, spätestens innerhalb von "
        "24 Stunden“), damit die 72-Stunden-Frist gegenüber der Aufsichtsbehörde gehalten werden kann.",
    ),
    "dsr_forwarding": _KindText(
        "Frist zur Weiterleitung von Betroffenenanfragen",
        "period for forwarding data-subject requests",
        "Art. 28 Abs. 3 lit. e, Art. 12 Abs. 3 DSGVO",
        "Eine kurze Weiterleitungsfrist vereinbaren (z. B. „spätestens innerhalb von 72 Stunden“), damit "
        "die Monatsfrist gegenüber der betroffenen Person gewahrt bleibt.",
    ),
    "deletion": _KindText(
        "Löschfrist nach Vertragsende",
        "deletion period after the end of the contract",
        "Art. 28 Abs. 3 lit. g DSGVO",
        "Eine feste Frist für Löschung oder Rückgabe nach Vertragsende vereinbaren (z. B. 30 Tage).",
    ),
    "backup_deletion": _KindText(
        "Löschfrist für Sicherungskopien",
        "backup deletion period",
        "Art. 28 Abs. 3 lit. g, Art. 5 Abs. 1 lit. e DSGVO",
        "Eine Höchstfrist vereinbaren, nach der Daten auch aus Backups gelöscht oder überschrieben sind.",
    ),
    "subprocessor_notice": _KindText(
        "Vorankündigungsfrist für neue Unterauftragsverarbeiter",
        "advance notice period for new sub-processors",
        "Art. 28 Abs. 2 Satz 2, Abs. 3 lit. d DSGVO",
        "Eine Mindestfrist für die Vorabinformation über neue oder ersetzte Unterauftragsverarbeiter "
        "vereinbaren (z. B. mindestens 30 Tage), damit ein Einspruch möglich ist.",
    ),
    "objection_period": _KindText(
        "Einspruchsfrist gegen neue Unterauftragsverarbeiter",
        "objection period for sub-processor changes",
        "Art. 28 Abs. 2 Satz 2 DSGVO",
        "Eine ausreichende Einspruchsfrist vereinbaren (z. B. mindestens 14 Tage ab Zugang der Mitteilung).",
    ),
    "audit_notice": _KindText(
        "Vorankündigungsfrist für Audits",
        "advance notice period for audits",
        "Art. 28 Abs. 3 lit. h DSGVO",
        "Die Ankündigungsfrist für Kontrollen begrenzen (z. B. höchstens 30 Tage, bei Anlass kürzer).",
    ),
}

# kind -> (code, name); stable, never renumber
BEYOND_POLICY: dict[str, tuple[str, str]] = {
    "breach_notice": ("DL001", "breach-notice-too-long"),
    "dsr_forwarding": ("DL002", "dsr-forwarding-too-long"),
    "deletion": ("DL003", "deletion-period-too-long"),
    "backup_deletion": ("DL004", "backup-deletion-too-long"),
    "subprocessor_notice": ("DL005", "subprocessor-notice-too-short"),
    "objection_period": ("DL006", "objection-period-too-short"),
    "audit_notice": ("DL007", "audit-notice-too-long"),
}
VAGUE = ("DL010", "deadline-without-number")
HEDGED = ("DL011", "deadline-hedged")
CONFLICT = ("DL012", "deadline-words-digits-disagree")
GROUP = "deadlines"


def deadline_rules(policy: Policy | None = None) -> list[Rule]:
    """Metadata of the deadline rules, for ``avvlint rules``/``explain`` and SARIF."""
    thresholds = (policy or Policy()).thresholds
    rules: list[Rule] = []
    for kind, (code, name) in BEYOND_POLICY.items():
        t = thresholds.get(kind, DEFAULT_THRESHOLDS[kind])
        kt = KIND_TEXT[kind]
        too = "zu lang" if t.direction == "max" else "zu kurz"
        too_en = "too long" if t.direction == "max" else "too short"
        limit = (
            f"höchstens {fmt_hours(t.hours)}" if t.direction == "max" else f"mindestens {fmt_hours(t.hours)}"
        )
        limit_en = (
            f"at most {fmt_hours_en(t.hours)}"
            if t.direction == "max"
            else f"at least {fmt_hours_en(t.hours)}"
        )
        rules.append(
            Rule(
                code=code,
                name=name,
                requirement=kind,
                severity=t.severity,
                legal_basis=kt.legal_basis,
                message_de=f"{kt.de} {too} (Vorgabe: {limit})",
                message_en=f"{kt.en} {too_en} (policy: {limit_en})",
                rationale=(
                    f"Die {kt.de} des Vertrags wird mit der konfigurierten Vorgabe verglichen "
                    f"({t.key}, änderbar per Konfiguration oder --policy {kind}=…). Zeiträume werden in "
                    "Stunden umgerechnet; Werktage zählen im ungünstigsten Fall, "
                    "Spannen mit ihrer Obergrenze."
                ),
                recommendation=kt.recommendation,
                type="deadline",
                groups=(GROUP,),
                examples_pass=(),
                examples_fail=(),
            )
        )
    rules.append(
        Rule(
            code=VAGUE[0],
            name=VAGUE[1],
            requirement=GROUP,
            severity="warning",
            legal_basis="Art. 28 Abs. 3 DSGVO",
            message_de="Frist ohne Zahl („unverzüglich“, „rechtzeitig“, „angemessen“)",
            message_en="deadline without a number ('without undue delay', 'in good time', 'reasonable')",
            rationale=(
                "Eine Pflicht ohne bezifferte Frist lässt sich nicht prüfen und im Streitfall schwer "
                "durchsetzen; "
                "„unverzüglich“ heißt nur „ohne schuldhaftes Zögern“."
            ),
            recommendation="Die Pflicht um eine feste Höchst- bzw. Mindestfrist ergänzen.",
            type="deadline",
            groups=(GROUP,),
        )
    )
    rules.append(
        Rule(
            code=HEDGED[0],
            name=HEDGED[1],
            requirement=GROUP,
            severity="warning",
            legal_basis="Art. 28 Abs. 3 DSGVO",
            message_de=(
                "Frist durch Einschränkung abgeschwächt („in der Regel“, „grundsätzlich“, „soweit möglich“)"
            ),
            message_en="deadline weakened by a hedge ('as a rule', 'generally', 'where possible')",
            rationale=(
                "Eine Frist, die nur „in der Regel“ oder „nach Möglichkeit“ gilt, "
                "ist keine verbindliche Zusage."
            ),
            recommendation="Die Einschränkung streichen, sodass die Frist ausnahmslos gilt.",
            type="deadline",
            groups=(GROUP,),
        )
    )
    rules.append(
        Rule(
            code=CONFLICT[0],
            name=CONFLICT[1],
            requirement=GROUP,
            severity="warning",
            legal_basis="Art. 28 Abs. 3 DSGVO",
            message_de="Frist in Worten und Ziffern widersprüchlich („vierzehn (15) Tage“)",
            message_en="deadline written in words and digits that disagree",
            rationale="Welche Zahl gilt, ist unklar; avvlint wertet die zuerst geschriebene.",
            recommendation="Worte und Ziffern der Frist angleichen.",
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


def evaluate_deadlines(deadlines: list[Deadline], settings: Settings, source: str = "") -> list[Finding]:
    """Set ``verdict``/``policy_hours`` on every deadline; return the findings."""
    thresholds = settings.policy.thresholds
    sel = _Selection(settings, source)
    findings: list[Finding] = []
    for d in deadlines:
        t = thresholds.get(d.kind)
        d.policy_hours = t.hours if t is not None else None
        d.verdict = verdict(d, t)
        kt = KIND_TEXT.get(d.kind)
        if kt is None or t is None:
            continue
        quote = _quote(d.evidence.text) if d.evidence else ""
        if d.verdict in {"exceeds", "below"}:
            code, name = BEYOND_POLICY[d.kind]
            level = sel.severity(code, name, d.kind, t.severity)
            if level:
                findings.append(_beyond(d, t, kt, code, level, quote))
        if d.vague:
            level = sel.severity(VAGUE[0], VAGUE[1], d.kind, t.vague_severity)
            if level:
                words = ", ".join(f"„{w}“" for w in dict.fromkeys(d.qualifiers)) or "keine Zeitangabe"
                words_en = ", ".join(f"'{w}'" for w in dict.fromkeys(d.qualifiers)) or "no time given"
                findings.append(
                    Finding(
                        rule=VAGUE[0],
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=f"{kt.de}: Pflicht ohne bezifferte Frist ({words}) – „{quote}“",
                        message_en=f'{kt.en}: duty without a number ({words_en}) - "{quote}"',
                        location=d.evidence,
                        title=f"{kt.de} ohne Zahl",
                        legal_basis=kt.legal_basis,
                        recommendation=kt.recommendation,
                    )
                )
        if d.hedged:
            level = sel.severity(HEDGED[0], HEDGED[1], d.kind, "warning")
            if level:
                hedge_words = [q for q in d.qualifiers if "widersprüchlich" not in q]
                words = ", ".join(f"„{w}“" for w in dict.fromkeys(hedge_words))
                words_en = ", ".join(f"'{w}'" for w in dict.fromkeys(hedge_words))
                findings.append(
                    Finding(
                        rule=HEDGED[0],
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=(
                            f"{kt.de} „{d.written}“ ist durch {words} abgeschwächt und damit nicht "
                            "verbindlich "
                            f"– „{quote}“"
                        ),
                        message_en=f"{kt.en} '{d.written}' is weakened by {words_en} - \"{quote}\"",
                        location=d.evidence,
                        title=f"{kt.de} abgeschwächt",
                        legal_basis=kt.legal_basis,
                        recommendation="Die Einschränkung streichen, sodass die Frist ausnahmslos gilt.",
                    )
                )
        if any("widersprüchlich" in q for q in d.qualifiers):
            level = sel.severity(CONFLICT[0], CONFLICT[1], d.kind, "warning")
            if level:
                findings.append(
                    Finding(
                        rule=CONFLICT[0],
                        requirement=d.kind,
                        severity=level,  # type: ignore[arg-type]
                        message=f"{kt.de}: Worte und Ziffern widersprechen sich („{d.written}“)",
                        message_en=f"{kt.en}: words and digits disagree ('{d.written}')",
                        location=d.evidence,
                        title="Frist in Worten und Ziffern widersprüchlich",
                        legal_basis=kt.legal_basis,
                        recommendation="Worte und Ziffern der Frist angleichen.",
                    )
                )
    return findings


def _beyond(d: Deadline, t: Threshold, kt: _KindText, code: str, level: str, quote: str) -> Finding:
    hours = d.hours or 0.0
    if t.direction == "max":
        message = (
            f"{kt.de} „{d.written}“ = {fmt_hours(hours)} überschreitet die Vorgabe von höchstens "
            f"{fmt_hours(t.hours)} – „{quote}“"
        )
        message_en = (
            f"{kt.en} '{d.written}' = {fmt_hours_en(hours)} exceeds the policy maximum of "
            f'{fmt_hours_en(t.hours)} - "{quote}"'
        )
        title = f"{kt.de} zu lang"
    else:
        low = d.lower_hours if d.lower_hours is not None else hours
        message = (
            f"{kt.de} „{d.written}“ = {fmt_hours(low)} unterschreitet die Vorgabe von mindestens "
            f"{fmt_hours(t.hours)} – „{quote}“"
        )
        message_en = (
            f"{kt.en} '{d.written}' = {fmt_hours_en(low)} is below the policy minimum of "
            f'{fmt_hours_en(t.hours)} - "{quote}"'
        )
        title = f"{kt.de} zu kurz"
    return Finding(
        rule=code,
        requirement=d.kind,
        severity=level,  # type: ignore[arg-type]
        message=message,
        message_en=message_en,
        location=d.evidence,
        title=title,
        legal_basis=kt.legal_basis,
        recommendation=kt.recommendation,
    )
