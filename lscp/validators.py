"""Checks on uploaded documents: papers, minutes and terms of reference."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible

# The start of each allowed file type: a PDF, or an Office Open XML (zip) document.
_SIGNATURES = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}

DOCUMENT_WRONG_TYPE = "Upload a PDF, Word (.docx) or Excel (.xlsx) document; “%(name)s” is a %(ext)s file."
DOCUMENT_TOO_LARGE = "“%(name)s” is %(size)s; documents can be at most %(limit)s."
DOCUMENT_NOT_MATCHING = "“%(name)s” is not a real %(ext)s file (its contents do not match its name)."


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
                params={"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
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
