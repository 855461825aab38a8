"""A table with a column per borough gives the partnership's figure where there is one: the total of values that add
up across boroughs (counts, money), each borough's share of the indicator a count is a part of (its denominator)
and the partnership's share, a percentage for both boroughs weighed by its denominator; and the change since a year
earlier in numbers as well as per cent. An indicator says in the admin whether its values add up and what it is a
share of; a percentage cannot add up, and an indicator can only be a share of a count."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audits import report
from audits.models import ReportTable, period_end_for
from audits.selectors import dataset as dataset_selectors
from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)
PROFILE = ReportTable.BOROUGH_PROFILE


@pytest.fixture
def boroughs():
    return LocalAuthorityFactory(code="RBKC", name="Kensington"), LocalAuthorityFactory(code="WCC", name="Westminster")


def observe(indicator, boroughs, values, *, start=date(2022, 4, 1), kind="year"):
    for borough, value in zip(boroughs, values, strict=True):
        if value is not None:
            ObservationFactory(
                indicator=indicator,
                borough=borough,
                period_kind=kind,
                period_start=start,
                period_end=period_end_for(kind, start),
                value=Decimal(str(value)),
            )


@pytest.fixture
def profile(boroughs):
    population = IndicatorFactory(name="Total population", report_table=PROFILE, adds_up=True)
    children = IndicatorFactory(
        name="Children aged 0 to 15", report_table=PROFILE, adds_up=True, denominator=population
    )
    diverse = IndicatorFactory(
        name="Children from ethnically diverse backgrounds",
        unit="percentage",
        report_table=PROFILE,
        denominator=children,
    )
    unemployment = IndicatorFactory(name="Unemployment rate", unit="percentage", report_table=PROFILE)
    observe(population, boroughs, [143900, 205100])
    observe(children, boroughs, [20200, 26700])
    observe(diverse, boroughs, [44, 60])
    observe(unemployment, boroughs, ["5.3", 5])
    return {"population": population, "children": children}


def test_counts_that_add_up_get_the_partnerships_total_and_shares_of_their_denominator(profile):
    rows = {row["indicator"]: row for row in report.borough_profiles_context(YEAR)["rows"]}
    assert rows["Total population"]["values"] == ["143,900", "205,100"]
    assert rows["Total population"]["total"] == "349,000"
    # 20,200 of 143,900 is 14.04%; 26,700 of 205,100 is 13.02%; 46,900 of 349,000 is 13.44%.
    assert rows["Children aged 0 to 15"]["values"] == ["20,200 (14%)", "26,700 (13%)"]
    assert rows["Children aged 0 to 15"]["total"] == "46,900 (13%)"
    assert rows["Children aged 0 to 15"]["share_of"] == "total population"


def test_a_percentage_with_a_denominator_is_weighed_for_the_partnership_and_one_without_has_none(profile):
    rows = {row["indicator"]: row for row in report.borough_profiles_context(YEAR)["rows"]}
    # (44% × 20,200 + 60% × 26,700) ÷ 46,900 = 53.1%: not the mean of 44% and 60% (52%).
    assert rows["Children from ethnically diverse backgrounds"]["total"] == "53%"
    assert rows["Children from ethnically diverse backgrounds"]["share_of"] == ""
    assert rows["Unemployment rate"]["values"] == ["5%", "5%"] and rows["Unemployment rate"]["total"] is None


def test_a_denominator_shown_in_another_table_is_read_in_one_more_query(boroughs, django_assert_num_queries):
    looked_after = IndicatorFactory(name="Looked after children", report_table=ReportTable.NONE, adds_up=True)
    uasc = IndicatorFactory(name="Unaccompanied children in care", adds_up=True, denominator=looked_after)
    observe(looked_after, boroughs, [105, 182], start=date(2023, 3, 31), kind="date")
    observe(uasc, boroughs, [34, 49], start=date(2023, 3, 31), kind="date")
    with django_assert_num_queries(2):
        table = dataset_selectors.children_data_table(year=YEAR)
    (row,) = table.rows
    assert [str(share) for share in row.shares] == ["32%", "27%"] and str(row.total_share) == "29%"
    assert row.total.value == 83


def test_the_change_since_a_year_earlier_is_in_numbers_and_per_cent_for_each_borough_and_the_partnership(
    boroughs,
):
    referrals = IndicatorFactory(name="Referrals", adds_up=True)
    rate = IndicatorFactory(name="Pupils eligible for free school meals", unit="percentage")
    observe(referrals, boroughs, [1855, 1803])
    observe(referrals, boroughs, [1712, 1690], start=date(2021, 4, 1))
    observe(rate, boroughs, ["9.9", "14.2"])
    observe(rate, boroughs, ["10.4", "13.1"], start=date(2021, 4, 1))
    rows = {row["indicator"]: row for row in report.children_data_context(YEAR)["rows"]}
    assert rows["Referrals"]["trend"] == [
        ("RBKC", "up 143 (8%)"),
        ("WCC", "up 113 (7%)"),
        ("Total", "up 256 (8%)"),  # 256 of 3,402: 7.52%
    ]
    assert rows["Referrals"]["total"] == "3,658"
    # A percentage changes by points: a relative change of a percentage would read as nonsense.
    assert rows["Pupils eligible for free school meals"]["trend"] == [
        ("RBKC", "down 0.5 points"),
        ("WCC", "up 1.1 points"),
    ]


def test_a_total_a_year_earlier_needs_every_borough(boroughs):
    referrals = IndicatorFactory(name="Referrals", adds_up=True)
    observe(referrals, boroughs, [1855, 1803])
    observe(referrals, boroughs, [1712, None], start=date(2021, 4, 1))
    (row,) = report.children_data_context(YEAR)["rows"]
    assert row["trend"][-1] == ("Total", "no figure a year earlier") and row["total"] == "3,658"


def test_values_that_do_not_add_up_get_no_total(boroughs):
    plans = IndicatorFactory(name="Child protection plans", adds_up=False)
    observe(plans, boroughs, [42, 85], start=date(2023, 3, 31), kind="date")
    context = report.children_data_context(YEAR)
    assert context["rows"][0]["total"] is None and not context["any_total"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"unit": "percentage", "adds_up": True}, "adds_up", "does not add up across boroughs"),
        ({"unit": "rate", "adds_up": True}, "adds_up", "does not add up across boroughs"),
        ({"unit": "rate", "denominator": "count"}, "denominator", "Only a count or a percentage"),
        ({"unit": "count", "denominator": "percentage"}, "denominator", "is not a count"),
    ],
)
def test_the_admin_refuses_a_figure_that_cannot_add_up_or_be_a_share(fields, field, message):
    if "denominator" in fields:
        fields["denominator"] = IndicatorFactory(name="Denominator", unit=fields["denominator"])
    indicator = IndicatorFactory.build(name="Figure", **fields)
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_an_indicator_cannot_be_a_share_of_itself():
    indicator = IndicatorFactory(name="Children")
    indicator.denominator = indicator
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "cannot be a share of itself" in refused.value.message_dict["denominator"][0]
