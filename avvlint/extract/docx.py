"""DOCX extraction (minimal first version; see issue #2 for the full reader)."""

from __future__ import annotations

import io

from ..document import Document
from ..errors import DocumentError
from ..normalize import normalize_text
from .limits import Limits
from .txt import segment_lines


def extract_docx(data: bytes, source: str, limits: Limits) -> Document:
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged input
        raise DocumentError("corrupt-docx", f"{source}: the DOCX is damaged ({type(exc).__name__})") from None
    text = normalize_text("\n\n".join(p.text for p in d.paragraphs))
    return Document(text=text, format="docx", blocks=segment_lines(text), source=source)
