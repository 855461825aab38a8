"""The totals a reader of the appendix looks for: the year overall, each body, the number present at each
meeting and each member's rate, all to one decimal place, rounded half up from the counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from lscp.financial_year import FinancialYear
from partnership import selectors
from partnership.models import BodyKind
from partnership.tests.factories import AttendanceFactory, BodyFactory, MeetingFactory, MembershipFactory, aware

YEAR = FinancialYear(2022)


def test_rates_are_to_one_decimal_place_rounded_half_up():
    assert selectors.rate_percentage(attended=743, expected=1000) == Decimal("74.3")
    assert selectors.rate_percentage(attended=2, expected=3) == Decimal("66.7")
    # 1/16 is 6.25 exactly: half up gives 6.3 (banker's rounding would give 6.2)
    assert selectors.rate_percentage(attended=1, expected=16) == Decimal("6.3")
    assert selectors.rate_percentage(attended=0, expected=0) is None


@pytest.fixture
def two_bodies():
    """The Partnership: three members at two meetings, 5 of 6 attended. The Executive: two members at one
    meeting, 1 of 2."""
    partnership = BodyFactory(name="LSCP Partnership", kind=BodyKind.PARTNERSHIP)
    members = [MembershipFactory(body=partnership) for _ in range(3)]
    for day, statuses in ((date(2022, 6, 1), ["present", "deputy", "apologies"]), (date(2022, 9, 1), ["present"] * 3)):
        meeting = MeetingFactory(body=partnership, starts_at=aware(day))
        for membership, status in zip(members, statuses, strict=True):
            AttendanceFactory(
                meeting=meeting, membership=membership, status=status, deputy_name="D" if status == "deputy" else ""
            )
    executive = BodyFactory(name="LSCP Executive", kind=BodyKind.EXECUTIVE)
    meeting = MeetingFactory(body=executive, starts_at=aware(date(2022, 7, 1)))
    AttendanceFactory(meeting=meeting, membership=MembershipFactory(body=executive), status="present")
    AttendanceFactory(meeting=meeting, membership=MembershipFactory(body=executive), status="absent")
    return partnership, executive


@pytest.mark.django_db
def test_the_year_overall_and_each_body(two_bodies):
    overall = selectors.attendance_overall(year=YEAR)
    assert (overall.attended, overall.expected, overall.percentage) == (6, 8, Decimal("75.0"))
    by_body = {r.label: (r.attended, r.expected, r.percentage) for r in selectors.attendance_by_body(year=YEAR)}
    assert by_body == {"LSCP Executive": (1, 2, Decimal("50.0")), "LSCP Partnership": (5, 6, Decimal("83.3"))}


@pytest.mark.django_db
def test_the_matrix_counts_who_was_present_at_each_meeting(two_bodies):
    partnership, _ = two_bodies
    matrix = selectors.attendance_matrix(year=YEAR, body=partnership)
    assert [(c.present, c.expected) for c in matrix.columns] == [(2, 3), (3, 3)]
    assert (matrix.attended, matrix.expected, matrix.percentage) == (5, 6, Decimal("83.3"))
    assert sorted(row.percentage for row in matrix.rows) == [Decimal("50.0"), Decimal("100.0"), Decimal("100.0")]


@pytest.mark.django_db
def test_the_page_shows_the_totals(client, manager, two_bodies):
    partnership, _ = two_bodies
    client.force_login(manager)
    content = client.get(reverse("partnership:attendance", args=[YEAR]) + f"?body={partnership.pk}").content.decode()
    assert "Overall: 6 of 8 expected attendances, <strong>75.0%</strong>." in content
    assert "<td>LSCP Partnership</td><td>6</td><td>5</td><td>83.3%</td>" in content
    assert "<td>2 of 3</td><td>3 of 3</td><td>83.3%</td>" in content


@pytest.mark.django_db
def test_the_report_appendix_shows_the_same_totals(two_bodies):
    from django.template.loader import render_to_string

    from partnership.report import attendance_context

    html = render_to_string("partnership/report/attendance.html", {"year": YEAR, **attendance_context(YEAR)})
    # The report's one rule for percentages: whole per cents, rounded half up from the counts (lscp/percentages.py).
    assert "Overall, 6 of 8 expected attendances: 75%." in html
    assert '<td class="num">83%</td>' in html
    assert "Present at the meeting" in html
