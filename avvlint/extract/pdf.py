"""PDF contracts: PDFium for text, positions, reading order and ruled tables.

Every failure a vendor's file can cause becomes a ``DocumentError``: a
password (``encrypted-pdf``), a damaged or truncated file (``corrupt-pdf``), a
scan without text (``no-text-layer``), too many pages (``file-too-large``).
"""

from __future__ import annotations

from ..document import Document
from ..errors import DocumentError
from .assemble import document_from_blocks
from .limits import Limits
from .pdf_layout import PageLayout, assemble, order_columns, remove_running_lines
from .pdf_lines import page_lines
from .pdf_tables import find_tables, page_drawing

# Scanned pages: no characters, but an image. A few characters (a stamp, a page number)
# on a page that is otherwise an image still mean the content was not read.
_MIN_TEXT_CHARS = 20


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    tail = data[-4096:]
    if b"%%EOF" not in tail:
        # A PDF cut short still opens in PDFium's repair mode with pages missing; linting
        # half a contract would report its missing clauses as gaps, so refuse it.
        raise DocumentError("corrupt-pdf", f"{source}: the PDF is truncated (no end-of-file marker)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise DocumentError(
                "encrypted-pdf", f"{source}: the PDF is password-protected; remove the password and retry"
            ) from None
        raise DocumentError("corrupt-pdf", f"{source}: the PDF is damaged and cannot be read") from None


def extract_pdf(data: bytes, source: str, limits: Limits) -> Document:
    pdf = _open(data, source)
    tables_failed = False
    try:
        n = len(pdf)
        if n == 0:
            raise DocumentError("corrupt-pdf", f"{source}: the PDF has no pages")
        if n > limits.max_pages:
            raise DocumentError(
                "file-too-large", f"{source}: {n} pages exceed the limit of {limits.max_pages} pages"
            )
        pages: list[PageLayout] = []
        image_only: list[int] = []
        for i in range(n):
            try:
                page = pdf[i]
                width, height = page.get_size()
                textpage = page.get_textpage()
                lines = page_lines(textpage.raw, i, width)
                drawing = page_drawing(page.raw)
            except Exception:
                raise DocumentError(
                    "corrupt-pdf", f"{source}: page {i + 1} is damaged and cannot be read"
                ) from None
            layout = PageLayout(i, width, height, lines)
            chars = sum(len(ln.text) for ln in lines)
            if chars < _MIN_TEXT_CHARS and drawing.images:
                image_only.append(i + 1)
            if drawing.looks_like_table and lines:
                try:
                    layout.tables = find_tables(drawing, textpage.raw, lines, i, height)
                except Exception:
                    # the text from PDFium still stands; only the table structure is lost
                    tables_failed = True
            textpage.close()
            page.close()
            pages.append(layout)
    finally:
        pdf.close()

    if len(image_only) == n:
        raise DocumentError(
            "no-text-layer",
            f"{source}: the PDF has no text layer (scanned pages); run OCR on it first "
            "(e.g. ocrmypdf) and check the result",
        )
    warnings: list[str] = []
    if image_only:
        listed = ", ".join(map(str, image_only[:10])) + (" …" if len(image_only) > 10 else "")
        warnings.append(f"pages {listed} have no text layer (scanned?); their content was not read")
    if tables_failed:
        warnings.append("table layout could not be analysed; tables were read as plain lines")

    remove_running_lines(pages)
    for p in pages:
        order_columns(p)
    out = assemble(pages)
    doc = document_from_blocks(out, "pdf", source, page_count=n)
    doc.warnings.extend(warnings)
    return doc
