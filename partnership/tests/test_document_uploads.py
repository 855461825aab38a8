import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnership.models import Body

PDF = b"%PDF-1.7\n%fake but well-formed enough for the check\n"


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("minutes.exe", b"MZ....", "Upload a PDF, Word (.docx) or Excel (.xlsx) document"),
        ("minutes.pdf", b"MZ not a pdf at all", "is not a real .pdf file"),
        ("terms.doc", b"\xd0\xcf\x11\xe0", "Upload a PDF, Word (.docx) or Excel (.xlsx) document"),
    ],
)
def test_only_pdf_word_and_excel_documents_are_accepted(client, chair, chaired_body, name, content, reason):
    client.force_login(chair)
    response = client.post(
        reverse("partnership:body_edit", args=[chaired_body.pk]),
        {
            "purpose": "Kept purpose",
            "terms_of_reference": "",
            "meeting_frequency": "",
            "terms_of_reference_file": upload(name, content),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert reason in body
    assert "Kept purpose" in body
    assert not Body.objects.get(pk=chaired_body.pk).terms_of_reference_file


@pytest.mark.django_db
def test_a_document_over_the_limit_is_refused_with_the_sizes(client, chair, chaired_body, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    client.force_login(chair)
    response = client.post(
        reverse("partnership:body_edit", args=[chaired_body.pk]),
        {
            "purpose": "",
            "terms_of_reference": "",
            "meeting_frequency": "",
            "terms_of_reference_file": upload("big.pdf", PDF + b"0" * 2048),
        },
    )
    assert "the limit is 1\xa0KB" in response.content.decode()


@pytest.mark.django_db
def test_a_pdf_is_stored_and_served_only_to_the_partnership(client, chair, chaired_body, delegate):
    client.force_login(chair)
    response = client.post(
        reverse("partnership:body_edit", args=[chaired_body.pk]),
        {
            "purpose": "",
            "terms_of_reference": "",
            "meeting_frequency": "",
            "terms_of_reference_file": upload("tor.pdf", PDF),
        },
    )
    assert response.status_code == 302
    url = reverse("partnership:document", args=["terms-of-reference", chaired_body.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(delegate)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
