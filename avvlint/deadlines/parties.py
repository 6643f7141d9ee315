"""Who acts in a clause: the processor's deadlines are only the processor's duties.

"Die Schule meldet Verletzungen binnen 72 Stunden an die Landesbeauftragte" is the
controller's own notice to the authority, not a breach notice of the processor. The
controller goes by many names (Auftraggeber, Kunde, Mandant, or a short name the
preamble defines: "Schule", "Praxis"); :func:`parties_of` learns them from the
document via the engine's role detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..engine.patterns import expand_roles
from ..engine.roles import detect_party_names


@dataclass(frozen=True, slots=True)
class Parties:
    """Folded regex alternatives for the two roles in one document."""

    processor: str
    controller: str


@lru_cache(maxsize=64)
def _parties(processor_names: tuple[str, ...], controller_names: tuple[str, ...]) -> Parties:
    return Parties(
        processor=expand_roles("{processor}", processor_names, controller_names),
        controller=expand_roles("{controller}", processor_names, controller_names),
    )


def parties_of(text: str) -> Parties:
    """The role names of a document (generic role words plus the preamble's short names)."""
    proc, ctrl = detect_party_names(text)
    # a name the engine reads as both roles says nothing about who acts
    both = set(proc) & set(ctrl)
    return _parties(tuple(n for n in proc if n not in both), tuple(n for n in ctrl if n not in both))


GENERIC = _parties((), ())

# The controller as the subject of a notifying or answering verb at the start of a clause
# ("Der Kunde meldet ...", "(2) Die Schule benachrichtigt ...", "The Customer shall notify
# ..."), or a clause that puts the duty on it ("... obliegt dem Auftraggeber").
_ACTS = (
    r"^\W*{n}(?:der|die|das|the)?\s*{c}\s+"
    r"(?:(?:selbst|seinerseits|ihrerseits|itself|in turn)\s+)?"
    r"(?:meldet|melden|benachrichtigt|benachrichtigen|informiert|informieren|unterrichtet|unterrichten"
    r"|zeigt|teilt|beantwortet|beantworten|bewahrt|notifies|reports|informs|responds|answers"
    r"|(?:shall|must|will|is (?:required|obliged) to)\s+(?:promptly\s+)?"
    r"(?:notify|inform|report|respond|answer|reply))\b"
    # the duty named first and put on the controller at the end: "Die Meldung an die Aufsichts-
    # behörde ... obliegen allein dem Verantwortlichen", "... liegt beim Kunden", "... ist Sache des AG"
    r"|\b(?:obliegt|obliegen) (?:allein |ausschliesslich |nur )?(?:dem|der|den) {c}"
    # "Meldepflichten bei Datenpannen treffen ausschließlich den Auftraggeber"
    r"|\b(?:trifft|treffen) (?:allein |ausschliesslich |nur )?(?:den|die|das) {c}"
    r"|\b(?:liegt|liegen|verbleibt|verbleiben) (?:allein |ausschliesslich |nur )?"
    r"(?:beim|bei dem|bei der|bei den) {c}"
    r"|\b(?:ist|sind|bleibt|bleiben) (?:allein |ausschliesslich |nur )?sache (?:des|der) {c}"
    r"|\b(?:faellt|fallen|liegt|liegen|ist|sind|bleibt|bleiben) (?:allein |ausschliesslich )?in (?:die|der) "
    r"(?:alleinige\w* |ausschliessliche\w* )?(?:zustaendigkeit|verantwortung|verantwortlichkeit) "
    r"(?:des|der) {c}"
    r"|\b(?:is|are|remains?) (?:the )?(?:sole )?responsibility of (?:the )?{c}"
    # "Der Kunde ist allein dafür verantwortlich, ... zu melden", "Customer remains responsible for"
    r"|^\W*{n}(?:der|die|das|the)?\s*{c}\s+"
    r"(?:ist|bleibt|sind|bleiben|is|remains|shall remain|shall be|will be|are)\s+"
    r"(?:(?:allein|selbst|ausschliesslich|sole|solely|fully|itself)\s+)?(?:dafuer\s+)?"
    r"(?:verantwortlich|zustaendig|responsible|liable)\b"
    # passive with the controller as agent: "... werden vom Auftraggeber beantwortet"
    r"|\b(?:vom|von (?:dem|der)|durch (?:den|die)|by(?: the)?)\s+{c}\s+(?:[\w.()-]+\s+){{0,8}}?"
    r"(?:beantwortet|bearbeitet|gemeldet|angezeigt|mitgeteilt|answered|responded to|notified|reported"
    # "... sind vom Auftraggeber innerhalb von 7 Tagen anzuzeigen"
    r"|anzuzeigen|zu melden|mitzuteilen|zu beantworten|zu bearbeiten)\b"
)


# numbering before a clause's subject: "(2)", "a)", "8.3", "8.3.1."
_NUMBERING = r"(?:(?:\(?[0-9a-z]{1,3}[.)]|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?)\s*)*"


@lru_cache(maxsize=64)
def _acts_pattern(controller: str) -> re.Pattern[str]:
    return re.compile(_ACTS.format(c=controller, n=_NUMBERING))


def controller_acts(clause: str, parties: Parties | None) -> bool:
    """Whether the controller is the one acting in this clause (folded text)."""
    return bool(_acts_pattern((parties or GENERIC).controller).search(clause))
