"""The analysed document: folded matching text and the units rules look at.

Built once per document and shared by the rule engine and the deadline finder.
Units are sentences (within one block), clauses (a block, or a numbered
paragraph such as ``(3)`` with its sub-items), and sections (a heading and
everything under it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from .document import Block, Document
from .fold import Folded, fold
from .nlp.sentences import split_sentences
from .options import blank_unticked


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of the document that a rule condition is evaluated on.

    ``parts`` is set for units made of non-adjacent pieces: a list's lead-in
    ("Der Auftragsverarbeiter unterstützt den Auftraggeber bei:") joined with one
    of its items ("der Sicherheit der Verarbeitung (Art. 32 DSGVO)").
    """

    start: int
    end: int
    block: int | None = None  # index into Document.blocks
    section: int | None = None  # index into Document.sections
    parts: tuple[tuple[int, int], ...] = ()


@dataclass
class Analysis:
    doc: Document
    folded: Folded = field(init=False)

    def __post_init__(self) -> None:
        # Newlines are kept so that rules can anchor at line starts.
        self.folded = blank_unticked(fold(self.doc.text, keep_newlines=True))

    # -- spans ---------------------------------------------------------------
    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.from_source(start), self.folded.from_source(end)

    def folded_text(self, start: int, end: int) -> str:
        fs, fe = self.folded_span(start, end)
        return self.folded.text[fs:fe]

    def to_source(self, fstart: int, fend: int) -> tuple[int, int]:
        return self.folded.to_source(fstart, fend)

    # -- units ---------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Unit]:
        """Sentences within blocks, plus each list item joined with its lead-in sentence."""
        out: list[Unit] = []
        text = self.doc.text
        last_sentence: dict[int, Unit] = {}
        for bi, b in enumerate(self.doc.blocks):
            sec = self.doc.section_index(b.start)
            if b.kind == "table_row":
                out.append(Unit(b.start, b.end, bi, sec))
                continue
            for s, e in split_sentences(text, b.start, b.end):
                u = Unit(s, e, bi, sec)
                out.append(u)
                last_sentence[bi] = u
        for intro, items in self.lists:
            lead = last_sentence.get(intro)
            if lead is None:
                continue
            for i in items:
                b = self.doc.blocks[i]
                out.append(
                    Unit(lead.start, b.end, i, lead.section, ((lead.start, lead.end), (b.start, b.end)))
                )
        out.sort(key=lambda u: (u.start, u.end))
        return out

    @cached_property
    def lists(self) -> list[tuple[int, list[int]]]:
        """Lead-in blocks ("… verpflichtet sich:", "Kategorien betroffener Personen") with their items."""
        blocks = self.doc.blocks
        out: list[tuple[int, list[int]]] = []
        for i, b in enumerate(blocks):
            if b.kind == "table_row":
                continue
            if not _is_lead_in(self.doc, b, blocks[i + 1] if i + 1 < len(blocks) else None):
                continue
            items: list[int] = []
            j = i + 1
            while j < len(blocks) and _is_item(self.doc, blocks[j], bool(items)):
                items.append(j)
                j += 1
            if items:
                out.append((i, items))
        return out

    @cached_property
    def clauses(self) -> list[Unit]:
        """Blocks; a numbered paragraph "(3)" with what follows it; a lead-in with each item."""
        out: list[Unit] = []
        blocks = self.doc.blocks
        for i, b in enumerate(blocks):
            sec = self.doc.section_index(b.start)
            para = self.doc.paragraph_of(b.start)
            end = b.end
            if para is not None and para.start == b.start:
                j = i + 1
                while j < len(blocks) and blocks[j].start < para.end and blocks[j].kind != "heading":
                    end = blocks[j].end
                    j += 1
            out.append(Unit(b.start, end, i, sec))
        for intro, items in self.lists:
            a = blocks[intro]
            sec = self.doc.section_index(a.start)
            for i in items:
                b = blocks[i]
                out.append(Unit(a.start, b.end, i, sec, ((a.start, a.end), (b.start, b.end))))
        out.sort(key=lambda u: (u.start, u.end))
        return out

    @cached_property
    def section_units(self) -> list[Unit]:
        sections = self.doc.sections
        if not sections:
            return [Unit(0, len(self.doc.text), None, None)]
        out = [Unit(s.start, s.end, None, i) for i, s in enumerate(sections)]
        # what stands before the first heading (a cover table of key terms) is a unit too
        first = min(s.start for s in sections)
        if self.doc.text[:first].strip():
            out.insert(0, Unit(0, first, None, None))
        return out

    def document_unit(self) -> Unit:
        return Unit(0, len(self.doc.text), None, None)

    def units(self, scope: str) -> list[Unit]:
        if scope == "sentence":
            return self.sentences
        if scope == "clause":
            return self.clauses
        if scope == "section":
            return self.section_units
        if scope == "document":
            return [self.document_unit()]
        raise ValueError(f"unknown scope {scope!r}")

    def sentence_at(self, offset: int) -> Unit | None:
        starts = [u.start for u in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def heading_text(self, section: int | None) -> str:
        """Folded headings of a section and its ancestors, joined (for ``inside`` tests)."""
        parts: list[str] = []
        while section is not None:
            s = self.doc.sections[section]
            parts.append(self.folded_text(s.heading_start, s.heading_end))
            section = s.parent
        return " / ".join(reversed(parts))


def _is_lead_in(doc: Document, b: Block, nxt: Block | None) -> bool:
    """A block that announces a list: ends with ":", or is a short label followed by list items."""
    t = doc.text[b.start : b.end].rstrip().rstrip("*").rstrip()
    if t.endswith(":"):
        return True
    if t.endswith("?") and len(t.split()) <= 6 and nxt is not None and _is_item(doc, nxt, False):
        return True  # "Welche Daten?" / "Wessen Daten?" as a label
    if nxt is None or not (nxt.kind == "list_item" or _is_item(doc, nxt, False)):
        return False
    return len(t) <= 90 and not t.endswith((".", ";", ",", "!", "?"))


def _is_item(doc: Document, b: Block, after_item: bool) -> bool:
    """List items of a lead-in: marked items, or short/lower-case fragments ("der Sicherheit …")."""
    if b.kind in {"list_item", "table_row"}:
        return True
    if b.kind != "paragraph":
        return False
    t = doc.text[b.start : b.end].strip().lstrip("*")
    if not t or t.endswith(":"):
        return False
    if t[0].islower():
        return True
    # Capitalised one-liners without a full stop ("Audits durchzuführen", "Jeder … geprüft").
    return len(t) <= 120 and not t.endswith((".", "!", "?"))
