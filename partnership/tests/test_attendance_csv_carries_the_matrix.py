"""The CSV download is the page as a spreadsheet: the rates, then each body's matrix (roles × meetings, the
y / x / o codes, each role's rate, the number present at each meeting and the body's total)."""

import csv
import io

import pytest
from django.urls import reverse

from partnership.tests.test_attendance_report import YEAR, build_partnership


def download(client):
    response = client.get(reverse("partnership:attendance_csv", args=[YEAR]))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_csv_has_the_matrix_with_codes_rates_and_totals(client, manager):
    build_partnership()
    client.force_login(manager)
    rows = download(client)
    heading = rows.index(["Partnership 0: attendance meeting by meeting, 2022/23"])
    assert rows[heading + 1] == [
        "Role",
        "Member",
        "Organisation",
        "18 May 2022",
        "21 September 2022",
        "7 December 2022",
        "31 March 2023",
        "Attended",
        "Expected",
        "Rate (%)",
    ]
    by_organisation = {row[2]: row[3:] for row in rows[heading + 2 : heading + 5]}
    assert by_organisation["Probation 0"] == ["y", "x", "x", "o", "1", "3", "33.3"]
    assert by_organisation["Police 0"] == ["y", "y", "y", "y", "4", "4", "100.0"]
    assert rows[heading + 5] == ["Present at the meeting", "", "", "3", "2", "2", "2", "9", "11", "81.8"]


@pytest.mark.django_db
def test_the_csv_has_the_year_overall_and_each_body(client, manager):
    build_partnership()
    client.force_login(manager)
    rows = download(client)
    assert ["Year", "All meetings held", "11", "9", "2", "81.8", "no"] in rows
    assert ["Body", "Partnership 0", "11", "9", "2", "81.8", "no"] in rows


@pytest.mark.django_db
@pytest.mark.parametrize("copies", [1, 10])
def test_the_page_and_csv_cost_the_same_few_queries_at_ten_times_the_rows(
    client, manager, django_assert_max_num_queries, copies
):
    build_partnership(copies=copies)
    client.force_login(manager)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("partnership:attendance", args=[YEAR])).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("partnership:attendance_csv", args=[YEAR])).status_code == 200
