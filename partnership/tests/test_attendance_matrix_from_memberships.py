"""A member who was not on the body on a meeting's day (they joined later, or had left) shows as "o / not
expected" in the matrix, from the memberships, and does not count towards any rate."""

from datetime import date

import pytest
from django.urls import reverse

from lscp.financial_year import FinancialYear
from partnership import selectors
from partnership.models import BodyKind
from partnership.tests.factories import AttendanceFactory, BodyFactory, MeetingFactory, MembershipFactory, aware

YEAR = FinancialYear(2022)
DAYS = [date(2022, 5, 18), date(2022, 9, 21), date(2022, 12, 7), date(2023, 3, 1)]


@pytest.fixture
def board():
    """Four meetings; a member throughout, one who left after the second and one who joined for the last two.
    Registers hold lines only for those who were members on the day."""
    body = BodyFactory(name="LSCP Partnership", kind=BodyKind.PARTNERSHIP)
    always = MembershipFactory(body=body, start=date(2020, 4, 1))
    left = MembershipFactory(body=body, start=date(2020, 4, 1), end=date(2022, 10, 31))
    joined = MembershipFactory(body=body, start=date(2022, 11, 1))
    meetings = [MeetingFactory(body=body, starts_at=aware(day)) for day in DAYS]
    for i, meeting in enumerate(meetings):
        AttendanceFactory(meeting=meeting, membership=always, status="present" if i != 1 else "absent")
        if i < 2:
            AttendanceFactory(meeting=meeting, membership=left, status="apologies" if i else "present")
        else:
            AttendanceFactory(meeting=meeting, membership=joined, status="present")
    return body, always, left, joined


@pytest.mark.django_db
def test_members_not_on_the_body_that_day_are_not_expected(board):
    body, always, left, joined = board
    matrix = selectors.attendance_matrix(year=YEAR, body=body)
    cells = {row.membership: row.cells for row in matrix.rows}
    assert cells[always] == ["y", "x", "y", "y"]
    assert cells[left] == ["y", "x", "o", "o"]
    assert cells[joined] == ["o", "o", "y", "y"]


@pytest.mark.django_db
def test_not_expected_cells_do_not_count_towards_the_rates(board):
    body, always, left, joined = board
    rows = {row.membership: row for row in selectors.attendance_matrix(year=YEAR, body=body).rows}
    assert (rows[left].attended, rows[left].expected) == (1, 2)
    assert (rows[joined].attended, rows[joined].expected) == (2, 2)
    by_member = {r.key: r for r in selectors.attendance_by_member(year=YEAR)}
    assert (by_member[left.pk].attended, by_member[left.pk].expected) == (1, 2)


@pytest.mark.django_db
def test_a_member_with_no_line_on_a_day_they_were_a_member_is_shown_as_not_recorded(board):
    body, always, left, joined = board
    late = MembershipFactory(body=body, start=date(2023, 1, 1))
    row = next(r for r in selectors.attendance_matrix(year=YEAR, body=body).rows if r.membership == late)
    assert row.cells == ["o", "o", "o", ""]
    assert row.expected == 0 and row.percentage is None


@pytest.mark.django_db
def test_the_page_shows_not_expected_cells_as_such(client, manager, board):
    client.force_login(manager)
    content = client.get(reverse("partnership:attendance", args=[YEAR])).content.decode()
    assert content.count('<td class="code-o"><abbr title="not expected">o</abbr></td>') == 4
