"""Checks on uploaded documents: papers, minutes and terms of reference."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# The start of each allowed file type: a PDF, or an Office Open XML (zip) document.
_SIGNATURES = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}

DOCUMENT_WRONG_TYPE = "Upload a PDF, Word (.docx) or Excel (.xlsx) document; “%(name)s” is a %(ext)s file."
DOCUMENT_TOO_LARGE = "“%(name)s” is %(size)s; the limit is %(limit)s."
DOCUMENT_NOT_MATCHING = "“%(name)s” is not a real %(ext)s file (its contents do not match its name)."

_UNITS = ("KB", "MB", "GB")


def describe_size(size, *, limit=False):
    """A size in bytes as people read it, in units of 1024, with one decimal: "21.0 MB".

    A file's size is rounded up and a limit down, so a file just over the limit never reads as the limit
    itself ("20.1 MB; the limit is 20 MB", never "20.0 MB; ..."); a whole limit has no decimal ("20 MB").
    Integer arithmetic, so no float error shows up in the tenth. The space is non-breaking.
    """
    if size < 1024:
        return "1\xa0byte" if size == 1 else f"{size}\xa0bytes"
    for power, unit in enumerate(_UNITS, start=1):
        unit_bytes = 1024**power
        tenths = size * 10 // unit_bytes if limit else -(-size * 10 // unit_bytes)
        if tenths < 1024 * 10 or unit == _UNITS[-1]:
            break
    if limit and size % unit_bytes == 0:
        return f"{size // unit_bytes}\xa0{unit}"
    return f"{tenths // 10}.{tenths % 10}\xa0{unit}"


@deconstructible
class DocumentValidator:
    def __call__(self, upload):
        if getattr(upload, "_committed", False):
            return  # already stored, so it was checked when it was uploaded
        name = os.path.basename(upload.name)
        ext = os.path.splitext(name)[1].lower()
        if ext not in _SIGNATURES:
            raise ValidationError(DOCUMENT_WRONG_TYPE, code="file_type", params={"name": name, "ext": ext or "unnamed"})
        limit = settings.DOCUMENT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                DOCUMENT_TOO_LARGE,
                code="file_size",
                params={
                    "name": name,
                    "size": describe_size(upload.size),
                    "limit": describe_size(limit, limit=True),
                },
            )
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(8)
        upload.seek(position)
        if isinstance(head, str):
            head = head.encode()
        if not head.startswith(_SIGNATURES[ext]):
            raise ValidationError(DOCUMENT_NOT_MATCHING, code="file_content", params={"name": name, "ext": ext})

    def __eq__(self, other):
        return isinstance(other, DocumentValidator)


validate_document = DocumentValidator()
