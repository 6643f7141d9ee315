"""Errors with stable codes.

Every problem a user can cause (a broken file, a bad rule, a bad config) is an
``AvvlintError`` with a stable ``code``. The code is part of the JSON report
contract; the message is one human line. Nothing else should escape to users.
"""

from __future__ import annotations

# code -> short description; the catalogue is shown by `avvlint explain` and documented
# in the README. Codes are stable: add, never rename.
ERROR_CODES: dict[str, str] = {
    "not-found": "the path does not exist",
    "not-a-file": "the path is a directory or special file, not a document",
    "unreadable": "the file cannot be read (permissions or I/O error)",
    "empty-file": "the file is empty",
    "file-too-large": "the file exceeds the configured size limit",
    "unsupported-format": "the content is not a PDF, DOCX or text document",
    "encrypted-pdf": "the PDF is encrypted or password-protected",
    "corrupt-pdf": "the PDF is truncated or damaged",
    "no-text-layer": "the PDF has no text layer (scanned image); OCR is needed",
    "corrupt-docx": "the DOCX is truncated or damaged",
    "encrypted-docx": "the DOCX is encrypted or password-protected",
    "zip-bomb": "the DOCX expands to an implausible size",
    "unsafe-xml": "the DOCX contains XML entity declarations (possible entity attack)",
    "decode-error": "the text could not be decoded",
    "no-text": "the document contains no readable text",
    "rule-error": "a rule file is invalid",
    "config-error": "the configuration is invalid",
    "timeout": "checking the document took longer than the configured time limit",
    "internal-error": "an unexpected error inside avvlint",
}


class AvvlintError(Exception):
    """A user-facing error with a stable code and a one-line message."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Default exception pickling calls cls(*self.args) = cls(message), which
        # fails for this signature; reports cross process boundaries in `scan`.
        return (_restore, (type(self), self.code, self.message))


def _restore(cls: type[AvvlintError], code: str, message: str) -> AvvlintError:
    err = Exception.__new__(cls)
    Exception.__init__(err, message)
    err.code = code
    err.message = message
    return err


class DocumentError(AvvlintError):
    """The input document could not be read."""


class RuleError(AvvlintError):
    """A rule file is invalid; names the file and, where known, the line."""

    def __init__(self, message: str) -> None:
        super().__init__("rule-error", message)


class ConfigError(AvvlintError):
    """The configuration is invalid; names the key."""

    def __init__(self, message: str) -> None:
        super().__init__("config-error", message)
