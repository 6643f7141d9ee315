"""Words of the human-readable reports, German (the DPO's language) and English."""

from __future__ import annotations

DEADLINE_NAMES = {
    "de": {
        "breach_notice": "Meldung von Datenschutzverletzungen",
        "dsr_forwarding": "Weiterleitung von Betroffenenanfragen",
        "deletion": "Löschung/Rückgabe nach Vertragsende",
        "backup_deletion": "Löschung in Datensicherungen",
        "subprocessor_notice": "Vorankündigung neuer Unterauftragsverarbeiter",
        "objection_period": "Einspruchsfrist Unterauftragsverarbeiter",
        "audit_notice": "Ankündigungsfrist für Kontrollen",
    },
    "en": {
        "breach_notice": "Breach notice",
        "dsr_forwarding": "Forwarding of data-subject requests",
        "deletion": "Deletion/return after the contract",
        "backup_deletion": "Deletion from backups",
        "subprocessor_notice": "Notice of new sub-processors",
        "objection_period": "Objection period for sub-processors",
        "audit_notice": "Notice period for audits",
    },
}

# One or two letters per deadline kind, for the scan matrix headers.
DEADLINE_SHORT = {
    "breach_notice": "Mld",
    "dsr_forwarding": "Btr",
    "deletion": "Lö",
    "backup_deletion": "Bak",
    "subprocessor_notice": "UAV",
    "objection_period": "Ein",
    "audit_notice": "Ktr",
}

VERDICTS = {
    "de": {
        "ok": "eingehalten",
        "exceeds": "überschritten",
        "below": "unterschritten",
        "vague": "unbestimmt",
        "hedged": "abgeschwächt",
        None: "—",
    },
    "en": {
        "ok": "ok",
        "exceeds": "exceeds",
        "below": "below",
        "vague": "vague",
        "hedged": "hedged",
        None: "—",
    },
}

SEVERITY = {
    "de": {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}

TEXT = {
    "de": {
        "requirements": "Pflichtinhalte nach Art. 28 Abs. 3 DSGVO",
        "met_of": "{met} von {total} erfüllt",
        "requirement": "Anforderung",
        "status": "Status",
        "evidence": "Fundstelle",
        "met": "erfüllt",
        "missing": "fehlt",
        "findings": "Befunde",
        "no_findings": "Keine Befunde.",
        "legal_basis": "Rechtsgrundlage",
        "ask_vendor": "Vom Anbieter anfordern",
        "deadlines": "Fristen",
        "no_deadlines": "Keine Fristen gefunden.",
        "kind": "Frist",
        "as_written": "Wortlaut",
        "hours": "Dauer",
        "policy": "Richtlinie",
        "verdict": "Bewertung",
        "pages": "Seiten",
        "error": "nicht lesbar",
        "suppressed": "{n} akzeptierte Abweichung(en) aus der Baseline ausgeblendet",
        "document": "Datei",
        "result": "Ergebnis",
        "pass": "bestanden",
        "fail": "nicht bestanden",
        "contracts_pass": "{ok} von {total} Verträgen bestehen",
        "common_gaps": "Häufigste Lücken",
        "failed_files": "Nicht lesbare Dateien",
        "legend": "✓ erfüllt/eingehalten · ✗ fehlt/verletzt (Anzahl) · ~ unbestimmt/abgeschwächt · "
        "· keine Frist",
        "baseline_expired": "Baseline-Eintrag abgelaufen ({expires}): {path} {rule} {fingerprint}",
        "baseline_stale": "Baseline-Eintrag veraltet (Befund behoben): {path} {rule} {fingerprint}",
    },
    "en": {
        "requirements": "Art. 28(3) GDPR elements",
        "met_of": "{met} of {total} met",
        "requirement": "Requirement",
        "status": "Status",
        "evidence": "Evidence",
        "met": "met",
        "missing": "missing",
        "findings": "Findings",
        "no_findings": "No findings.",
        "legal_basis": "Legal basis",
        "ask_vendor": "Ask the vendor for",
        "deadlines": "Deadlines",
        "no_deadlines": "No deadlines found.",
        "kind": "Deadline",
        "as_written": "As written",
        "hours": "Duration",
        "policy": "Policy",
        "verdict": "Verdict",
        "pages": "pages",
        "error": "unreadable",
        "suppressed": "{n} accepted deviation(s) hidden by the baseline",
        "document": "File",
        "result": "Result",
        "pass": "pass",
        "fail": "fail",
        "contracts_pass": "{ok} of {total} contracts pass",
        "common_gaps": "Most common gaps",
        "failed_files": "Unreadable files",
        "legend": "✓ met/ok · ✗ missing/violated (count) · ~ vague/hedged · · no deadline",
        "baseline_expired": "baseline entry expired ({expires}): {path} {rule} {fingerprint}",
        "baseline_stale": "stale baseline entry (finding is gone): {path} {rule} {fingerprint}",
    },
}


def summary_line(errors: int, warnings: int, infos: int, files: int, lang: str) -> str:
    """``3 Fehler, 2 Warnungen in 1 Datei`` / ``3 errors, 2 warnings in 1 file``."""
    if lang == "en":
        parts = [_plural(errors, "error", "errors"), _plural(warnings, "warning", "warnings")]
        if infos:
            parts.append(_plural(infos, "info", "infos"))
        return f"{', '.join(parts)} in {_plural(files, 'file', 'files')}"
    parts = [f"{errors} Fehler", _plural(warnings, "Warnung", "Warnungen")]
    if infos:
        parts.append(_plural(infos, "Hinweis", "Hinweise"))
    return f"{', '.join(parts)} in {_plural(files, 'Datei', 'Dateien')}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def t(lang: str, key: str, **kw: object) -> str:
    table = TEXT.get(lang, TEXT["de"])
    return table[key].format(**kw) if kw else table[key]
