"""The admin's list of bookings, which grows by thousands a year, opens without reading every booking: no date
hierarchy (its years and first and last dates are read over the whole table at each opening) and no second count of
every booking beside a filtered list; its dates are filters of fixed choices instead."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from training.models import BookingStatus
from training.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db


def test_a_filtered_list_of_bookings_counts_once_and_reads_no_years(client, manager):
    BookingFactory(status=BookingStatus.BOOKED)
    BookingFactory(status=BookingStatus.WAITING_LIST)
    client.force_login(manager)
    url = reverse("admin:training_booking_changelist")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"status__exact": BookingStatus.BOOKED})
    assert response.status_code == 200 and response.context["cl"].result_count == 1
    sql = [query["sql"].upper() for query in queries]
    assert [q for q in sql if "COUNT(" in q and "TRAINING_BOOKING" in q] == [
        q for q in sql if "COUNT(" in q and "TRAINING_BOOKING" in q and "WHERE" in q
    ], "a count over every booking"
    assert not [q for q in sql if "DATE_TRUNC" in q or ("MIN(" in q and "TRAINING_BOOKING" in q)]
    page = response.content.decode()
    assert "Past 7 days" in page  # when it was booked, as a filter
