"""The requirement catalogue (spec/requirements.md): IDs, groups, law, titles.

These IDs are the contract between rules, gold annotations and reports; they
must not be renamed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    group: str
    law: str
    title_de: str
    title_en: str


_GROUPS = {
    "s1": "Art. 28 Abs. 3 S. 1 (Rahmenangaben)",
    "a": "lit. a Weisungen",
    "b": "lit. b Vertraulichkeit",
    "c": "lit. c Sicherheit (Art. 32)",
    "d": "lit. d Unterauftragsverarbeiter",
    "e": "lit. e Betroffenenrechte",
    "f": "lit. f Unterstützung (Art. 32–36)",
    "g": "lit. g Löschung/Rückgabe",
    "h": "lit. h Nachweise und Kontrollen",
}
GROUP_TITLES = _GROUPS

REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "a28.3.subject", "s1", "Art. 28 Abs. 3 S. 1 DSGVO", "Gegenstand der Verarbeitung", "Subject matter"
    ),
    Requirement("a28.3.duration", "s1", "Art. 28 Abs. 3 S. 1 DSGVO", "Dauer der Verarbeitung", "Duration"),
    Requirement(
        "a28.3.nature_purpose",
        "s1",
        "Art. 28 Abs. 3 S. 1 DSGVO",
        "Art und Zweck der Verarbeitung",
        "Nature and purpose",
    ),
    Requirement(
        "a28.3.data_types",
        "s1",
        "Art. 28 Abs. 3 S. 1 DSGVO",
        "Art der personenbezogenen Daten",
        "Types of personal data",
    ),
    Requirement(
        "a28.3.data_subjects",
        "s1",
        "Art. 28 Abs. 3 S. 1 DSGVO",
        "Kategorien betroffener Personen",
        "Categories of data subjects",
    ),
    Requirement(
        "a28.3.controller_rights",
        "s1",
        "Art. 28 Abs. 3 S. 1 DSGVO",
        "Rechte und Pflichten des Verantwortlichen",
        "Controller's rights and obligations",
    ),
    Requirement(
        "a28.3.a.instructions",
        "a",
        "Art. 28 Abs. 3 lit. a DSGVO",
        "Verarbeitung nur auf dokumentierte Weisung",
        "Documented instructions only",
    ),
    Requirement(
        "a28.3.a.transfers",
        "a",
        "Art. 28 Abs. 3 lit. a DSGVO",
        "Weisung auch für Drittlandübermittlungen",
        "Instructions cover third-country transfers",
    ),
    Requirement(
        "a28.3.a.legal_exception",
        "a",
        "Art. 28 Abs. 3 lit. a DSGVO",
        "Ausnahme gesetzlicher Verarbeitungspflicht mit Vorab-Mitteilung",
        "Legal-requirement exception with prior notice",
    ),
    Requirement(
        "a28.3.b.confidentiality",
        "b",
        "Art. 28 Abs. 3 lit. b DSGVO",
        "Verpflichtung zur Vertraulichkeit",
        "Confidentiality of authorised persons",
    ),
    Requirement(
        "a28.3.c.security",
        "c",
        "Art. 28 Abs. 3 lit. c, Art. 32 DSGVO",
        "Technische und organisatorische Maßnahmen",
        "Security measures (Art. 32)",
    ),
    Requirement(
        "a28.3.d.authorisation",
        "d",
        "Art. 28 Abs. 3 lit. d, Abs. 2 DSGVO",
        "Genehmigung von Unterauftragsverarbeitern",
        "Sub-processor authorisation",
    ),
    Requirement(
        "a28.3.d.change_notice",
        "d",
        "Art. 28 Abs. 3 lit. d, Abs. 2 DSGVO",
        "Information über Änderungen bei Unterauftragsverarbeitern",
        "Notice of sub-processor changes",
    ),
    Requirement(
        "a28.3.d.objection",
        "d",
        "Art. 28 Abs. 3 lit. d, Abs. 2 DSGVO",
        "Einspruchsrecht gegen Änderungen",
        "Right to object to changes",
    ),
    Requirement(
        "a28.3.d.flow_down",
        "d",
        "Art. 28 Abs. 3 lit. d, Abs. 4 DSGVO",
        "Weitergabe der Datenschutzpflichten",
        "Flow-down of obligations",
    ),
    Requirement(
        "a28.3.d.liability",
        "d",
        "Art. 28 Abs. 4 S. 2 DSGVO",
        "Haftung für Unterauftragsverarbeiter",
        "Liability for sub-processors",
    ),
    Requirement(
        "a28.3.e.dsr_assistance",
        "e",
        "Art. 28 Abs. 3 lit. e DSGVO",
        "Unterstützung bei Betroffenenrechten",
        "Assistance with data-subject requests",
    ),
    Requirement(
        "a28.3.f.security_assistance",
        "f",
        "Art. 28 Abs. 3 lit. f, Art. 32 DSGVO",
        "Unterstützung bei der Sicherheit der Verarbeitung",
        "Assistance with security",
    ),
    Requirement(
        "a28.3.f.breach_notification",
        "f",
        "Art. 28 Abs. 3 lit. f, Art. 33 Abs. 2 DSGVO",
        "Meldung von Datenschutzverletzungen",
        "Breach notification",
    ),
    Requirement(
        "a28.3.f.dpia_assistance",
        "f",
        "Art. 28 Abs. 3 lit. f, Art. 35–36 DSGVO",
        "Unterstützung bei DSFA und Vorabkonsultation",
        "DPIA assistance",
    ),
    Requirement(
        "a28.3.g.delete_or_return",
        "g",
        "Art. 28 Abs. 3 lit. g DSGVO",
        "Löschung oder Rückgabe nach Vertragsende",
        "Deletion or return at the end",
    ),
    Requirement(
        "a28.3.g.copies", "g", "Art. 28 Abs. 3 lit. g DSGVO", "Löschung von Kopien", "Copies deleted too"
    ),
    Requirement(
        "a28.3.h.information",
        "h",
        "Art. 28 Abs. 3 lit. h DSGVO",
        "Bereitstellung von Nachweisinformationen",
        "Information to demonstrate compliance",
    ),
    Requirement(
        "a28.3.h.audits",
        "h",
        "Art. 28 Abs. 3 lit. h DSGVO",
        "Überprüfungen und Inspektionen",
        "Audits and inspections",
    ),
    Requirement(
        "a28.3.h.infringing_instruction",
        "h",
        "Art. 28 Abs. 3 UAbs. 2 DSGVO",
        "Hinweis auf rechtswidrige Weisungen",
        "Notice of infringing instructions",
    ),
)

REQUIREMENT_IDS: tuple[str, ...] = tuple(r.id for r in REQUIREMENTS)
BY_ID: dict[str, Requirement] = {r.id: r for r in REQUIREMENTS}
