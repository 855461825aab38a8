"""The published report can also be read online, as an accessible web page at its public address (public bodies are
asked to publish HTML first): the web edition is made with the PDF, from the same records and templates, stored
with the build, and the public reads the published build's edition; the report's public page offers it beside the
PDF and lists every other published year."""

import re

import pytest
from django.urls import reverse

from reports import services
from reports.models import NarrativeSection, ReportStatus

from .conftest import YEAR, approve, make_partnership, write_all_chapters

FIRST_WORDS = "The partnership's first year under its new arrangements."


@pytest.fixture
def published(manager, report, django_capture_on_commit_callbacks):
    make_partnership()
    write_all_chapters(report, manager, text=FIRST_WORDS)
    with django_capture_on_commit_callbacks(execute=True):
        approve(report, manager)
    services.publish_report(report=report)
    report.refresh_from_db()
    return report


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.django_db
def test_the_public_reads_the_published_report_as_one_accessible_page(client, published):
    html = page(client, reverse("reports:published_edition", args=[published.year]))
    assert html.count("<h1") == 1 and html.count("<main") == 1 and 'lang="en-GB"' in html
    assert FIRST_WORDS in html and "Structure of the partnership" in html
    assert "Partnership 0" in html  # the records, as the PDF prints them
    assert f'href="{reverse("reports:published_pdf", args=[published.year])}"' in html
    assert "Back to the report's page" not in html  # the preview's link is the business manager's, not the public's


@pytest.mark.django_db
def test_the_edition_online_is_the_one_published_not_the_records_as_they_are_now(client, manager, published):
    services.return_to_draft(report=published)
    services.save_narrative(report=published, key="foreword", text="A correction in progress.", edited_by=manager)
    html = page(client, reverse("reports:published_edition", args=[published.year]))
    assert FIRST_WORDS in html and "A correction in progress." not in html
    assert NarrativeSection.objects.get(report=published, key="foreword").text == "A correction in progress."


@pytest.mark.django_db
def test_a_draft_has_no_edition_online_and_its_builds_web_page_is_the_business_managers(
    client, manager, partner, report, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report, requested_by=manager)
    build.refresh_from_db()
    assert build.html_edition and report.status == ReportStatus.DRAFT
    assert client.get(reverse("reports:published_edition", args=[report.year])).status_code == 404
    edition = reverse("reports:build_edition", args=[report.year, build.pk])
    client.force_login(partner)
    assert client.get(edition).status_code == 403
    client.force_login(manager)
    assert "Draft – not for publication" in page(client, edition)


@pytest.mark.django_db
def test_the_public_page_offers_the_edition_and_every_other_published_year(client, published):
    from reports.models import AnnualReport

    earlier = AnnualReport.objects.create(year=YEAR.previous, status=ReportStatus.DRAFT)
    html = page(client, reverse("reports:report", args=[published.year]))
    assert f'href="{reverse("reports:published_edition", args=[published.year])}"' in html
    assert "Read the report online" in html and "Other years" not in html  # a draft is no other year to read

    earlier.published_build = published.published_build  # a stand-in: any published build will do
    earlier.status = ReportStatus.PUBLISHED
    earlier.save()
    html = page(client, reverse("reports:report", args=[published.year]))
    assert re.search(rf'<a href="{earlier.get_absolute_url()}">Annual report {earlier.year}</a>', html)
