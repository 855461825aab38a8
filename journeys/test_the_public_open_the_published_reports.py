"""The public, with no account: from the front page to the published annual reports, the report read online, and
its PDF and the version for children and young people downloaded."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(site):
    """The demo's 2022/23 report approved, built and published, as `make demo` does."""
    call_command("publish_demo_report", "--allow-without-debug", stdout=io.StringIO())
    return site


def _download(visitor, name):
    with visitor.page.expect_download() as caught:
        visitor.page.get_by_role("link", name=name).first.click()
    download = caught.value
    with open(download.path(), "rb") as file:
        return download.suggested_filename, file.read()


def test_a_member_of_the_public_reads_and_downloads_the_published_report(published, visitor):
    visitor.open_home()
    visitor.follow("Annual reports")
    assert visitor.heading() == "Annual reports"
    visitor.follow("Annual report 2022/23")
    assert "2022/23" in visitor.heading()

    filename, pdf = _download(visitor, "Download the report")
    assert pdf.startswith(b"%PDF") and filename.endswith(".pdf")
    filename, young = _download(visitor, "For children and young people")
    assert young.startswith(b"%PDF") and young != pdf

    visitor.follow("Read the report online")
    assert visitor.page.get_by_role("heading", level=2).count() > 3
