import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from lscp.financial_year import FinancialYear
from partnership import selectors
from partnership.models import AttendanceStatus, BodyKind, MeetingStatus, MembershipRole
from partnership.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    aware,
)

YEAR = FinancialYear(2022)


def build_partnership(copies=1, first=0):
    """`copies` partnerships, each: four held meetings in 2022/23, a police member always there, a probation
    member at one of three expected (one not expected), a health member sending a deputy once.
    Plus a meeting outside the year and a cancelled one, which must not count."""
    for n in range(first, first + copies):
        body = BodyFactory(name=f"Partnership {n}", kind=BodyKind.PARTNERSHIP)
        police = MembershipFactory(body=body, person=PersonFactory(agency=AgencyFactory(name=f"Police {n}")))
        probation = MembershipFactory(
            body=body, role=MembershipRole.ADVISER, person=PersonFactory(agency=AgencyFactory(name=f"Probation {n}"))
        )
        health = MembershipFactory(body=body, person=PersonFactory(agency=AgencyFactory(name=f"Health {n}")))
        days = [date(2022, 5, 18), date(2022, 9, 21), date(2022, 12, 7), date(2023, 3, 31)]
        probation_lines = ["present", "apologies", "absent", "not_expected"]
        health_lines = ["present", "deputy", "present", "present"]
        for day, p, h in zip(days, probation_lines, health_lines, strict=True):
            meeting = MeetingFactory(body=body, starts_at=aware(day, hour=18))
            AttendanceFactory(meeting=meeting, membership=police)
            AttendanceFactory(meeting=meeting, membership=probation, status=p)
            AttendanceFactory(
                meeting=meeting, membership=health, status=h, deputy_name="A Deputy" if h == "deputy" else ""
            )
        outside = MeetingFactory(body=body, starts_at=aware(date(2023, 4, 1)))
        AttendanceFactory(meeting=outside, membership=probation, status="absent")
        cancelled = MeetingFactory(body=body, starts_at=aware(date(2022, 6, 1)), status=MeetingStatus.CANCELLED)
        AttendanceFactory(meeting=cancelled, membership=probation, status="absent")
    return body


@pytest.mark.django_db
def test_rates_per_agency_are_computed_from_the_register():
    build_partnership()
    rates = {r.label: r for r in selectors.attendance_by_agency(year=YEAR)}
    assert (rates["Police 0"].expected, rates["Police 0"].attended, rates["Police 0"].percentage) == (4, 4, 100)
    # a deputy counts as the agency attending; "not expected" is not counted against it
    assert (rates["Health 0"].expected, rates["Health 0"].attended) == (4, 4)
    assert (rates["Probation 0"].expected, rates["Probation 0"].attended, rates["Probation 0"].percentage) == (
        3,
        1,
        Decimal("33.3"),
    )
    assert rates["Probation 0"].flagged and not rates["Police 0"].flagged


@pytest.mark.django_db
def test_rates_per_role(settings):
    build_partnership()
    rates = {r.key: r for r in selectors.attendance_by_role(year=YEAR)}
    assert (rates["member"].expected, rates["member"].attended) == (8, 8)
    assert (rates["adviser"].expected, rates["adviser"].attended) == (3, 1)


@pytest.mark.django_db
def test_the_challenge_threshold_is_configurable(settings):
    build_partnership()
    settings.ATTENDANCE_CHALLENGE_THRESHOLD = 30
    assert not any(r.flagged for r in selectors.attendance_by_agency(year=YEAR))
    settings.ATTENDANCE_CHALLENGE_THRESHOLD = 100
    flagged = [r.label for r in selectors.attendance_by_agency(year=YEAR) if r.flagged]
    assert flagged == ["Probation 0"]


@pytest.mark.django_db
def test_the_matrix_shows_y_x_o_per_member_and_meeting():
    body = build_partnership()
    matrix = selectors.attendance_matrix(year=YEAR, body=body)
    assert [m.date for m in matrix.meetings] == [
        date(2022, 5, 18),
        date(2022, 9, 21),
        date(2022, 12, 7),
        date(2023, 3, 31),
    ]
    cells = {row.membership.agency.name: row.cells for row in matrix.rows}
    assert cells == {"Police 0": ["y"] * 4, "Probation 0": ["y", "x", "x", "o"], "Health 0": ["y"] * 4}


@pytest.mark.django_db
def test_the_report_page_shows_rates_flags_and_the_matrix(client, manager):
    build_partnership()
    client.force_login(manager)
    response = client.get(reverse("partnership:attendance", args=[YEAR]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Attendance, 2022/23" in content
    assert '<tr class="flagged"><td>Probation 0</td><td>3</td><td>1</td><td>33.3%</td>' in content
    assert "y: the member or a deputy attended" in content


@pytest.mark.django_db
def test_the_csv_export_has_a_line_per_agency_role_and_member(client, manager):
    build_partnership()
    client.force_login(manager)
    response = client.get(reverse("partnership:attendance_csv", args=[YEAR]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Grouping", "Name", "Expected", "Attended"]
    assert ["Agency", "Probation 0", "3", "1", "2", "33.3", "yes"] in rows
    assert ["Role", "Adviser", "3", "1", "2", "33.3", "yes"] in rows
    assert response["Content-Disposition"] == 'attachment; filename="attendance-2022-23.csv"'


@pytest.mark.django_db
def test_an_empty_year_says_so(client, manager):
    client.force_login(manager)
    response = client.get(reverse("partnership:attendance", args=["2015-16"]))
    assert "No attendance has been recorded for meetings held in 2015/16." in response.content.decode()


@pytest.mark.django_db
def test_the_report_costs_the_same_queries_with_ten_times_the_rows(client, manager, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build_partnership(copies=1)
    client.force_login(manager)
    url = reverse("partnership:attendance", args=[YEAR])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    build_partnership(copies=10, first=1)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert len(large) == len(small)
    with django_assert_num_queries(len(small)):
        client.get(url + "?body=1")


@pytest.mark.django_db
def test_the_report_query_count_is_pinned(client, manager, django_assert_max_num_queries):
    build_partnership(copies=10)
    client.force_login(manager)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("partnership:attendance", args=[YEAR])).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("partnership:attendance_csv", args=[YEAR])).status_code == 200


def test_status_codes_follow_the_2022_23_reports_appendix():
    from partnership.models import MATRIX_CODES

    assert MATRIX_CODES[AttendanceStatus.DEPUTY] == "y"
    assert MATRIX_CODES[AttendanceStatus.APOLOGIES] == "x"
    assert MATRIX_CODES[AttendanceStatus.NOT_EXPECTED] == "o"


def test_a_joint_meetings_register_puts_the_other_bodys_members_in_the_matrix(db):
    host = BodyFactory(name="Learning and Development Subgroup")
    guest = BodyFactory(name="Quality Assurance Subgroup")
    host_member = MembershipFactory(body=host, person=PersonFactory(name="Host Member"))
    guest_member = MembershipFactory(body=guest, person=PersonFactory(name="Guest Member"))
    joint = MeetingFactory(body=host, joint_with=guest, starts_at=aware(date(2022, 7, 6), hour=10))
    AttendanceFactory(meeting=joint, membership=host_member, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=joint, membership=guest_member, status=AttendanceStatus.ABSENT)
    matrix = selectors.attendance_matrix(year=YEAR, body=host)
    rows = {row.membership.person.name: row for row in matrix.rows}
    assert set(rows) == {"Host Member", "Guest Member"}
    assert rows["Host Member"].cells == ["y"] and rows["Guest Member"].cells == ["x"]
    assert rows["Guest Member"].membership.agency == guest_member.agency
    assert (matrix.columns[0].present, matrix.columns[0].expected) == (1, 2)
