"""Bad input is normal input: every broken or odd file gives a stable code and one line."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import pytest

from avvlint.errors import ERROR_CODES, AvvlintError, DocumentError
from avvlint.extract import Limits, extract_bytes, extract_path

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "fixtures" / "bad"
GOOD = ROOT / "fixtures" / "good"
SEED_PDF = ROOT / "fixtures" / "seeds" / "003_7f6d5b31554e2f2c.pdf"
SEED_DOCX = ROOT / "fixtures" / "seeds" / "003_7f6d5b31554e2f2c.docx"
# fixture names start with the error code they must produce: "<code>[_detail].<ext>"
BAD_FILES = sorted(BAD.iterdir())


def _code_of(path: Path) -> str:
    return path.name.split(".")[0].split("_")[0]


def test_every_error_kind_has_a_fixture() -> None:
    kinds = {_code_of(p) for p in BAD_FILES}
    assert kinds >= {
        "empty-file", "unsupported-format", "encrypted-pdf", "corrupt-pdf", "no-text-layer",
        "corrupt-docx", "encrypted-docx", "zip-bomb", "unsafe-xml", "no-text",
    }  # fmt: skip


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.name)
def test_bad_fixture_gives_its_code_and_one_line(path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(path)
    err = info.value
    assert err.code == _code_of(path)
    assert err.code in ERROR_CODES
    assert "\n" not in err.message and str(path) in err.message
    assert err.to_dict() == {"code": err.code, "message": err.message}


def test_scanned_pdf_says_ocr_is_needed() -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(BAD / "no-text-layer.pdf")
    assert "OCR" in info.value.message


def test_encrypted_pdf_is_not_reported_as_corrupt() -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(BAD / "encrypted-pdf.pdf")
    assert "password" in info.value.message


def test_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_read)
    with pytest.raises(DocumentError) as info:
        extract_path(BAD / "zip-bomb.docx")
    assert info.value.code == "zip-bomb"


def test_zip_limits_are_configurable() -> None:
    data = SEED_DOCX.read_bytes()
    with pytest.raises(DocumentError) as info:
        extract_bytes(data, "x.docx", Limits(max_zip_members=3))
    assert info.value.code == "zip-bomb"
    with pytest.raises(DocumentError) as info:
        extract_bytes(data, "x.docx", Limits(max_unzipped_bytes=10_000))
    assert info.value.code == "zip-bomb"


def test_external_entity_is_never_resolved(tmp_path: Path) -> None:
    # Even if a DTD slipped through, the parser must not read files or expand entities.
    from lxml import etree

    from avvlint.extract.docx_safety import safe_xml_parser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xml = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><d>&x;</d>'.encode()
    root = etree.fromstring(xml, safe_xml_parser())
    assert "TOP-SECRET" not in etree.tostring(root).decode()


def test_size_limit_is_configurable() -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(SEED_PDF, Limits(max_file_bytes=10_000))
    assert info.value.code == "file-too-large"
    assert "limit" in info.value.message


def test_page_limit() -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(SEED_PDF, Limits(max_pages=2))
    assert info.value.code == "file-too-large"
    assert "pages" in info.value.message


def test_directory_and_missing_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        extract_path(tmp_path)
    assert info.value.code == "not-a-file"
    with pytest.raises(DocumentError) as info:
        extract_path(tmp_path / "missing.pdf")
    assert info.value.code == "not-found"
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    with pytest.raises(DocumentError) as info:
        extract_path(plain / "below-a-file.pdf")
    assert info.value.code in {"unreadable", "not-found"}


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(SEED_PDF.read_bytes())
    if os.name == "posix" and os.geteuid() != 0:
        locked.chmod(0)
    else:
        # root (CI containers) reads everything: make opening fail the way a locked file does
        real_open = Path.open

        def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", deny)
    try:
        with pytest.raises(DocumentError) as info:
            extract_path(locked)
        assert info.value.code == "unreadable"
        assert "permission denied" in info.value.message
    finally:
        locked.chmod(0o600)


def test_truncated_at_many_points_never_crashes() -> None:
    for src in (SEED_PDF, SEED_DOCX, GOOD / "features.docx"):
        data = src.read_bytes()
        for cut in range(1, len(data), max(1, len(data) // 23)):
            with contextlib.suppress(AvvlintError):
                extract_bytes(data[:cut], src.name)


def test_inputs_are_never_written(tmp_path: Path) -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in [*BAD_FILES, SEED_PDF, SEED_DOCX]}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    for p in before:
        with contextlib.suppress(AvvlintError):
            extract_path(p)
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes
