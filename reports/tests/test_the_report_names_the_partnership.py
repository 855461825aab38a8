"""The partnership's name (PARTNERSHIP_NAME) is on the cover, in the running header, in the PDF's title and
author, and on the public pages; without the setting the report says "Local Safeguarding Children Partnership"."""

import re

import pytest
from django.urls import reverse

from reports.models import BuildStatus, ReportBuild, ReportStatus
from reports.rendering import build_pdf, gather, render_html

from .conftest import pdf_pages_text

NAME = "Kensington and Chelsea and Westminster Safeguarding Children Partnership"


@pytest.mark.django_db
def test_the_pdf_names_the_partnership_on_the_cover_in_the_header_and_in_its_metadata(report, settings):
    settings.PARTNERSHIP_NAME = NAME
    data, _, _ = build_pdf(report)
    reader, pages = pdf_pages_text(data)
    assert reader.metadata.title == f"Annual report 2022/23 – {NAME}"
    assert reader.metadata.author == NAME
    flat = [re.sub(r"\s+", " ", text) for text in pages]
    assert NAME.upper() in flat[0].upper()  # the cover prints it in capitals
    assert all(NAME in text for text in flat[1:])  # the running header of every page after the cover
    assert "Local Safeguarding Children Partnership" not in " ".join(flat)


@pytest.mark.django_db
def test_without_the_setting_the_report_names_a_local_safeguarding_children_partnership(report, settings):
    settings.PARTNERSHIP_NAME = ""
    html = render_html(report, gather(report))
    assert '<meta name="author" content="Local Safeguarding Children Partnership">' in html
    assert 'data-partnership="Local Safeguarding Children Partnership"' in html
    assert '<p class="cover-kicker">Local Safeguarding Children Partnership</p>' in html


@pytest.mark.django_db
def test_a_name_with_an_ampersand_or_quotes_is_escaped_not_broken(report, settings):
    settings.PARTNERSHIP_NAME = 'Tri-borough "K&C" Partnership'
    html = render_html(report, gather(report))
    assert '<meta name="author" content="Tri-borough &quot;K&amp;C&quot; Partnership">' in html


@pytest.mark.django_db
def test_the_public_pages_name_the_partnership(client, report, settings):
    settings.PARTNERSHIP_NAME = NAME
    # A published report as the public sees it: the pages read the pinned build's size and pages, not its file.
    build = ReportBuild.objects.create(
        report=report,
        status=BuildStatus.SUCCEEDED,
        made_from_status=ReportStatus.APPROVED,
        page_count=12,
        file_size=345678,
    )
    report.status, report.published_build = ReportStatus.PUBLISHED, build
    report.save()
    listing = client.get(reverse("reports:list")).content.decode()
    assert f"Each year the {NAME} reports" in listing
    public = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert f"The annual report of the {NAME} for 1 April 2022 to 31 March 2023" in public
    assert f"<title>Annual report 2022/23 – {NAME} – {NAME}</title>" in public
