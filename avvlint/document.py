"""The located document: extracted text plus structure.

Every later stage (rules, deadlines, reports) works on a ``Document``. Offsets
are character offsets into ``Document.text``, the normalised text that
``avvlint extract`` shows, and every offset maps back to page, line and section.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Format = Literal["pdf", "docx", "txt"]


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list item or table row with its span in ``Document.text``.

    Table rows carry the spans of their cells in ``cells`` (cells are separated by a
    tab in the text). ``heading_level`` is a hint from the source format (DOCX
    heading styles, Markdown ``#``) or ``None``.
    """

    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    heading_level: int | None = None
    table: int | None = None
    row: int | None = None
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered or titled part of the contract, found from its heading.

    ``label`` is the number as written in a normal form (``§ 7``, ``Art. 3``, ``7.1``,
    ``Anlage 2``, ``Präambel``); ``title`` the heading words after it. ``start``/``end``
    span the heading and everything under it; ``parent`` is the index of the
    enclosing section in ``Document.sections``.
    """

    label: str
    title: str
    level: int
    start: int
    end: int
    heading_start: int
    heading_end: int
    parent: int | None = None

    @property
    def heading(self) -> str:
        return f"{self.label} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph inside a section: ``(2)``, ``Abs. 2``, ``a)``."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    """Points a person at words: the JSON ``<location>`` of the report contract."""

    text: str
    start: int
    end: int
    page: int | None
    line: int
    section: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "line": self.line,
            "section": self.section,
        }


@dataclass
class Document:
    """Extracted, normalised text with blocks, sections and a page/line map."""

    text: str
    format: Format
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    source: str = "<memory>"
    sha256: str = ""
    language: str = "de"
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self._section_starts = [s.start for s in self.sections]
        self._para_starts = [p.start for p in self.paragraphs]
        self._block_starts = [b.start for b in self.blocks]

    def reindex(self) -> None:
        """Recompute lookup tables after blocks/sections were replaced."""
        self.__post_init__()

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) if self.page_starts else None

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset."""
        return bisect.bisect_right(self._line_starts, max(offset, 0))

    def page_of(self, offset: int) -> int | None:
        """1-based page of a character offset, ``None`` for formats without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def section_chain(self, offset: int) -> list[Section]:
        """The sections enclosing ``offset``, outermost first."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        # Sections are sorted by start; the innermost enclosing one is the last
        # that starts before offset and still spans it.
        while i >= 0 and not (self.sections[i].start <= offset < self.sections[i].end):
            i -= 1
        chain: list[Section] = []
        while i is not None and i >= 0:
            chain.append(self.sections[i])
            i = self.sections[i].parent  # type: ignore[assignment]
        chain.reverse()
        return chain

    def section_index(self, offset: int) -> int | None:
        """Index of the innermost section enclosing ``offset``."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i >= 0 and not (self.sections[i].start <= offset < self.sections[i].end):
            i -= 1
        return i if i >= 0 else None

    def paragraph_of(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self._para_starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def section_of(self, offset: int) -> str | None:
        """The citation for ``offset``: nearest numbered heading plus paragraph.

        ``§ 7 Abs. 2``, ``Art. 3``, ``7.1``, ``Anlage 2``; ``None`` before the first
        heading.
        """
        chain = self.section_chain(offset)
        numbered = [s for s in chain if s.label]
        base = numbered[-1].label if numbered else (chain[-1].title if chain else None)
        para = self.paragraph_of(offset)
        if para is not None and (not chain or para.start >= chain[-1].heading_end):
            label = para.label
            if base is None:
                return label
            return f"{base} {label}"
        return base

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def locate(self, start: int, end: int) -> Location:
        """The report location for ``text[start:end]``."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return Location(
            text=self.text[start:end],
            start=start,
            end=end,
            page=self.page_of(start),
            line=self.line_of(start),
            section=self.section_of(start),
        )

    def iter_blocks(self, kinds: tuple[str, ...] | None = None) -> Iterator[Block]:
        for b in self.blocks:
            if kinds is None or b.kind in kinds:
                yield b

    def to_dict(self) -> dict[str, object]:
        """What was read, for ``avvlint extract --format json``: every block with its
        kind, span, page, line and section, plus sections and numbered paragraphs."""
        blocks: list[dict[str, object]] = []
        for b in self.blocks:
            entry: dict[str, object] = {"kind": b.kind, **self.locate(b.start, b.end).to_dict()}
            if b.heading_level is not None:
                entry["heading_level"] = b.heading_level
            if b.kind == "table_row":
                entry["table"] = b.table
                entry["row"] = b.row
                entry["cells"] = [{"start": s, "end": e, "text": self.text[s:e]} for s, e in b.cells]
            blocks.append(entry)
        return {
            "path": self.source,
            "format": self.format,
            "sha256": self.sha256,
            "language": self.language,
            "pages": self.page_count,
            "page_starts": list(self.page_starts),
            "warnings": list(self.warnings),
            "blocks": blocks,
            "sections": [
                {
                    "label": s.label,
                    "title": s.title,
                    "level": s.level,
                    "start": s.start,
                    "end": s.end,
                    "heading_start": s.heading_start,
                    "heading_end": s.heading_end,
                    "parent": s.parent,
                }
                for s in self.sections
            ],
            "paragraphs": [{"label": p.label, "start": p.start, "end": p.end} for p in self.paragraphs],
        }

    def annex_labels(self) -> set[str]:
        """Normalised labels (``anlage 2``) of annexes present in the document."""
        out: set[str] = set()
        for s in self.sections:
            low = s.label.lower()
            if low.startswith(("anlage", "anhang", "annex", "appendix", "schedule")):
                out.add(" ".join(low.split()))
        return out
