"""The "Children in care" chapter reads the children looked after, the unaccompanied children among them and the
independent reviewing officers' reviews from the data set, per borough and in total, with the shares computed from
the counts (never stored), in one query however many boroughs and values there are."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits.report import children_in_care_context
from audits.selectors import children_in_care as care
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

from .factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def record(borough, *, looked_after, uasc, reviews, on_time, looked_after_earlier=None):
    ObservationFactory(indicator=indicator(care.LOOKED_AFTER), borough=borough, value=Decimal(looked_after))
    if looked_after_earlier is not None:
        ObservationFactory(
            indicator=indicator(care.LOOKED_AFTER),
            borough=borough,
            period_start=date(2022, 3, 31),
            value=Decimal(looked_after_earlier),
        )
    ObservationFactory(indicator=indicator(care.UASC), borough=borough, value=Decimal(uasc))
    for name, value in ((care.REVIEWS_HELD, reviews), (care.REVIEWS_ON_TIME, on_time)):
        ObservationFactory(
            indicator=indicator(name),
            borough=borough,
            period_kind="year",
            period_start=date(2022, 4, 1),
            period_end=date(2023, 3, 31),
            value=Decimal(value),
        )


def indicator(name):
    from audits.models import Indicator

    return Indicator.objects.filter(name=name).first() or IndicatorFactory(name=name, report_table="none")


def test_the_shares_and_totals_are_computed_from_the_counts():
    record(LocalAuthorityFactory(name="Alpha", code="A"), looked_after=100, uasc=25, reviews=200, on_time=190)
    record(
        LocalAuthorityFactory(name="Beta", code="B"),
        looked_after=50,
        uasc=5,
        reviews=100,
        on_time=99,
        looked_after_earlier=40,
    )
    rows = dict(children_in_care_context(YEAR)["rows"])
    assert rows["Children looked after on 31 March 2023"] == ["100", "50", "150"]
    assert rows["The same a year earlier"] == ["–", "40", "40"]
    assert rows["Of them, unaccompanied asylum-seeking children"] == ["25 (25%)", "5 (10%)", "30 (20%)"]
    assert rows["Of them, held within the statutory timescales"] == ["190 (95%)", "99 (99%)", "289 (96%)"]


def test_ten_boroughs_cost_what_one_does():
    record(LocalAuthorityFactory(), looked_after=100, uasc=25, reviews=200, on_time=190)
    with CaptureQueriesContext(connection) as few:
        children_in_care_context(YEAR)
    for _ in range(9):
        record(LocalAuthorityFactory(), looked_after=100, uasc=25, reviews=200, on_time=190, looked_after_earlier=90)
    with CaptureQueriesContext(connection) as many:
        context = children_in_care_context(YEAR)
    assert len(context["boroughs"]) == 10
    assert len(many) == len(few) == 1
