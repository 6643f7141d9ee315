"""Blocks from any reader laid out as one ``Document`` text with offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Block, Document, Format


@dataclass(slots=True)
class OutBlock:
    """A block before offsets are assigned."""

    kind: str
    text: str
    page: int
    heading_level: int | None = None
    table: int | None = None
    row: int | None = None
    cells: list[str] = field(default_factory=list)
    # (page, offset inside ``text``) where a later page's text begins inside this block
    page_marks: list[tuple[int, int]] = field(default_factory=list)


def document_from_blocks(
    out: list[OutBlock], fmt: Format, source: str, page_count: int | None = None
) -> Document:
    """Lay blocks out as one text (blank line between blocks, one newline inside a list or
    table) and record every block's span, page and cells."""
    parts: list[str] = []
    blocks: list[Block] = []
    page_first: dict[int, int] = {}
    pos = 0
    prev: OutBlock | None = None
    for ob in out:
        if prev is not None:
            tight = ob.kind == prev.kind and (
                (ob.kind == "table_row" and ob.table == prev.table) or ob.kind == "list_item"
            )
            sep = "\n" if tight else "\n\n"
            parts.append(sep)
            pos += len(sep)
        start = pos
        parts.append(ob.text)
        pos += len(ob.text)
        page_first.setdefault(ob.page, start)
        for pg, off in ob.page_marks:
            page_first.setdefault(pg, start + off)
        cells: tuple[tuple[int, int], ...] = ()
        if ob.kind == "table_row":
            spans = []
            c = start
            for cell in ob.cells:
                spans.append((c, c + len(cell)))
                c += len(cell) + 1
            cells = tuple(spans)
        blocks.append(
            Block(
                ob.kind,
                start,
                pos,
                None if page_count is None else ob.page + 1,
                ob.heading_level,
                ob.table,
                ob.row,
                cells,
            )
        )  # type: ignore[arg-type]
        prev = ob
    text = "".join(parts)
    if page_count is None:
        return Document(text=text, format=fmt, blocks=blocks, source=source)
    page_starts: list[int] = []
    nxt = len(text)
    # Pages without text start where the next page with text starts.
    for pg in range(page_count - 1, -1, -1):
        nxt = page_first.get(pg, nxt)
        page_starts.append(nxt)
    page_starts.reverse()
    page_starts[0] = 0
    return Document(text=text, format=fmt, blocks=blocks, page_starts=page_starts, source=source)
