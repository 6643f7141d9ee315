"""PDF extraction (minimal first version; see issue #2 for the full reader)."""

from __future__ import annotations

from ..document import Block, Document
from ..errors import DocumentError
from ..normalize import normalize_text
from .limits import Limits
from .txt import segment_lines


def extract_pdf(data: bytes, source: str, limits: Limits) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise DocumentError("encrypted-pdf", f"{source}: the PDF is password-protected") from None
        raise DocumentError("corrupt-pdf", f"{source}: the PDF is damaged ({exc})") from None
    parts: list[str] = []
    page_starts: list[int] = []
    pos = 0
    for i in range(len(pdf)):
        page = pdf[i]
        t = normalize_text(page.get_textpage().get_text_range())
        page_starts.append(pos)
        parts.append(t)
        pos += len(t) + 1
    text = "\n".join(parts)
    blocks: list[Block] = []
    import bisect

    for b in segment_lines(text):
        page = bisect.bisect_right(page_starts, b.start)
        blocks.append(Block(b.kind, b.start, b.end, page, b.heading_level, b.table, b.row, b.cells))
    return Document(text=text, format="pdf", blocks=blocks, page_starts=page_starts, source=source)
