"""Each indicator without categories shows in one table of the annual report: the borough profiles' figures
(population, poverty) in "Borough profiles", the rest in "Our children and young people data", and an indicator
marked "not in the annual report" in neither. Each table costs one query."""

from datetime import date
from decimal import Decimal

import pytest

from audits.models import ReportTable
from audits.selectors import dataset as dataset_selectors
from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


@pytest.fixture
def indicators():
    rbkc = LocalAuthorityFactory(code="RBKC", name="Kensington and Chelsea")
    wcc = LocalAuthorityFactory(code="WCC", name="Westminster")
    made = {
        "population": IndicatorFactory(name="Total population", report_table=ReportTable.BOROUGH_PROFILE),
        "cin": IndicatorFactory(name="Children in need"),
        "internal": IndicatorFactory(name="Contacts handled by the front door", report_table=ReportTable.NONE),
    }
    for number, indicator in enumerate(made.values()):
        for borough in (rbkc, wcc):
            ObservationFactory(
                indicator=indicator, borough=borough, period_start=date(2023, 3, 31), value=Decimal(100 + number)
            )
    return made


def test_profile_figures_are_in_the_profiles_table_only(indicators, django_assert_num_queries):
    with django_assert_num_queries(1):
        profiles = dataset_selectors.borough_profile_table(year=YEAR)
    with django_assert_num_queries(1):
        children = dataset_selectors.children_data_table(year=YEAR)
    assert [row.indicator for row in profiles.rows] == ["Total population"]
    assert [row.indicator for row in children.rows] == ["Children in need"]
    assert [cell.value for cell in profiles.rows[0].cells] == [Decimal(100), Decimal(100)]
    assert profiles.boroughs == [("RBKC", "Kensington and Chelsea"), ("WCC", "Westminster")]


def test_an_indicator_kept_out_of_the_report_is_in_no_table(indicators):
    tables = [dataset_selectors.borough_profile_table(year=YEAR), dataset_selectors.children_data_table(year=YEAR)]
    shown = {row.indicator for table in tables for row in table.rows}
    assert "Contacts handled by the front door" not in shown
    assert shown == {"Total population", "Children in need"}


def test_a_year_without_profile_figures_says_so_in_the_chapter(indicators):
    from audits import report

    context = report.borough_profiles_context(FinancialYear(2019))
    assert context["rows"] == []
