"""The scrutiny chapter's Section 11 results set the share of ratings fully met, overall and for each standard,
beside the previous cycle's of the same kind (standards matched by title), read by the same query as the cycle's own;
nothing when there is no previous cycle, and never the previous cycle's name (it is not the year's record)."""

from datetime import date

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from audits.report import scrutiny_context
from audits.selectors.audits import section11_results
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

from .factories import ReturnFactory, StandardFactory, StandardResponseFactory, StandardSetFactory, make_cycle

pytestmark = pytest.mark.django_db
EARLIER, LATER = FinancialYear(2020), FinancialYear(2022)


def rate(cycle, agency, ratings, status="accepted"):
    """The agency's return in the cycle, rating its standards in order."""
    agency_return = ReturnFactory(cycle=cycle, agency=agency, status=status)
    standards = cycle.standard_set.standards.order_by("number")
    for standard, rating in zip(standards, ratings, strict=True):
        StandardResponseFactory(agency_return=agency_return, standard=standard, rating=rating)


@pytest.fixture
def two_cycles():
    tool = StandardSetFactory()
    police, health = AgencyFactory(), AgencyFactory()
    earlier = make_cycle(
        police,
        health,
        standards=2,
        standard_set=tool,
        name="Section 11 audit 2020-22",
        opens_on=date(2020, 5, 1),
        closes_on=date(2020, 7, 31),
    )
    # The previous cycle: standard 1 fully met by 1 of 2, standard 2 by 0 of 2 (1 of 4 ratings, 25%).
    rate(earlier, police, ["fully_met", "partially_met"])
    rate(earlier, health, ["not_met", "partially_met"])
    later = StandardSetFactory(name="Section 11 audit tool 2022")
    # The standards of the later cycle's tool: the first keeps its title, the second is new.
    StandardFactory(standard_set=later, number=1, title="Standard title 1")
    StandardFactory(standard_set=later, number=2, title="Safer recruitment")
    cycle = make_cycle(
        police,
        health,
        standards=0,
        standard_set=later,
        name="Section 11 audit 2022-24",
        opens_on=date(2022, 5, 1),
        closes_on=date(2022, 7, 31),
    )
    # This cycle: standard 1 fully met by 2 of 2, standard 2 by 1 of 2 (3 of 4 ratings, 75%); a draft is left out.
    rate(cycle, police, ["fully_met", "fully_met"])
    rate(cycle, health, ["fully_met", "partially_met"])
    rate(cycle, AgencyFactory(), ["not_met", "not_met"], status="in_progress")
    return earlier, cycle


def test_the_share_fully_met_is_set_beside_the_previous_cycles(two_cycles):
    results = section11_results(year=LATER)
    overall = results.fully_met_compared
    assert (overall.this_year_text, overall.last_year_text, overall.change_text) == ("75%", "25%", "up 50 points")
    assert results.previous_cycle_opened == date(2020, 5, 1)
    first, second = results.standards
    assert (first.fully_met_compared.last_year_text, first.fully_met_compared.change_text) == (
        "50%",
        "up 50 points",
    )
    assert second.fully_met_compared is None  # a standard the previous tool did not have

    html = render_to_string("audits/report/scrutiny.html", {"year": LATER, **scrutiny_context(LATER)})
    assert (
        "Of the ratings given, 75% were fully met, against 25% in the previous cycle, which opened on 1 May 2020 "
        "(up 50 points)." in html
    )
    assert "Fully met, previous cycle" in html
    assert "Section 11 audit 2020-22" not in html


def test_the_first_cycle_has_nothing_to_compare_with(two_cycles):
    results = section11_results(year=EARLIER)
    assert not results.compared and all(s.fully_met_compared is None for s in results.standards)
    html = render_to_string("audits/report/scrutiny.html", {"year": EARLIER, **scrutiny_context(EARLIER)})
    assert "previous cycle" not in html


def test_a_year_without_a_cycle_of_its_own_shows_none(two_cycles):
    assert section11_results(year=FinancialYear(2021)) is None


def test_the_comparison_costs_no_query_more(two_cycles):
    section11_results(year=EARLIER)
    with CaptureQueriesContext(connection) as first:
        section11_results(year=EARLIER)
    with CaptureQueriesContext(connection) as compared:
        section11_results(year=LATER)
    assert len(compared) == len(first) == 4
