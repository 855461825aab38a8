import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.rendering import gather, render_html

from .conftest import make_partnership


@pytest.mark.django_db
def test_gathering_the_report_costs_the_same_queries_with_ten_times_the_records(report):
    make_partnership(copies=1)
    gather(report)  # warm the process-wide caches (content types) so both counts measure the same work
    with CaptureQueriesContext(connection) as small:
        gathered = gather(report)
    make_partnership(copies=10, first=1)
    with CaptureQueriesContext(connection) as large:
        gathered = gather(report)
    assert len(large) == len(small)
    with CaptureQueriesContext(connection) as rendering:
        html = render_html(report, gathered)
    assert len(rendering) == 0  # sections hand over evaluated data: rendering touches no database
    assert "Margaret Ellery 10" in html


@pytest.mark.django_db
def test_report_pages_are_pinned(client, manager, report, django_assert_max_num_queries):
    from django.urls import reverse

    make_partnership(copies=3)
    client.force_login(manager)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("reports:report", args=[report.year])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("reports:list")).status_code == 200
    # every chapter's data (about eighty queries: the key figures' twelve, the training chapter's six, the borough
    # profiles, data set, child death, LADO and scrutiny chapters' nine, the year ahead's three and the national
    # reviews' two among them), the same whatever the size: see the test above; with last year's figures beside the
    # year's, at most six more (training's two, attendance's two, finance's two)
    with django_assert_max_num_queries(81):
        assert client.get(reverse("reports:preview", args=[report.year])).status_code == 200
