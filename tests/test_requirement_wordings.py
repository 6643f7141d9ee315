"""Requirement decisions on hand-written clauses: each generic cause in several wordings.

Every case states a legal pattern (a deferral to a missing annex, a verb-final
negation, a title over full-sentence items …), not one contract's sentence.
"""

from __future__ import annotations

import pytest

import avvlint


def _status(text: str, req: str) -> str:
    result = avvlint.check_bytes(text.encode("utf-8"), "contract.txt").requirement(req)
    assert result is not None
    return result.status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exception with its own notice duty
        (
            "§ 3 Weisungen\nDer Auftragnehmer verarbeitet Daten nur auf Weisung, es sei denn, er ist nach dem Recht "
            "der Union hierzu verpflichtet; in diesem Fall teilt er dem Auftraggeber diese Anforderungen vorab mit.",
            "met",
        ),
        # exception alone; a notice somewhere else in the long paragraph is about something else
        (
            "§ 3 Pflichten\n(1) Der Auftragnehmer beachtet folgende Vorgaben:\n\n"
            "a) Verarbeitung nur auf Weisung, es sei denn, das Recht eines Mitgliedstaats verpflichtet ihn dazu.\n\n"
            "b) Die Kontaktdaten seines Datenschutzbeauftragten werden dem Auftraggeber vorab mitgeteilt.\n",
            "missing",
        ),
    ],
)
def test_legal_exception_needs_its_own_notice(text: str, expected: str) -> None:
    assert _status(text, "a28.3.a.legal_exception") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Gegenstand und Einzelheiten der Verarbeitung sind in Anlage 1 festgelegt.",
        "Gegenstand des Auftrags, Art und Zweck der Verarbeitung ergeben sich aus Anlage 1.",
        "Der Gegenstand der Verarbeitung ist näher in Anlage 1 beschrieben.",
    ],
)
def test_deferral_to_an_annex_that_is_not_attached_gives_no_credit(sentence: str) -> None:
    text = f"§ 1 Anwendungsbereich\n{sentence}\n\n§ 2 Schluss\nEs gilt deutsches Recht.\n"
    assert _status(text, "a28.3.subject") == "missing"
    attached = (
        text + "\nAnlage 1 – Beschreibung\nGegenstand: Betrieb der Lohnbuchhaltung für den Auftraggeber.\n"
    )
    assert _status(attached, "a28.3.subject") == "met"


def test_a_description_before_the_deferral_still_counts() -> None:
    text = (
        "§ 1 Gegenstand\nGegenstand des Auftrags ist der Betrieb der Lohnbuchhaltung; weitere Einzelheiten "
        "sind in Anlage 1 geregelt.\n"
    )
    assert _status(text, "a28.3.subject") == "met"


@pytest.mark.parametrize(
    "label",
    ["1.1 Gegenstand des Auftrags:", "Vertragsgegenstand:", "§ 1 Gegenstand der Vereinbarung:"],
)
def test_form_label_with_its_description_on_the_next_line(label: str) -> None:
    text = (
        f"{label}\nBereitstellung und Betrieb einer Mitgliederverwaltung samt Beitragseinzug\n\n2. Weiteres\n"
    )
    assert _status(text, "a28.3.subject") == "met"


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Verantwortliche entscheidet allein über die Zwecke und Mittel der Verarbeitung.",
        "Der Auftragnehmer unterstützt den Auftraggeber unter Berücksichtigung der Art der Verarbeitung.",
    ],
)
def test_definitions_and_assistance_formulas_do_not_describe_the_processing(sentence: str) -> None:
    assert _status(f"§ 1 Allgemeines\n{sentence}\n", "a28.3.nature_purpose") == "missing"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zweck der Verarbeitung ist ausschließlich die Erbringung der Hosting-Leistungen.", "met"),
        ("Die Verarbeitung besteht in der Speicherung und dem Versand von Newslettern.", "met"),
    ],
)
def test_purpose_stated_as_a_predicate(sentence: str, expected: str) -> None:
    assert _status(f"§ 1 Allgemeines\n{sentence}\n", "a28.3.nature_purpose") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Arten von Daten: Die Kundendaten können sämtliche Arten personenbezogener Daten umfassen.",
            "missing",
        ),
        ("Categories of data: Customer Data may include any types of personal data.", "missing"),
        (
            "Arten der Daten: Es können alle Arten von Daten betroffen sein, insbesondere Kontaktdaten, "
            "Vertragsdaten und Nutzungsdaten.",
            "met",
        ),
        # the cue belongs to the causal clause, not to the categories
        (
            "Arten der Daten: Da der Anbieter die Inhalte nicht kennt, sind insbesondere Kontaktdaten "
            "und Bestelldaten betroffen.",
            "met",
        ),
    ],
)
def test_any_kind_of_data_names_no_category(sentence: str, expected: str) -> None:
    assert _status(f"§ 2 Daten\n{sentence}\n", "a28.3.data_types") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Anfragen betroffener Personen leitet der Anbieter weiter. Eine weitergehende Unterstützung bei der "
        "Erfüllung von Betroffenenrechten schuldet der Anbieter nicht.",
        "Anträge Betroffener werden weitergeleitet. Weitere Unterstützung bei Betroffenenrechten leistet "
        "der Auftragnehmer nicht; sie kann gesondert beauftragt werden.",
    ],
)
def test_verb_final_negation_excludes_the_whole_clause(clause: str) -> None:
    text = f"§ 7 Rechte betroffener Personen\n{clause}\n"
    assert _status(text, "a28.3.e.dsr_assistance") == "missing"


def test_verb_final_negation_stops_at_the_semicolon() -> None:
    text = (
        "§ 7 Betroffenenrechte\nEine Vergütung für diese Leistungen erhebt der Auftragnehmer nicht; er unterstützt "
        "den Auftraggeber bei der Beantwortung von Anträgen betroffener Personen.\n"
    )
    assert _status(text, "a28.3.e.dsr_assistance") == "met"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # the controller's own report beside the processor's notice does not cancel it
        (
            "Verletzungen der Datensicherheit meldet die Auftragnehmerin der Auftraggeberin so rasch als möglich. "
            "Die Meldung an die Aufsichtsbehörde obliegt der Auftraggeberin.",
            "met",
        ),
        (
            "Meldungen von Datenschutzverletzungen an die Aufsichtsbehörde nimmt der Auftraggeber selbst vor.",
            "missing",
        ),
        (
            "Verletzungen des Schutzes personenbezogener Daten meldet der Auftraggeber der Aufsichtsbehörde.",
            "missing",
        ),
    ],
)
def test_breach_notice_is_the_processors_notice_to_the_controller(clause: str, expected: str) -> None:
    text = f"Auftraggeber und Auftragnehmerin schließen diesen Vertrag.\n\n§ 8 Meldungen\n{clause}\n"
    assert _status(text, "a28.3.f.breach_notification") == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Die Sicherungsstände werden nach 30 Tagen rollierend überschrieben.", "missing"),
        (
            "Nach Beendigung des Vertrags löscht der Auftragnehmer alle Daten. Sicherungskopien werden "
            "spätestens 90 Tage danach überschrieben.",
            "met",
        ),
    ],
)
def test_copies_are_deleted_at_the_end_of_the_service_not_by_rotation(clause: str, expected: str) -> None:
    text = f"§ 10 Datensicherung\n{clause}\n"
    assert _status(text, "a28.3.g.copies") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Der Auftragnehmer unterstützt den Auftraggeber bei der Gewährleistung der Sicherheit der "
            "Verarbeitung (Art. 32 DSGVO).",
            "missing",
        ),
        ("Der Auftragnehmer trifft alle nach Art. 32 DSGVO erforderlichen Maßnahmen.", "met"),
    ],
)
def test_helping_with_security_is_not_taking_the_measures(sentence: str, expected: str) -> None:
    assert _status(f"§ 5 Sicherheit\n{sentence}\n", "a28.3.c.security") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Auftragnehmer legt dem Auftraggeber auf Anforderung alle Nachweise über die Einhaltung seiner "
        "Pflichten aus Art. 28 DSGVO vor.",
        "Auf Verlangen weist der Auftragnehmer dem Auftraggeber die Einhaltung der Pflichten durch geeignete "
        "Unterlagen nach.",
    ],
)
def test_separable_verbs_provide_information(sentence: str) -> None:
    assert _status(f"§ 9 Nachweise\n{sentence}\n", "a28.3.h.information") == "met"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Vendor shall give Customer at least ten days' prior notice of any intended addition of a "
            "Sub-processor.",
            "met",
        ),
        ("Vendor may engage Sub-processors at its discretion.", "missing"),
    ],
)
def test_english_prior_notice_of_a_new_subprocessor(sentence: str, expected: str) -> None:
    assert _status(f"6. Sub-processors\n{sentence}\n", "a28.3.d.change_notice") == expected


def test_a_model_forms_disclaimer_is_not_an_audit_exclusion() -> None:
    text = (
        "Hinweis: Die Verwendung dieses Musters ersetzt keine Prüfung im Einzelfall.\n\n"
        "§ 9 Kontrollen\nDer Auftragnehmer ermöglicht Überprüfungen einschließlich Inspektionen durch den "
        "Auftraggeber und trägt dazu bei.\n"
    )
    assert _status(text, "a28.3.h.audits") == "met"


def test_documentation_that_satisfies_audit_rights_excludes_audits() -> None:
    text = (
        "8. Audits\nCustomer agrees that the reports under Section 8.1 fully satisfy any audit rights. "
        "Vendor will not permit on-site inspections.\n"
    )
    assert _status(text, "a28.3.h.audits") == "missing"


def test_onward_transfer_instructions_may_stand_in_the_next_sentence() -> None:
    text = (
        "8.8 Weiterübermittlungen\nDer Importeur legt die Daten Dritten nur auf dokumentierte Weisung offen. "
        "Eine Weiterübermittlung außerhalb der Europäischen Union ist zudem nur unter den Voraussetzungen "
        "der Art. 44 ff. DSGVO zulässig.\n"
    )
    assert _status(text, "a28.3.a.transfers") == "met"


def test_breach_notification_help_under_a_security_title_is_not_security_assistance() -> None:
    text = (
        "8.6 Sicherheit der Verarbeitung\n\n"
        "(a) Der Importeur trifft geeignete technische und organisatorische Maßnahmen.\n\n"
        "(b) Der Importeur arbeitet mit dem Exporteur zusammen und unterstützt ihn bei der Meldung der "
        "Verletzung an die Aufsichtsbehörde.\n"
    )
    assert _status(text, "a28.3.f.security_assistance") == "missing"


@pytest.mark.parametrize(
    "subjects",
    [
        "A.4 Kreis der Betroffenen\n\nBeschäftigte der Auftraggeberin, Bewerberinnen und Bewerber.\n",
        "B.3 Betroffene Personen\n\n- Kunden des Online-Shops\n- Lieferempfänger\n",
    ],
)
def test_letter_decimal_headings_scope_their_content(subjects: str) -> None:
    text = "Teil A Beschreibung der Verarbeitung\n\nA.1 Gegenstand\n\nHosting der Website.\n\n" + subjects
    assert _status(text, "a28.3.data_subjects") == "met"


@pytest.mark.parametrize(
    "processor",
    ["der Prozessor", "der Verarbeiter", "der Auftragsbearbeiter"],
)
def test_translated_processor_names_report_breaches(processor: str) -> None:
    text = (
        "§ 8 Vorfälle\n"
        f"{processor[0].upper()}{processor[1:]} meldet dem Verantwortlichen jede Verletzung des Schutzes "
        "personenbezogener Daten unverzüglich.\n"
    )
    assert _status(text, "a28.3.f.breach_notification") == "met"


def test_dative_controller_is_the_addressee_not_the_reporter() -> None:
    met = (
        "§ 8 Meldung\nBei einer Verletzung des Schutzes personenbezogener Daten meldet der Auftraggeberin "
        "die Auftragnehmerin den Vorfall unverzüglich.\n"
    )
    controller_only = (
        "§ 8 Meldung\nEine Verletzung des Schutzes personenbezogener Daten meldet der Auftraggeber selbst "
        "der Aufsichtsbehörde.\n"
    )
    assert _status(met, "a28.3.f.breach_notification") == "met"
    assert _status(controller_only, "a28.3.f.breach_notification") == "missing"


def test_a_hard_wrapped_line_keeps_its_sentence_together() -> None:
    # "ein Gesetz zwingt" and "teilt … vorher mit" are near each other only across the wrap
    text = (
        "§ 2 Weisungen\n\nWenn den Auftragnehmer ein Gesetz zwingt, Daten anders zu verarbeiten,\n"
        "teilt er dies dem Auftraggeber vorher mit, soweit er das darf.\n"
    )
    assert _status(text, "a28.3.a.legal_exception") == "met"
    # a list's next item is another statement: no soft wrap before an item marker
    listed = text.replace("verarbeiten,\nteilt", "verarbeiten,\n- teilt")
    assert _status(listed, "a28.3.a.legal_exception") == "missing"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "       Durchführung telemedizinischer Behandlungen durch die Praxis sowie deren Abrechnung.\n",
            "met",
        ),
        ("       Lohn- und Gehaltsabrechnung für die Beschäftigten des Kunden.\n", "met"),
        ("       siehe Hauptvertrag und Leistungsbeschreibung des Anbieters.\n", "missing"),
        ("       Wird vom Auftraggeber im Bestellformular festgelegt.\n", "missing"),
    ],
)
def test_purpose_heading_over_its_content(body: str, expected: str) -> None:
    text = "ANLAGE 1\n\nNr. 1  Gegenstand\n       Hosting.\n\nNr. 2  Zweck der Verarbeitung\n" + body
    assert _status(text, "a28.3.nature_purpose") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Verlangen gesetzliche Vorschriften des Unionsrechts eine weitere Verarbeitung, teilt der Auftragnehmer "
        "dem Auftraggeber dies vor der Verarbeitung mit.",
        "Wenn mich ein Gesetz zwingt, Daten anders zu verarbeiten, sage ich dir das vorher, soweit ich das darf.",
        "Ist dies durch Unions- oder Mitgliedstaatenrecht erfordert, informiert der Prozessor den Kontrolleur "
        "über diese rechtliche Erfordernis vor der Prozessierung.",
    ],
)
def test_legal_exception_in_other_words(clause: str) -> None:
    assert _status("§ 2 Weisungen\n" + clause + "\n", "a28.3.a.legal_exception") == "met"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kategorien von Personendaten: Personalien, AHV-Nummer, Lohnbestandteile", "met"),
        ("Kategorien der Personendaten: gemäss Angaben der Auftraggeberin im Auftragsformular.", "missing"),
    ],
)
def test_swiss_personendaten_label(line: str, expected: str) -> None:
    assert _status("3. Bearbeitung\n\n" + line + "\n", "a28.3.data_types") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Die Vereinbarung beginnt mit Unterzeichnung und endet mit der Abnahme der letzten Lieferung.",
        "Dieser Vertrag läuft so lange wie der Fulfillment-Rahmenvertrag.",
        "Die Vereinbarung bleibt in Kraft, solange der Anbieter Daten des Kunden verarbeitet.",
    ],
)
def test_duration_in_other_words(clause: str) -> None:
    assert _status("§ 1 Laufzeit\n" + clause + "\n", "a28.3.duration") == "met"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.1 Gegenstand des Auftrags:      [bitte eintragen]\n\n2.2 Laufzeit: unbefristet\n", "missing"),
        ("2.1 Gegenstand des Auftrags:\nBetrieb und Wartung des Dealer-Management-Systems\n", "met"),
        # what the processor provides as proof is not the subject of the processing
        (
            "7.1 Der Auftragnehmer stellt alle zum Nachweis erforderlichen Informationen zur Verfügung.\n",
            "missing",
        ),
        ("1.1 Die Auftragnehmerin führt für die Auftraggeberin die Lohnbuchhaltung durch.\n", "met"),
        ("Gegenstand dieser DVV ist der Betrieb einer Recruiting-Plattform.\n", "met"),
    ],
)
def test_subject_matter(text: str, expected: str) -> None:
    assert _status(text, "a28.3.subject") == expected


def test_weisungsbefugt_is_the_right_to_instruct() -> None:
    text = "§ 3 Weisungen\nDer Auftraggeber ist gegenüber dem Auftragnehmer weisungsbefugt.\n"
    assert _status(text, "a28.3.controller_rights") == "met"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Der Anbieter ist berechtigt, Unterauftragsverarbeiter nach eigenem Ermessen einzusetzen; einer "
            "Zustimmung des Kunden bedarf es nicht.",
            "missing",
        ),
        (
            "Der Dienstleister darf Subunternehmer beauftragen. Eine Genehmigung des Auftraggebers ist nicht "
            "erforderlich.",
            "missing",
        ),
        ("Der Auftraggeber genehmigt den Einsatz der in Anlage 3 genannten Subunternehmer.\n\nAnlage 3\n"
         "Hostwerk GmbH, Rechenzentrum", "met"),
    ],
)  # fmt: skip
def test_free_hand_is_no_authorisation(clause: str, expected: str) -> None:
    assert _status("§ 6 Unterauftragsverhältnisse\n" + clause + "\n", "a28.3.d.authorisation") == expected


@pytest.mark.parametrize(
    "limit",
    [
        "Audits sollen nicht häufiger als einmal in zwölf Monaten stattfinden.",
        "Audits bei Unterauftragsverarbeitern, die Hyperscaler sind, sind ausgeschlossen.",
    ],
)
def test_audit_limits_are_no_exclusion(limit: str) -> None:
    text = (
        "§ 11 Audits\n(1) Der Kunde kann einmal pro Kalenderjahr auf eigene Kosten ein Audit durchführen.\n"
        f"(2) {limit}\n"
    )
    assert _status(text, "a28.3.h.audits") == "met"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Meldepflichten bei Datenpannen treffen ausschließlich den Auftraggeber als Verantwortlichen; der "
         "Auftragnehmer schuldet insoweit keine Meldung.", "missing"),
        ("Der Auftragnehmer meldet dem Auftraggeber Datenpannen unverzüglich.", "met"),
    ],
)  # fmt: skip
def test_breach_duty_left_with_the_controller(clause: str, expected: str) -> None:
    assert _status("§ 4 Datenpannen\n" + clause + "\n", "a28.3.f.breach_notification") == expected


def test_liability_after_a_letter_numbered_conditional() -> None:
    text = (
        "Teil D – Unterauftragnehmer\n\nD.5  Kommt ein Unterauftragnehmer seinen Datenschutzpflichten nicht "
        "nach, haftet die Auftragnehmerin gegenüber der Auftraggeberin für die Einhaltung der Pflichten jenes "
        "Unterauftragnehmers.\n"
    )
    assert _status(text, "a28.3.d.liability") == "met"


def test_copies_in_the_sentence_after_the_deletion() -> None:
    text = (
        "Ziff. 9 Beendigung des Auftrags\n\n9.1 Nach Beendigung des Hauptvertrags löscht der Dienstleister nach "
        "Wahl des Maklers alle personenbezogenen Daten oder gibt sie zurück.\n"
        "9.2 Dies umfasst sämtliche Kopien und Sicherungskopien.\n"
    )
    assert _status(text, "a28.3.g.copies") == "met"


@pytest.mark.parametrize(
    ("text", "req"),
    [
        ("§ 9 Sub-Prozessoren\nDer Prozessor soll mit jedem Sub-Prozessor einen Vertrag abschließen, der "
         "Datenschutzverpflichtungen beinhaltet, die nicht weniger schützend sind als die in diesem DPA.",
         "a28.3.d.flow_down"),
        ("§ 7 Rechte\nDer Prozessor soll den Kontrolleur dabei assistieren, auf Anfragen für die Ausübung von "
         "Rechten der Datensubjekte zu antworten.", "a28.3.e.dsr_assistance"),
    ],
)  # fmt: skip
def test_translated_english_dpa_wording(text: str, req: str) -> None:
    assert _status(text + "\n", req) == "met"


@pytest.mark.parametrize(
    ("text", "req"),
    [
        ("§ 5 Weitere Dienstleister\nWeitere Dienstleister setzt der Auftragnehmer nur mit vorheriger schriftlicher "
         "Zustimmung des Auftraggebers ein.", "a28.3.d.authorisation"),
        ("§ 4 Übermittlungen\nDer Auftragnehmer übermittelt keine Daten in Länder außerhalb der EU, es sei denn, "
         "der Auftraggeber hat dies vorher schriftlich erlaubt.", "a28.3.a.transfers"),
        ("§ 7 Nachweise\nAuf Wunsch schickt der Auftragnehmer dem Auftraggeber alle Infos, die dieser braucht, um "
         "die Einhaltung dieser Vereinbarung nachzuweisen.", "a28.3.h.information"),
        ("§ 6 Hilfe\nIch helfe dir, falls du je eine Datenschutz-Folgenabschätzung brauchst.", "a28.3.f.dpia_assistance"),
        ("§ 4 Vertraulichkeit\nDer Auftragnehmer ist zur Verschwiegenheit verpflichtet, und jeder, den er einbindet, "
         "verpflichtet sich vorher schriftlich zur Vertraulichkeit.", "a28.3.b.confidentiality"),
    ],
)  # fmt: skip
def test_plain_language_wordings(text: str, req: str) -> None:
    assert _status(text + "\n", req) == "met"


def test_mutual_confidentiality_of_the_parties_is_not_lit_b() -> None:
    text = (
        "§ 12 Vertraulichkeit\nJede Partei verpflichtet sich, die Vertragsinhalte vertraulich zu behandeln.\n"
    )
    assert _status(text, "a28.3.b.confidentiality") == "missing"


TWO_NAMES = """Vereinbarung zur Verarbeitung im Auftrag

Betriebskrankenkasse Nordheide
(nachstehend „die BKK“)

Datenwerk GmbH
(nachstehend „die Datenwerk GmbH“)

A.1  Die Datenwerk GmbH betreibt für die BKK ein Antragsportal.
A.2  Die BKK erteilt der Datenwerk GmbH Weisungen schriftlich.
A.3  Die BKK meldet Verletzungen des Schutzes personenbezogener Daten binnen 72 Stunden an die
     Aufsichtsbehörde.
A.4  Die Datenwerk GmbH verarbeitet die Daten nur auf dokumentierte Weisung der BKK.
A.5  Die Datenwerk GmbH trifft die Maßnahmen nach Art. 32 DSGVO.
A.6  Die Datenwerk GmbH unterstützt die BKK bei Anträgen betroffener Personen.
"""


def test_two_defined_names_without_role_words_get_opposite_roles() -> None:
    from avvlint.engine.roles import detect_party_names

    assert detect_party_names(TWO_NAMES) == (["Datenwerk GmbH"], ["BKK"])
    # the controller's own report to the authority is no breach notice by the processor
    assert _status(TWO_NAMES, "a28.3.f.breach_notification") == "missing"
    assert _status(TWO_NAMES, "a28.3.controller_rights") == "met"


@pytest.mark.parametrize(
    ("text", "req"),
    [
        ("§ 1 Gegenstand\nGegenstand und Umfang des Auftrags ergeben sich aus dem Hauptvertrag.", "a28.3.subject"),
        ("§ 1 Gegenstand\nArt und Zweck der Verarbeitung ergeben sich aus der Leistungsbeschreibung.",
         "a28.3.nature_purpose"),
    ],
)  # fmt: skip
def test_pointer_to_a_document_that_is_not_here_is_not_met(text: str, req: str) -> None:
    assert _status(text + "\n", req) == "missing"


ANNEX_FRAMED = """§ 6 Beendigung

Nach Beendigung des Hauptvertrags verfährt der Auftragnehmer mit den Daten des
Auftraggebers nach dem Löschkonzept gemäß Anlage 4.

==========================================================================================
Anlage 3 – Genehmigte Unterauftragnehmer
==========================================================================================

Hostwerk GmbH, Rechenzentrum Frankfurt, Hosting der Plattform

==========================================================================================
Anlage 4 – Löschkonzept
==========================================================================================

{annex4}
"""


def test_annex_framed_by_rules_is_found_and_a_placeholder_annex_is_blank() -> None:
    from avvlint.extract import extract_bytes

    blank = ANNEX_FRAMED.format(annex4="[wird vom Auftragnehmer bis zum Go-Live nachgereicht]")
    doc = extract_bytes(blank.encode(), "x.txt")
    assert [s.label for s in doc.sections if s.label.startswith("Anlage")] == ["Anlage 3", "Anlage 4"]
    assert _status(blank, "a28.3.g.delete_or_return") == "missing"
    filled = ANNEX_FRAMED.format(
        annex4="Nach Vertragsende gibt der Auftragnehmer nach Wahl des Auftraggebers alle Daten zurück oder "
        "löscht sie binnen 30 Tagen."
    )
    assert _status(filled, "a28.3.g.delete_or_return") == "met"


def test_table_row_pointing_at_a_missing_annex_states_nothing() -> None:
    text = "§ 7 Fristen\n\nRückgabe / Löschung nach Vertragsende\tsiehe Anlage 4\t§ 6\n"
    assert _status(text, "a28.3.g.delete_or_return") == "missing"


@pytest.mark.parametrize(
    ("text", "req"),
    [
        ("§ 3 Weisungen\nDer Auftragsverarbeiter wird personenbezogene Daten nur dann verarbeiten, wenn eine in "
         "Textform festgehaltene Weisung des Verantwortlichen vorliegt.", "a28.3.a.instructions"),
        ("§ 3 Weisungen\nDer Dienstleister verwendet die Daten ausschließlich im Rahmen der schriftlichen Aufträge "
         "des Auftraggebers.", "a28.3.a.instructions"),
        ("§ 3 Weisungen\nSchreibt ihm eine Rechtsvorschrift der EU oder eines EU-Mitgliedstaats eine Verarbeitung "
         "vor, unterrichtet er den Verantwortlichen vorab über diese Vorschrift.", "a28.3.a.legal_exception"),
        ("§ 4 Weitere Auftragsverarbeiter\nDer Verantwortliche erlaubt dem Auftragsverarbeiter allgemein, weitere "
         "Auftragsverarbeiter einzuschalten.", "a28.3.d.authorisation"),
        ("§ 4 Unterauftragsverarbeiter\nJeder weitere Auftragsverarbeiter wird vertraglich an Datenschutzpflichten "
         "gebunden, die denen dieses Vertrags entsprechen.", "a28.3.d.flow_down"),
        ("§ 4 Unterauftragnehmer\nDer Auftragnehmer zeigt dem Auftraggeber die Beauftragung neuer "
         "Unterauftragnehmer mindestens zwei Wochen vor deren Einsatz in Textform an.",
         "a28.3.d.change_notice"),
        ("§ 8 Sub-Dienstleister\nBeabsichtigt der Dienstleister, einen weiteren Sub-Dienstleister heranzuziehen, so "
         "hat er den Auftraggeber davon vier Wochen vorab schriftlich zu verständigen.", "a28.3.d.change_notice"),
        ("1) Worum geht es?\nBrandl verwendet die Daten nur für Wartung, Fehlersuche und Reparatur der Anlagen.",
         "a28.3.nature_purpose"),
        ("2) Welche Daten?\n\nFolgende Daten kommen vor:\n  * Videobilder der Kameras\n  * Kartennummer und "
         "Zimmernummer\n", "a28.3.data_types"),
        ("8) Kontrolle\nDer Auftraggeber darf sich vor Ort in der Werkstatt ansehen, wie der Auftragnehmer mit den "
         "Daten umgeht.", "a28.3.controller_rights"),
        ("6) Datenpannen\nStellt der Auftragnehmer fest, dass Daten in falsche Hände geraten sein könnten, sagt er dem "
         "Auftraggeber sofort Bescheid.", "a28.3.f.breach_notification"),
    ],
)  # fmt: skip
def test_more_wordings_of_the_duties(text: str, req: str) -> None:
    assert _status(text + "\n", req) == "met"


def test_measures_defined_only_in_a_blank_annex_are_not_stated() -> None:
    text = (
        "§ 12 Datenschutz\n\n12.5 Technische und organisatorische Maßnahmen\n"
        "Der Auftragnehmer trifft die in Anlage 12.1 festgelegten technischen und organisatorischen Maßnahmen.\n"
        "12.6 Unterstützung\nDer Auftragnehmer unterstützt den Auftraggeber durch geeignete technische und "
        "organisatorische Maßnahmen bei der Bearbeitung von Anträgen Betroffener.\n\n"
        "Anlage 12.1 – Technische und organisatorische Maßnahmen\n\n[Muster – vom Auftragnehmer auszufüllen]\n\n"
        "Zutrittskontrolle:        ...\nZugangskontrolle:         ...\n\n"
        "Anlage 12.2 – Unterauftragnehmer\n\n1. Nordsee Rechenzentrum GmbH, Housing der Backup-Server\n"
    )
    assert _status(text, "a28.3.c.security") == "missing"
    filled = text.replace(
        "Zutrittskontrolle:        ...", "Zutrittskontrolle: Chipkarten, Alarmanlage, Besucherbuch am Empfang"
    )
    assert _status(filled, "a28.3.c.security") == "met"


@pytest.mark.parametrize(
    ("clause", "req"),
    [
        ("§ 10 Vertragsende\nNach Vertragsende bemüht sich der Dienstleister, die Daten in der Regel innerhalb von drei "
         "Monaten zu löschen oder dem Mandanten auf Wunsch zurückzugeben.", "a28.3.g.delete_or_return"),
        ("§ 6 Sicherheit\nDer Dienstleister ist bestrebt, angemessene technische und organisatorische Maßnahmen zu "
         "treffen.", "a28.3.c.security"),
    ],
)  # fmt: skip
def test_best_efforts_bind_to_nothing(clause: str, req: str) -> None:
    assert _status(clause + "\n", req) == "missing"
    binding = clause.replace(
        "bemüht sich der Dienstleister, die Daten", "hat der Dienstleister die Daten"
    ).replace("ist bestrebt, angemessene", "hat angemessene")
    assert _status(binding + "\n", req) == "met"


def test_defined_term_between_dashes_names_the_controller() -> None:
    from avvlint.engine.roles import detect_party_names

    text = (
        "Rheintal Handelsbank eG\n– „Bank“ oder „Verantwortlicher“ –\n\nZahlwerk GmbH\n– „Dienstleister“ –\n\n"
        "Die Bank erteilt Weisungen. Der Dienstleister unterstützt die Bank. Die Bank prüft.\n"
    )
    assert detect_party_names(text)[1] == ["Bank"]


@pytest.mark.parametrize(
    ("text", "req", "expected"),
    [
        ("§ 5 Unterauftragnehmer\nÜber beabsichtigte Änderungen informiert der Auftragnehmer den Auftraggeber zwei "
         "Wochen im Voraus; der Auftraggeber kann innerhalb einer Woche nach Zugang widersprechen, dann unterbleibt "
         "die Änderung.", "a28.3.d.objection", "met"),
        ("§ 12 Schlussbestimmungen\n(1) Der Anbieter kann diese AGB mit einer Ankündigungsfrist von sechs Wochen "
         "ändern. Widerspricht der Kunde nicht innerhalb dieser Frist, gelten die Änderungen als genehmigt.",
         "a28.3.d.objection", "missing"),
        ("§ 9 Unterauftragsverarbeiter\nDie Liste der Unterauftragsverarbeiter ist online abrufbar. Änderungen werden "
         "dort veröffentlicht; eine gesonderte Mitteilung an den Kunden erfolgt nicht.", "a28.3.d.change_notice",
         "missing"),
        ("§ 2 Laufzeit\nDer Vertrag wird für die Schuljahre 2025/26 bis 2027/28 geschlossen und endet am\n31.07.2028.",
         "a28.3.duration", "met"),
        ("§ 9 Datenschutz\n(3) Art der Daten: Namen, Anschriften, Korrespondenz. Betroffene Personen: Kunden, "
         "Interessenten und Lieferanten.", "a28.3.data_subjects", "met"),
        ("§ 2 Daten\nDie Kategorien betroffener Personen ergeben sich aus den Eingaben des Auftraggebers im "
         "Kundenportal.", "a28.3.data_subjects", "missing"),
        ("§ 1\nGegenstand des Auftrags\tSiehe Anlage 1 (Leistungsbeschreibung).\n\nAnlage 1 – Leistungsbeschreibung\n\n"
         "[Wird bei Auftragserteilung ergänzt.]", "a28.3.subject", "missing"),
    ],
)  # fmt: skip
def test_seventh_set_causes(text: str, req: str, expected: str) -> None:
    assert _status(text + "\n", req) == expected


def test_copies_presuppose_the_deletion_duty() -> None:
    text = (
        "X. DATENSICHERUNG UND VERTRAGSENDE\n\n1. Datensicherungen werden nach dreißig Tagen automatisch "
        "überschrieben.\n\n2. Eine Rückgabe oder Löschung von Daten nach Vertragsende ist nicht vorgesehen.\n"
    )
    assert _status(text, "a28.3.g.copies") == "missing"


def test_copies_kept_for_own_purposes_are_not_deleted() -> None:
    text = (
        "10 Vertragsende\n10.1 Nach Vertragsende löscht der Auftragnehmer alle Daten und Kopien oder gibt sie nach "
        "Wahl des Auftraggebers zurück.\n10.2 Kopien einzelner Dokumente dürfen für Beweiszwecke vom Auftragnehmer "
        "behalten werden.\n"
    )
    assert _status(text, "a28.3.g.copies") == "missing"
    assert _status(text.split("10.2")[0], "a28.3.g.copies") == "met"


@pytest.mark.parametrize(
    ("text", "req", "expected"),
    [
        ("3.4 Der Auftragnehmer ist verpflichtet – nicht lediglich berechtigt –, den Auftraggeber unverzüglich zu "
         "informieren, wenn nach seiner Auffassung eine Weisung gegen Datenschutzvorschriften verstößt.",
         "a28.3.h.infringing_instruction", "met"),
        ("7.1 Eine Pflicht des Auftragnehmers zur Unterstützung des Auftraggebers bei der Beantwortung von Anträgen "
         "betroffener Personen besteht nur, soweit dies in einem gesonderten Servicevertrag vereinbart ist.",
         "a28.3.e.dsr_assistance", "missing"),
        ("6 Unterauftragnehmer\n6.1 Der Auftraggeber genehmigt allgemein den Einsatz von Unterauftragnehmern.\n"
         "6.2 Erhält der Auftraggeber Kenntnis von einem neuen Unterauftragnehmer, kann er widersprechen.",
         "a28.3.d.change_notice", "missing"),
        ("Sie genehmigen damit auch allgemein, dass wir weitere Partner einsetzen.", "a28.3.d.authorisation", "met"),
        ("2.3 Dieses DPA gilt für die Laufzeit des Agreement.", "a28.3.duration", "met"),
        ("Schedule 1\n\nArt der Customer Data:\n  - Stammdaten der Authorized Users\n  - Standortdaten der Endgeräte",
         "a28.3.data_types", "met"),
        ("1. Gegenstand\nDer Auftragnehmer holt Proben ab, transportiert sie zum Labor und betreibt für den "
         "Auftraggeber das elektronische Anforderungssystem.", "a28.3.subject", "met"),
        ("4. Wessen Daten sind das?\n\nBesucherinnen und Besucher Ihrer Website und Ihre Kundinnen und Kunden.",
         "a28.3.data_subjects", "met"),
        ("Welche Personen betroffen sind, legt der Kunde selbst fest. Die Angaben erfolgen im Kundenportal.",
         "a28.3.data_subjects", "missing"),
        ("5. Wer bestimmt?\nSie sind Verantwortlicher im Sinne der DSGVO und haben das Recht, uns jederzeit "
         "Weisungen zu erteilen.", "a28.3.controller_rights", "met"),
    ],
)  # fmt: skip
def test_eighth_set_causes(text: str, req: str, expected: str) -> None:
    assert _status(text + "\n", req) == expected


def test_field_headings_of_a_regelung_form() -> None:
    from avvlint.extract import extract_bytes

    text = (
        "A. RAHMEN\n\nRegelung: Gegenstand der Verarbeitung\n  Gemäß Bestellschein.\n\n"
        "B. UNTERAUFTRAGNEHMER\n\nRegelung: Vorankündigung neuer Unterauftragnehmer\n"
        "  Der Anbieter informiert den Kunden über beabsichtigte Hinzuziehungen und Ersetzungen 30 Tage vorher.\n"
    )
    doc = extract_bytes(text.encode(), "x.txt")
    assert [(s.label, s.title) for s in doc.sections] == [
        ("A.", "RAHMEN"),
        ("", "Gegenstand der Verarbeitung"),
        ("B.", "UNTERAUFTRAGNEHMER"),
        ("", "Vorankündigung neuer Unterauftragnehmer"),
    ]
    assert _status(text, "a28.3.d.change_notice") == "met"
    assert _status(text, "a28.3.subject") == "missing"


def test_heading_over_a_blank_fill_in_note_is_still_a_heading() -> None:
    text = (
        "C. SICHERHEIT\n\nRegelung: Technische und organisatorische Maßnahmen\n  Gemäß Anlage 2.\n\n"
        "D. ANLAGEN\n\nAnlage 2 – Technische und organisatorische Maßnahmen\n"
        "  [wird nach Vertragsschluss nachgereicht]\n"
    )
    assert _status(text, "a28.3.c.security") == "missing"


def test_standard_fields_deemed_set_by_the_controller_are_no_list() -> None:
    text = (
        "Artikel 2 – Datenkategorien und betroffene Personen\n\nWelche Personen betroffen sind, legt der Kunde selbst "
        "fest. Bis zur Eingabe gelten die Standardfelder des Buchungsformulars als vom Kunden festgelegt.\n"
    )
    assert _status(text, "a28.3.data_subjects") == "missing"


def test_faq_breach_answer_about_the_controllers_own_report_is_no_notice() -> None:
    text = (
        "10. Was passiert bei einer Datenpanne?\n\nDatenpannen nehmen wir ernst. Wir schließen die Sicherheitslücke "
        "und dokumentieren den Vorfall.\n\nOb eine Meldung an die Datenschutzaufsicht nötig ist, entscheiden Sie als "
        "Verantwortlicher. Nach Art. 33 DSGVO haben Sie dafür 72 Stunden Zeit.\n\nÜber Störungen und "
        "Wartungsfenster informieren wir allgemein auf unserer Statusseite.\n"
    )
    assert _status(text, "a28.3.f.breach_notification") == "missing"
    notice = text.replace(
        "Datenpannen nehmen wir ernst.",
        "Datenpannen melden wir Ihnen unverzüglich, spätestens nach 24 Stunden.",
    )
    assert _status(notice, "a28.3.f.breach_notification") == "met"


def test_translated_controller_name_reports_to_the_authority_itself() -> None:
    text = (
        "§ 6 Vorfälle\nDer Kontrolleur meldet Verletzungen des Schutzes personenbezogener Daten binnen 72 Stunden "
        "der Aufsichtsbehörde.\n"
    )
    assert _status(text, "a28.3.f.breach_notification") == "missing"
