"""The LADO chapter (allegations by outcome, by referral source) and the child death review chapter (deaths by
category, unexpected, with modifiable factors) set each count beside the year before's, all boroughs together, with
the change: from the same query as the year's own counts, and only when the year before has values."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from audits.models import IndicatorCategory
from audits.report import child_death_context, lado_context
from audits.selectors import dataset as data
from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db
EARLIER, LATER = FinancialYear(2021), FinancialYear(2022)

CATEGORIES = {
    data.LADO_OUTCOMES: ["Unfounded", "Substantiated"],
    data.LADO_REFERRAL_SOURCES: ["Schools and colleges", "Police"],
    data.CHILD_DEATHS_BY_CATEGORY: ["Infection", "Malignancy"],
    data.CHILD_DEATHS_BY_EXPECTATION: ["Expected", data.UNEXPECTED],
    data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS: [data.MODIFIABLE_FACTORS, "No modifiable factors identified"],
}
# {indicator: {year: {borough code: a count per category}}}
COUNTS = {
    data.LADO_OUTCOMES: {EARLIER: {"RBKC": [4, 2], "WCC": [1, 1]}, LATER: {"RBKC": [6, 3], "WCC": [0, 2]}},
    data.LADO_REFERRAL_SOURCES: {EARLIER: {"RBKC": [5, 1], "WCC": [2, 0]}, LATER: {"RBKC": [7, 2], "WCC": [1, 1]}},
    data.CHILD_DEATHS_BY_CATEGORY: {EARLIER: {"RBKC": [3, 1]}, LATER: {"RBKC": [1, 1], "WCC": [1, 0]}},
    data.CHILD_DEATHS_BY_EXPECTATION: {EARLIER: {"RBKC": [2, 2]}, LATER: {"RBKC": [2, 0], "WCC": [0, 1]}},
    data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS: {EARLIER: {"RBKC": [1, 3]}, LATER: {"RBKC": [0, 2], "WCC": [1, 0]}},
}


@pytest.fixture
def two_years():
    boroughs = {
        "RBKC": LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC"),
        "WCC": LocalAuthorityFactory(name="Westminster", code="WCC"),
    }
    for name, category_names in CATEGORIES.items():
        indicator = IndicatorFactory(name=name, unit="count")
        categories = [
            IndicatorCategory.objects.create(indicator=indicator, name=category, order=order)
            for order, category in enumerate(category_names)
        ]
        for year, by_borough in COUNTS[name].items():
            for code, counts in by_borough.items():
                for category, count in zip(categories, counts, strict=True):
                    ObservationFactory(
                        indicator=indicator,
                        category=category,
                        borough=boroughs[code],
                        period_kind="year",
                        period_start=year.start,
                        period_end=year.end,
                        value=Decimal(count),
                    )
    return boroughs


def compared(table):
    return {name: (last.this_year_text, last.last_year_text, last.change_text) for name, _, _, last in table.rows}


def test_each_lado_count_is_set_beside_last_years(two_years):
    context = lado_context(LATER)
    assert compared(context["outcomes"]) == {
        "Unfounded": ("6", "5", "up 1 (20%)"),
        "Substantiated": ("5", "3", "up 2 (67%)"),
    }
    total = context["outcomes"].last_year_total
    assert (total.this_year_text, total.last_year_text, total.change_text) == ("11", "8", "up 3 (38%)")
    assert compared(context["sources"])["Police"] == ("3", "1", "up 2 (200%)")
    html = render_to_string("audits/report/lado.html", {"year": LATER, **context})
    assert (
        "11 allegations reached an outcome or were open at the end of 2022/23, against 8 in 2021/22: up 3 (38%)."
        in html
    )
    assert '<th scope="col" class="num">2021/22</th><th scope="col" class="num">Change</th>' in html


def test_the_child_death_figures_are_set_beside_last_years(two_years):
    context = child_death_context(LATER)
    assert compared(context["by_category"]) == {
        "Infection": ("2", "3", "down 1 (33%)"),
        "Malignancy": ("1", "1", "no change"),
    }
    html = render_to_string("audits/report/child_death_review.html", {"year": LATER, **context})
    assert (
        "In 2021/22 it reviewed 4, 2 of them unexpected, with modifiable factors in 1; the change this year: down 1 "
        "(25%)." in html
    )


def test_no_comparison_without_values_the_year_before(two_years):
    lado, deaths = lado_context(EARLIER), child_death_context(EARLIER)
    assert not lado["outcomes"].compared and not lado["sources"].compared and deaths["last_year"] is None
    assert all(last is None for _, _, _, last in lado["outcomes"].rows)
    html = render_to_string("audits/report/lado.html", {"year": EARLIER, **lado})
    assert "2020/21" not in html
    assert "2020/21" not in render_to_string("audits/report/child_death_review.html", {"year": EARLIER, **deaths})


def test_a_borough_with_values_only_the_year_before_has_no_column(two_years):
    ObservationFactory(
        indicator=IndicatorCategory.objects.get(name="Unfounded").indicator,
        category=IndicatorCategory.objects.get(name="Unfounded"),
        borough=LocalAuthorityFactory(name="Hammersmith and Fulham", code="LBHF"),
        period_kind="year",
        period_start=date(2021, 4, 1),
        period_end=date(2022, 3, 31),
        value=Decimal(9),
    )
    outcomes = lado_context(LATER)["outcomes"]
    assert [code for code, _ in outcomes.boroughs] == ["RBKC", "WCC"]
    assert compared(outcomes)["Unfounded"] == ("6", "14", "down 8 (57%)")


def test_the_comparison_costs_no_query_more(two_years):
    lado_context(LATER)
    with CaptureQueriesContext(connection) as compared_queries:
        lado_context(LATER)
    with CaptureQueriesContext(connection) as alone:
        lado_context(FinancialYear(2030))
    assert len(compared_queries) == len(alone) == 2
