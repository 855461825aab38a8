"""The quarterly exceptions report lists the chosen quarter's values against a year earlier, exceptions first, with
the London and England comparators, in a fixed number of queries however many values there are."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from audits.tests.dataset_support import make_data_set
from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.testing import sign_in
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db

URL = reverse("audits:exceptions")


def add_indicators(count, boroughs):
    for _ in range(count):
        indicator = IndicatorFactory(tolerance_percent=Decimal("10"))
        for borough in boroughs:
            for day, value in ((date(2022, 3, 31), 100), (date(2023, 3, 31), 105)):
                ObservationFactory(indicator=indicator, borough=borough, period_start=day, value=value)


def test_the_quarter_shows_exceptions_first_with_their_comparators(client, manager):
    data = make_data_set()
    for day, value, london in ((date(2022, 3, 31), 700, 2000), (date(2023, 3, 31), 800, 2120)):
        ObservationFactory(indicator=data["cin"], borough=data["rbkc"], period_start=day, value=value, london=london)
    add_indicators(2, [data["wcc"]])
    response = sign_in(client, manager).get(URL, {"quarter": "2023-01-01"})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert rows[0].indicator == "Children in need" and rows[0].is_exception
    assert rows[0].shown == {
        "value": "800",
        "year_earlier": "700",
        "change": "up 14.3%",
        "london": "2,120",
        "england": "",
    }
    assert [row.is_exception for row in rows] == [True, False, False]
    assert response.context["quarter"].label == "Q4 2022/23 (January to March 2023)"
    assert "1 exception among 3 values." in response.content.decode()


def test_more_values_cost_no_more_queries(client, manager, django_assert_max_num_queries):
    sign_in(client, manager)
    boroughs = [LocalAuthorityFactory() for _ in range(3)]
    add_indicators(1, boroughs)
    with django_assert_max_num_queries(12):
        few = client.get(URL, {"quarter": "2023-01-01"})
    add_indicators(9, boroughs)
    with django_assert_max_num_queries(12):
        many = client.get(URL, {"quarter": "2023-01-01"})
    assert len(few.context["rows"]) == 3 and len(many.context["rows"]) == 30
