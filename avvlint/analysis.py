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


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of the document that a rule condition is evaluated on."""

    start: int
    end: int
    block: int | None = None  # index into Document.blocks
    section: int | None = None  # index into Document.sections


@dataclass
class Analysis:
    doc: Document
    folded: Folded = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.doc.text)

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
        out: list[Unit] = []
        text = self.doc.text
        for bi, b in enumerate(self.doc.blocks):
            sec = self.doc.section_index(b.start)
            if b.kind == "table_row":
                out.append(Unit(b.start, b.end, bi, sec))
                continue
            for s, e in split_sentences(text, b.start, b.end):
                out.append(Unit(s, e, bi, sec))
        return out

    @cached_property
    def clauses(self) -> list[Unit]:
        """Blocks, with a numbered paragraph "(3)" absorbing the items that follow it."""
        out: list[Unit] = []
        blocks = self.doc.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            sec = self.doc.section_index(b.start)
            para = self.doc.paragraph_of(b.start)
            end = b.end
            j = i + 1
            if para is not None and para.start == b.start:
                while j < len(blocks) and blocks[j].start < para.end and blocks[j].kind != "heading":
                    end = blocks[j].end
                    j += 1
            elif b.kind in {"paragraph", "heading"} and _introduces_list(self.doc, b):
                # "Der Auftragsverarbeiter verpflichtet sich:" + its list items
                while j < len(blocks) and blocks[j].kind in {"list_item", "table_row"}:
                    end = blocks[j].end
                    j += 1
            out.append(Unit(b.start, end, i, sec))
            # the items are also clauses of their own
            i = i + 1
        return out

    @cached_property
    def section_units(self) -> list[Unit]:
        return [Unit(s.start, s.end, None, i) for i, s in enumerate(self.doc.sections)] or [
            Unit(0, len(self.doc.text), None, None)
        ]

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


def _introduces_list(doc: Document, b: Block) -> bool:
    return doc.text[b.start : b.end].rstrip().endswith(":")
