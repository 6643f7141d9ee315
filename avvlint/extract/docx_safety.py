"""Checks on a DOCX package before any XML parser sees it.

A DOCX is a zip of XML parts. A hostile one can be a zip bomb (a few kB that
expand to gigabytes) or carry a DTD with entity declarations (billion laughs,
external entities that read local files or open URLs). Word never writes a
DTD, so any ``<!DOCTYPE``/``<!ENTITY`` is refused outright, and sizes are read
from the zip directory and enforced again while inflating.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import DocumentError
from .limits import Limits

# Declarations are ASCII in UTF-8 parts; UTF-16 parts put a NUL between the letters.
_DECL = re.compile(
    rb"<!\s*(?:DOCTYPE|ENTITY)|<\x00!\x00(?:\s\x00)*(?:D\x00O\x00C|E\x00N\x00T)", re.IGNORECASE
)
_XML_PART = (".xml", ".rels", ".vml")
_CHUNK = 1 << 16


def open_package(data: bytes, source: str, limits: Limits) -> dict[str, bytes]:
    """Return the package's XML parts by name, after size and entity checks.

    Raises ``zip-bomb``, ``unsafe-xml`` or ``corrupt-docx``.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocumentError("corrupt-docx", f"{source}: the DOCX is truncated or damaged") from None
    if len(infos) > limits.max_zip_members:
        raise DocumentError(
            "zip-bomb", f"{source}: the DOCX holds {len(infos)} parts (limit {limits.max_zip_members})"
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise DocumentError(
            "zip-bomb",
            f"{source}: the DOCX expands to {total / 1e6:.0f} MB "
            f"(limit {limits.max_unzipped_bytes / 1e6:.0f} MB)",
        )
    if total > 1_000_000 and total > limits.max_zip_ratio * max(packed, 1):
        raise DocumentError(
            "zip-bomb",
            f"{source}: the DOCX expands {total / max(packed, 1):.0f}-fold "
            f"(limit {limits.max_zip_ratio:.0f})",
        )
    parts: dict[str, bytes] = {}
    budget = limits.max_unzipped_bytes
    try:
        for info in infos:
            name = info.filename
            if not name.lower().endswith(_XML_PART):
                continue  # images and fonts are never read
            body = _read_bounded(zf, info, budget, source)
            budget -= len(body)
            if _DECL.search(body):
                raise DocumentError(
                    "unsafe-xml",
                    f"{source}: part {name} declares a DTD or XML entities; refused (possible entity attack)",
                )
            parts[name] = body
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zipfile.LargeZipFile):
        raise DocumentError("corrupt-docx", f"{source}: the DOCX is truncated or damaged") from None
    except RuntimeError:  # zipfile: encrypted member
        raise DocumentError("encrypted-docx", f"{source}: the DOCX is password-protected") from None
    return parts


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, source: str) -> bytes:
    """Inflate one member, stopping as soon as it exceeds what its header promised."""
    limit = min(info.file_size, budget)
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                # The header understated the size (a crafted bomb) or the budget is spent.
                raise DocumentError(
                    "zip-bomb", f"{source}: part {info.filename} inflates beyond its declared size"
                )
    return bytes(out)


def safe_xml_parser():  # type: ignore[no-untyped-def]
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )
