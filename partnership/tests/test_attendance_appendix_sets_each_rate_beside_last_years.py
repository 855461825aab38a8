"""The attendance appendix sets the year's rates (overall, each body, each agency) beside the year before's, with the
change in points; only when the year before had meetings with attendance expected, and in the same number of queries
however many records."""

from datetime import date

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from lscp.financial_year import FinancialYear
from partnership.models import BodyKind
from partnership.report import attendance_context
from partnership.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    aware,
)

pytestmark = pytest.mark.django_db
EARLIER, LATER = FinancialYear(2021), FinancialYear(2022)


def meet(body, day, registers):
    """A meeting of `body` on `day`, each (membership, status) on its register."""
    meeting = MeetingFactory(body=body, starts_at=aware(day))
    for membership, status in registers:
        AttendanceFactory(meeting=meeting, membership=membership, status=status)


@pytest.fixture
def two_years():
    """The Partnership: police and health members. 2021/22: 2 of 4 (50%), the police 1 of 2. 2022/23: 3 of 4 (75%),
    the police 2 of 2. The Executive met only in 2022/23."""
    police, health = AgencyFactory(name="Metropolitan Police"), AgencyFactory(name="NHS North West London")
    partnership = BodyFactory(name="LSCP Partnership", kind=BodyKind.PARTNERSHIP)
    officer = MembershipFactory(body=partnership, person=PersonFactory(agency=police))
    nurse = MembershipFactory(body=partnership, person=PersonFactory(agency=health))
    meet(partnership, date(2021, 6, 1), [(officer, "present"), (nurse, "apologies")])
    meet(partnership, date(2021, 12, 1), [(officer, "absent"), (nurse, "present")])
    meet(partnership, date(2022, 6, 1), [(officer, "present"), (nurse, "deputy")])
    meet(partnership, date(2022, 12, 1), [(officer, "present"), (nurse, "apologies")])
    executive = BodyFactory(name="LSCP Executive", kind=BodyKind.EXECUTIVE)
    meet(
        executive,
        date(2022, 7, 1),
        [(MembershipFactory(body=executive, person=PersonFactory(agency=police)), "present")],
    )
    return partnership


def test_each_rate_is_set_beside_last_years(two_years):
    context = attendance_context(LATER)
    overall = context["overall_last_year"]
    assert (overall.this_year_text, overall.last_year_text, overall.change_text) == ("80%", "50%", "up 30 points")
    by_body = {rate.label: last for rate, last in context["by_body"]}
    assert (by_body["LSCP Partnership"].last_year_text, by_body["LSCP Partnership"].change_text) == (
        "50%",
        "up 25 points",
    )
    assert by_body["LSCP Executive"] is None  # it did not meet the year before
    by_agency = {rate.label: last for rate, last in context["by_agency"]}
    assert (by_agency["Metropolitan Police"].this_year_text, by_agency["Metropolitan Police"].last_year_text) == (
        "100%",
        "50%",
    )

    html = render_to_string("partnership/report/attendance.html", {"year": LATER, **context})
    assert "In 2021/22 it was 50% (up 30 points)." in html
    assert '<th scope="col" class="num">Rate 2021/22</th>' in html


def test_no_comparison_without_attendance_the_year_before(two_years):
    context = attendance_context(EARLIER)
    assert context["overall_last_year"] is None and not context["compared"]
    assert all(last is None for _, last in context["by_body"] + context["by_agency"])
    html = render_to_string("partnership/report/attendance.html", {"year": EARLIER, **context})
    assert "Rate 2020/21" not in html and "In 2020/21" not in html


def test_the_comparison_costs_the_same_queries_with_more_records(two_years):
    attendance_context(LATER)
    with CaptureQueriesContext(connection) as few:
        attendance_context(LATER)
    for n in range(5):
        body = BodyFactory(name=f"Subgroup {n}")
        meet(body, date(2021, 10, 1), [(MembershipFactory(body=body), "present")])
        meet(body, date(2022, 10, 1), [(MembershipFactory(body=body), "absent")])
    with CaptureQueriesContext(connection) as more:
        attendance_context(LATER)
    assert len(more) == len(few)
