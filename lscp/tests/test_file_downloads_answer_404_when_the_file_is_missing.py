"""A private file is served as an attachment through the view that checked who asked; a file never uploaded,
or gone from storage, answers 404 rather than a server error."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from django.http import Http404

from lscp.downloads import file_download


@pytest.fixture
def stored(tmp_path):
    """A FieldFile over a real folder, as a model's file field gives one (lscp has no model of its own)."""
    field = FileField(storage=FileSystemStorage(location=tmp_path))
    field.name = "evidence"

    def file_named(name):
        return FieldFile(instance=None, field=field, name=name)

    (tmp_path / "action-evidence" / "2023").mkdir(parents=True)
    (tmp_path / "action-evidence" / "2023" / "audit notes.pdf").write_bytes(b"%PDF-1.7 evidence")
    return file_named


def test_a_stored_file_is_an_attachment_under_its_own_name(stored):
    response = file_download(stored("action-evidence/2023/audit notes.pdf"))
    assert response["Content-Disposition"] == 'attachment; filename="audit notes.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 evidence"
    response.file_to_stream.close()  # (response.close() would signal the end of a request)


def test_the_view_can_name_the_download_and_its_type(stored):
    response = file_download(
        stored("action-evidence/2023/audit notes.pdf"), filename="annual-report-2022-23.pdf", content_type="text/x-test"
    )
    assert response["Content-Disposition"] == 'attachment; filename="annual-report-2022-23.pdf"'
    assert response["Content-Type"] == "text/x-test"
    response.file_to_stream.close()  # (response.close() would signal the end of a request)


def test_a_file_never_uploaded_is_not_found(stored):
    with pytest.raises(Http404, match="No evidence has been uploaded."):
        file_download(stored(""), what="evidence")


def test_a_file_missing_from_storage_is_not_found(stored):
    with pytest.raises(Http404, match="The PDF is missing from storage."):
        file_download(stored("reports/gone.pdf"), what="PDF")
