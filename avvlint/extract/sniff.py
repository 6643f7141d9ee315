"""Decide a document's format from its bytes."""

from __future__ import annotations

import io
import zipfile

from ..errors import DocumentError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": "a BMP image",
}


def sniff_format(data: bytes, source: str) -> str:
    """Return ``pdf``, ``docx`` or ``txt``; raise ``DocumentError`` for anything else."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, source)
    if head.startswith(_OLE):
        # Old .doc/.xls or an encrypted OOXML package (Office wraps those in OLE).
        # The directory entry may sit anywhere in the compound file, so search all of it.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocumentError(
                "encrypted-docx", f"{source}: the DOCX is password-protected; remove the password and retry"
            )
        raise DocumentError(
            "unsupported-format",
            f"{source}: legacy Office binary (.doc/.xls); save it as DOCX or PDF",
        )
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise DocumentError(
                "unsupported-format", f"{source}: {what}, not a document (OCR it to PDF with text)"
            )
    if head.startswith(b"{\\rtf"):
        raise DocumentError("unsupported-format", f"{source}: RTF is not supported; save as DOCX")
    if _looks_like_text(data):
        return "txt"
    raise DocumentError("unsupported-format", f"{source}: unknown binary format")


def _sniff_zip(data: bytes, source: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError("corrupt-docx", f"{source}: the DOCX/zip container is damaged") from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise DocumentError("unsupported-format", f"{source}: a spreadsheet (XLSX), not a contract")
    if any(n.startswith("ppt/") for n in names):
        raise DocumentError("unsupported-format", f"{source}: a presentation (PPTX), not a contract")
    if "mimetype" in names and "content.xml" in names:
        raise DocumentError("unsupported-format", f"{source}: OpenDocument is not supported; save as DOCX")
    raise DocumentError("unsupported-format", f"{source}: a zip archive, not a DOCX")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    # Control characters other than tab/newline/CR/FF are rare in real text.
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return ctrl <= max(2, len(sample) // 200)
