"""The data set exceptions page offers the quarters it has values for, and opens on the latest of them: a year's
figure lies within no quarter, so its first quarter is not offered (it would show "No value is recorded")."""

from datetime import date

import pytest
from django.urls import reverse

from audits.tests.factories import ObservationFactory
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db


def test_only_quarters_with_values_are_offered_and_the_latest_is_shown(client, manager):
    quarterly = ObservationFactory(period_kind="quarter", period_start=date(2022, 10, 1), period_end=date(2022, 12, 31))
    ObservationFactory(
        indicator=quarterly.indicator, period_kind="date", period_start=date(2023, 1, 31), period_end=date(2023, 1, 31)
    )
    # Two years' figures, the later one after the quarters' values: no quarter holds them.
    ObservationFactory(period_kind="year", period_start=date(2023, 4, 1), period_end=date(2024, 3, 31))
    ObservationFactory(period_kind="year", period_start=date(2022, 4, 1), period_end=date(2023, 3, 31))

    response = sign_in(client, manager).get(reverse("audits:exceptions"))

    assert response.status_code == 200
    offered = [quarter.slug for quarter in response.context["quarters"]]
    assert offered == ["2023-01-01", "2022-10-01"]
    assert response.context["quarter"].slug == "2023-01-01"
    assert response.context["rows"]
