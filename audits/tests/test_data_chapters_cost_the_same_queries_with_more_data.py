"""The data set's chapters (borough profiles, children and young people data, LADO, child death reviews) gather
their figures in the same number of queries with the demo's data set or with ten times as many indicators and
values."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits import report
from audits.demo import dataset as demo_dataset
from audits.models import Indicator, IndicatorCategory, Observation
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


class Quiet:
    def write(self, text):
        pass


def copy_data_set(copy):
    """A copy of every indicator and its values, with what it adds up to and is a share of (its copy)."""
    twins_of = {}
    for indicator in list(Indicator.objects.exclude(name__contains="(copy").prefetch_related("categories")):
        categories = list(indicator.categories.all())
        observations = list(indicator.observations.all())
        twin = twins_of[indicator.pk] = Indicator.objects.create(
            name=f"{indicator.name} (copy {copy})",
            unit=indicator.unit,
            tolerance_percent=indicator.tolerance_percent,
            report_table=indicator.report_table,
            adds_up=indicator.adds_up,
        )
        twin.original_denominator_id = indicator.denominator_id
        twins = {c.pk: IndicatorCategory.objects.create(indicator=twin, name=c.name, order=c.order) for c in categories}
        Observation.objects.bulk_create(
            Observation(
                indicator=twin,
                borough_id=o.borough_id,
                period_kind=o.period_kind,
                period_start=o.period_start,
                period_end=o.period_end,
                category=twins.get(o.category_id),
                value=o.value,
                london=o.london,
            )
            for o in observations
        )
    for twin in twins_of.values():
        if twin.original_denominator_id:
            twin.denominator = twins_of[twin.original_denominator_id]
            twin.save(update_fields=["denominator"])


def gather():
    with CaptureQueriesContext(connection) as queries:
        contexts = [
            report.borough_profiles_context(YEAR),
            report.children_data_context(YEAR),
            report.lado_context(YEAR),
            report.child_death_context(YEAR),
        ]
    return len(queries), contexts


def test_ten_times_the_data_costs_the_same_queries():
    LocalAuthorityFactory(code="RBKC", name="Royal Borough of Kensington and Chelsea")
    LocalAuthorityFactory(code="WCC", name="Westminster City Council")
    demo_dataset.load(stdout=Quiet())
    few, (profiles, data, lado, deaths) = gather()
    assert len(profiles["rows"]) == 7 and len(data["rows"]) == 12
    assert lado["outcomes"].total == 119 and deaths["reviewed"] == 19
    # Some rows are shares of an indicator shown in the other table: read in one more query, whatever their number.
    assert any(row["share_of"] for row in profiles["rows"]) and any(row["total"] for row in data["rows"])
    for copy in range(1, 10):
        copy_data_set(copy)
    many, (profiles, data, _, _) = gather()
    assert len(profiles["rows"]) == 70 and len(data["rows"]) == 120
    assert Observation.objects.filter(period_start=date(2023, 3, 31)).count() == 4 * 2 * 10
    assert many == few
