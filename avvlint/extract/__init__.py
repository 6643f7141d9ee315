"""Extraction: any supported file (PDF, DOCX, TXT) into one located ``Document``.

The format is decided by content (magic bytes), never by the file name. Each
format module turns bytes into blocks of normalised text; ``structure`` then
finds headings and sections for all of them alike.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from ..structure import build_structure
from .limits import Limits
from .sniff import sniff_format

__all__ = ["Limits", "extract_bytes", "extract_path", "read_input"]


def read_input(path: str | os.PathLike[str], limits: Limits | None = None) -> bytes:
    """Read a document file's bytes, turning every OS problem into a ``DocumentError``."""
    limits = limits or Limits()
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DocumentError("not-found", f"{p}: no such file") from None
    except PermissionError:
        raise DocumentError("unreadable", f"{p}: permission denied") from None
    except OSError as exc:
        raise DocumentError("unreadable", f"{p}: {exc.strerror or exc}") from None
    import stat as _stat

    if _stat.S_ISDIR(st.st_mode):
        raise DocumentError("not-a-file", f"{p}: is a directory, not a document")
    if not _stat.S_ISREG(st.st_mode):
        raise DocumentError("not-a-file", f"{p}: is not a regular file")
    if st.st_size > limits.max_file_bytes:
        raise DocumentError(
            "file-too-large",
            f"{p}: {st.st_size / 1e6:.1f} MB exceeds the limit of "
            f"{limits.max_file_bytes / 1e6:.1f} MB (raise it with --max-file-size)",
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise DocumentError("unreadable", f"{p}: permission denied") from None
    except OSError as exc:
        raise DocumentError("unreadable", f"{p}: {exc.strerror or exc}") from None
    if len(data) > limits.max_file_bytes:
        raise DocumentError("file-too-large", f"{p}: exceeds the size limit")
    return data


def extract_bytes(data: bytes, source: str = "<memory>", limits: Limits | None = None) -> Document:
    """Turn a document's bytes into a ``Document``; raises ``DocumentError``."""
    limits = limits or Limits()
    if not data:
        raise DocumentError("empty-file", f"{source}: the file is empty")
    if len(data) > limits.max_file_bytes:
        raise DocumentError("file-too-large", f"{source}: exceeds the size limit")
    fmt = sniff_format(data, source)
    if fmt == "pdf":
        from .pdf import extract_pdf as _extract
    elif fmt == "docx":
        from .docx import extract_docx as _extract
    else:
        from .txt import extract_txt as _extract
    doc = _extract(data, source, limits)
    doc.source = source
    doc.sha256 = hashlib.sha256(data).hexdigest()
    if not doc.text.strip():
        raise DocumentError("no-text", f"{source}: the document contains no readable text")
    build_structure(doc)
    from .language import detect_language

    doc.language = detect_language(doc.text)
    return doc


def extract_path(path: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Read and extract a file; raises ``DocumentError`` with a stable code."""
    data = read_input(path, limits)
    return extract_bytes(data, str(path), limits)
