"""The admin's list of bookings opened whole (no filter, no search) is not counted row by row: at ten years of
bookings that count read 200,000 rows at every opening. It takes PostgreSQL's own estimate of the table's rows,
rounded and said to be "about", once the table is large (lscp/admin_lists.py). Narrowed, or small, it is counted."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lscp import admin_lists
from training.models import BookingStatus
from training.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db


def analyse_bookings():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE training_booking")


def counts_of_bookings(queries):
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "training_booking" in q["sql"]]


def test_a_large_table_opened_whole_shows_about_its_estimated_rows_without_counting_them(client, manager, monkeypatch):
    monkeypatch.setattr(admin_lists, "ESTIMATED_ABOVE", 5)  # "large", for a test's dozen bookings
    BookingFactory.create_batch(12, status=BookingStatus.BOOKED)
    analyse_bookings()
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:training_booking_changelist"))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert changelist.paginator.estimated and changelist.result_count == 12
    assert counts_of_bookings(queries) == []
    page = response.content.decode()
    assert "about 12 bookings" in page
    assert "Select all of about 12 bookings" in page and "All of about 12 selected" in page


def test_a_filtered_or_searched_list_of_a_large_table_is_counted_exactly(client, manager, monkeypatch):
    monkeypatch.setattr(admin_lists, "ESTIMATED_ABOVE", 5)
    BookingFactory.create_batch(9, status=BookingStatus.BOOKED)
    BookingFactory.create_batch(3, status=BookingStatus.WAITING_LIST)
    analyse_bookings()
    client.force_login(manager)
    url = reverse("admin:training_booking_changelist")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"status__exact": BookingStatus.WAITING_LIST})
    assert response.context["cl"].result_count == 3 and not response.context["cl"].paginator.estimated
    assert len(counts_of_bookings(queries)) == 1
    assert "about" not in response.content.decode().split('class="paginator"')[1]
    response = client.get(url, {"q": "no delegate has this name"})
    assert response.context["cl"].result_count == 0 and not response.context["cl"].paginator.estimated


def test_a_table_below_the_size_worth_estimating_is_counted_exactly(client, manager):
    BookingFactory.create_batch(12, status=BookingStatus.BOOKED)
    analyse_bookings()
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:training_booking_changelist"))
    assert response.context["cl"].result_count == 12 and not response.context["cl"].paginator.estimated
    assert len(counts_of_bookings(queries)) == 1
    assert "12 bookings" in response.content.decode() and "about 12" not in response.content.decode()


def test_an_estimate_is_rounded_to_three_figures():
    rounded = [admin_lists._rounded(rows) for rows in (199_874, 50_001, 1_234_567, 999)]
    assert rounded == [200_000, 50_000, 1_230_000, 999]
