"""The report's page speaks to the business manager: a build's status, pages, size and PDF. How long its data, layout
and writing took and how many database queries it made are for whoever looks after the server: in the admin."""

import pytest
from django.urls import reverse

from reports.models import BuildStatus, ReportBuild, ReportStatus

QUERIES = 4321


@pytest.fixture
def finished_build(report):
    return ReportBuild.objects.create(
        report=report,
        status=BuildStatus.SUCCEEDED,
        progress=100,
        made_from_status=ReportStatus.DRAFT,
        page_count=42,
        file_size=123456,
        gather_seconds=1.25,
        render_seconds=7.75,
        write_seconds=2.5,
        query_count=QUERIES,
    )


def test_the_report_page_leaves_out_timings_and_query_counts(client, manager, report, finished_build):
    client.force_login(manager)
    page = client.get(reverse("reports:report", kwargs={"year": report.year})).content.decode()
    assert "42" in page  # the page count stays
    for diagnostic in ("Queries", str(QUERIES), "layout", "7.75"):
        assert diagnostic not in page


def test_the_admin_shows_them(client, manager, report, finished_build):
    client.force_login(manager)
    page = client.get(reverse("admin:reports_annualreport_change", args=[report.pk])).content.decode()
    assert str(QUERIES) in page
    assert "7.75" in page
