"""The data set's exceptions page (and its PDF) opens whatever an observation is dated: a value imported before the
date rule, dated 1 January of year 1 or 31 December 9999 (a quarter no financial year can hold), must not turn the
page into a server error for every reader. The quarters it lists are those within the range the partnership's records
may hold; a quarter typed into the address outside it is not offered, and the page still opens."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from audits.models import Observation, PeriodKind
from audits.tests.dataset_support import make_data_set
from audits.tests.factories import ObservationFactory
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("audits:exceptions")
PDF_URL = reverse("audits:exceptions_pdf")
EXTREMES = [
    (PeriodKind.DATE, date(1, 1, 1)),
    (PeriodKind.DATE, date(9999, 12, 31)),
    (PeriodKind.QUARTER, date(9999, 10, 1)),
    (PeriodKind.MONTH, date(9999, 12, 1)),
    (PeriodKind.YEAR, date(1, 1, 1)),
    (PeriodKind.DATE, date(1899, 12, 31)),
]


@pytest.fixture
def reader(client, manager):
    data = make_data_set()
    ObservationFactory(indicator=data["cin"], borough=data["rbkc"], period_start=date(2023, 3, 31), value=800)
    return sign_in(client, manager), data


@pytest.mark.parametrize(("kind", "start"), EXTREMES, ids=[f"{k}-{d}" for k, d in EXTREMES])
def test_the_page_and_its_pdf_open_with_an_observation_at_the_edge_of_time(reader, kind, start):
    client, data = reader
    stored = ObservationFactory(indicator=data["cin"], borough=data["wcc"], value=Decimal("5"))
    # Straight into the database, as an import before the rule did: no check, no worked-out end.
    Observation.objects.filter(pk=stored.pk).update(period_kind=kind, period_start=start, period_end=start)
    client.raise_request_exception = False

    page = client.get(URL)
    assert page.status_code == 200
    quarters = page.context["quarters"]
    assert [quarter.slug for quarter in quarters] == ["2023-01-01"]
    assert page.context["quarter"].slug == "2023-01-01"

    assert client.get(PDF_URL).status_code == 200


@pytest.mark.parametrize("asked", ["0001-01-01", "9999-10-01", "1899-10-01", "0001-13-01", "99999-01-01", "x"])
def test_a_quarter_outside_the_records_range_in_the_address_opens_the_latest_with_data(reader, asked):
    client, _data = reader
    client.raise_request_exception = False
    page = client.get(URL, {"quarter": asked})
    assert page.status_code == 200
    assert page.context["quarter"].slug == "2023-01-01"
