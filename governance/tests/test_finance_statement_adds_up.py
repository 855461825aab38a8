"""Totals, variance and reserves are computed from the lines, never typed: with the 2022/23 report's appendix 3 lines
they come to the published figures."""

import runpy
from decimal import Decimal
from pathlib import Path

import pytest

from governance import selectors
from governance.models import ReservesBroughtForward
from governance.tests.factories import ContributionFactory, ExpenditureLineFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

SEED = runpy.run_path(str(Path(__file__).parents[1] / "demo" / "data.py"))
YEAR = FinancialYear(2022)


def test_the_demo_finance_comes_to_the_2022_23_reports_published_totals(demo):
    statement = selectors.finance_statement(year=YEAR)
    by_code = {b.borough.code: b for b in statement.boroughs}
    rbkc, wcc = by_code["RBKC"], by_code["WCC"]
    assert (rbkc.income, rbkc.expenditure, rbkc.variance) == (
        Decimal("82047.74"),
        Decimal("109170.50"),
        Decimal("-27122.76"),
    )
    assert (wcc.income, wcc.expenditure, wcc.variance) == (
        Decimal("94765.58"),
        Decimal("82716.50"),
        Decimal("12049.08"),
    )
    for code, published in SEED["FINANCE_PUBLISHED_TOTALS"].items():
        computed = by_code[code]
        assert (computed.income, computed.expenditure, computed.variance) == (
            published["income"],
            published["expenditure"],
            published["variance"],
        )


def test_the_all_borough_column_is_the_sum_of_the_boroughs(demo):
    statement = selectors.finance_statement(year=YEAR)
    assert statement.total.income == Decimal("82047.74") + Decimal("94765.58")
    assert statement.total.expenditure == Decimal("109170.50") + Decimal("82716.50")
    assert statement.total.variance == Decimal("-27122.76") + Decimal("12049.08")
    assert all(isinstance(v, Decimal) for v in (statement.total.income, statement.total.expenditure))


def test_the_table_rows_follow_appendix_3(demo):
    statement = selectors.finance_statement(year=YEAR)
    assert [b.borough.code for b in statement.boroughs] == ["RBKC", "WCC"]
    income = {row.label: row.amounts for row in statement.income_rows}
    assert statement.income_rows[0].label == "Children's Services"
    assert income["Children's Services"] == [Decimal("49800.00"), Decimal("61800.00")]
    assert income["National Probation Service"] == [Decimal("893.37"), Decimal("1611.21")]
    assert income["LSCP training"] == [Decimal("6354.37"), Decimal("6354.37")]
    assert [row.label for row in statement.expenditure_rows] == ["Staffing", "Reviews", "Training", "Other"]
    assert sum((row.total for row in statement.income_rows), Decimal(0)) == statement.total.income
    assert sum((row.total for row in statement.expenditure_rows), Decimal(0)) == statement.total.expenditure


def test_the_2022_23_report_gives_no_reserves_so_none_are_carried_forward(demo):
    statement = selectors.finance_statement(year=YEAR)
    assert all(b.reserves_brought_forward is None for b in statement.boroughs)
    assert all(b.reserves_carried_forward is None for b in statement.boroughs)
    assert statement.total.reserves_carried_forward is None


@pytest.mark.django_db
def test_reserves_carried_forward_are_brought_forward_plus_the_variance():
    east, west = LocalAuthorityFactory(name="East"), LocalAuthorityFactory(name="West")
    ContributionFactory(borough=east, amount=Decimal("100.10"))
    ExpenditureLineFactory(borough=east, amount=Decimal("150.20"))
    ReservesBroughtForward.objects.create(year=YEAR, borough=east, amount=Decimal("70.00"))
    ContributionFactory(borough=west, amount=Decimal("10.00"))

    statement = selectors.finance_statement(year=YEAR)
    east_finance, west_finance = statement.boroughs
    assert east_finance.variance == Decimal("-50.10")
    assert east_finance.reserves_carried_forward == Decimal("19.90")
    assert west_finance.expenditure == Decimal("0.00") and west_finance.reserves_carried_forward is None
    # One borough's reserves are unknown, so the partnership's are too.
    assert statement.total.reserves_brought_forward is None

    ReservesBroughtForward.objects.create(year=YEAR, borough=west, amount=Decimal("-5.00"))
    statement = selectors.finance_statement(year=YEAR)
    assert statement.total.reserves_brought_forward == Decimal("65.00")
    assert statement.total.reserves_carried_forward == Decimal("65.00") + Decimal("-50.10") + Decimal("10.00")


@pytest.mark.django_db
def test_other_years_lines_are_left_out():
    borough = LocalAuthorityFactory()
    ContributionFactory(borough=borough, amount=Decimal("5.00"))
    ContributionFactory(borough=borough, year=FinancialYear(2023), amount=Decimal("7.00"))
    assert selectors.finance_statement(year=YEAR).total.income == Decimal("5.00")
    empty = selectors.finance_statement(year=FinancialYear(2019))
    assert empty.is_empty and empty.total.income == Decimal("0.00") and empty.total.variance == Decimal("0.00")


@pytest.mark.django_db
def test_the_statement_costs_the_same_queries_whatever_the_number_of_lines(django_assert_max_num_queries):
    for n in range(6):
        borough = LocalAuthorityFactory(name=f"Borough {n}")
        for _ in range(4):
            ContributionFactory(borough=borough)
        for category in ("staffing", "reviews", "training"):
            ExpenditureLineFactory(borough=borough, category=category)
    with django_assert_max_num_queries(11):
        statement = selectors.finance_statement(year=YEAR)
    assert len(statement.boroughs) == 6 and len(statement.income_rows) == 24
