"""Sentences and lemmas: the fast splitter, the spaCy pipeline and lemma expansion agree."""

from avvlint.nlp.lemmas import forms_for
from avvlint.nlp.pipeline import get_nlp
from avvlint.nlp.sentences import split_sentences

TEXT = (
    "Der Auftragsverarbeiter meldet gem. Art. 33 Abs. 2 DSGVO, z. B. per E-Mail, i. S. d. Vertrags "
    "jede Verletzung. Die Frist beträgt 24 Std. nach Kenntnis. Am 1. Mai 2026 endet er. "
    "Die Pflichten nach Nr. 3 lit. b gelten fort."
)


def test_legal_abbreviations_do_not_end_sentences() -> None:
    got = [TEXT[a:b] for a, b in split_sentences(TEXT)]
    assert got == [
        "Der Auftragsverarbeiter meldet gem. Art. 33 Abs. 2 DSGVO, z. B. per E-Mail, i. S. d. Vertrags jede Verletzung.",
        "Die Frist beträgt 24 Std. nach Kenntnis.",
        "Am 1. Mai 2026 endet er.",
        "Die Pflichten nach Nr. 3 lit. b gelten fort.",
    ]


def test_spacy_pipeline_agrees_with_the_splitter_and_lemmatises() -> None:
    nlp = get_nlp()
    assert nlp is get_nlp()  # built once
    doc = nlp(TEXT)
    assert [s.text for s in doc.sents] == [TEXT[a:b] for a, b in split_sentences(TEXT)]
    lemmas = {t.text: t.lemma_ for t in nlp("Weisungen wurden erteilt und Daten gelöscht.")}
    assert lemmas["Weisungen"] == "Weisung"
    assert lemmas["gelöscht"] == "löschen"


def test_lemma_expansion_covers_inflected_forms() -> None:
    forms = forms_for({"löschen", "Weisung"})
    assert {"loescht", "geloescht", "loeschte"} <= forms["loeschen"]
    assert {"weisung", "weisungen"} <= forms["weisung"]
