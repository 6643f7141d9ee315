"""Runs of dashes and dots (table rules, tables of contents) must not make a gap term
backtrack exponentially: with the old separator each such contract took minutes."""

from __future__ import annotations

import re

import avvlint
from avvlint.engine.patterns import term_regex


def test_a_gap_term_over_a_table_rule_does_not_match_and_returns() -> None:
    rx = re.compile(term_regex("auftragnehmer ~4 (stellt|stellen) ~10 (bereit|zur verfuegung)"))
    rule_line = "auftragnehmer " + "|" + "-" * 400 + "|" + "." * 400 + " x"
    assert rx.search(rule_line) is None


def test_contract_with_pipe_table_rules_and_dotted_contents_is_checked() -> None:
    toc = "\n".join(f"§ {i} Abschnitt {i} " + "." * 120 + f" {i}" for i in range(1, 12))
    table = (
        "| Nr. | Pflicht des Anbieters | Regelung |\n"
        "|-----|" + "-" * 120 + "|" + "-" * 120 + "|\n"
        "| 1 | Meldung von Verletzungen | Der Anbieter meldet dem Kunden Verletzungen des Schutzes "
        "personenbezogener Daten unverzüglich. |\n"
    )
    text = f"Inhalt\n{toc}\n\n§ 8 Pflichtenübersicht\n{table}"
    report = avvlint.check_bytes(text.encode(), "table.txt")
    assert report.requirement("a28.3.f.breach_notification").status == "met"


def test_hyphenated_compounds_still_reach_the_next_term() -> None:
    rx = re.compile(term_regex("kann ~14 durch ~6 zertifikat* ~24 nachweisen"))
    text = "der anbieter kann die einhaltung durch ein aktuelles iso/iec-27001-zertifikat nachweisen."
    assert rx.search(text) is not None
