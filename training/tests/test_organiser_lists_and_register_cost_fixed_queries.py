"""The organiser's session list, a session's page with its bookings and waiting list, and the register cost the
same number of queries with ten times the rows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lscp.testing import sign_in
from training.models import BookingStatus
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _past_session():
    starts = timezone.now().replace(microsecond=0) - timedelta(days=2)
    return CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), capacity=40)


def test_the_session_list_costs_the_same_with_ten_times_the_sessions(client, manager, django_assert_max_num_queries):
    for _ in range(2):
        BookingFactory(session=CourseSessionFactory())
    url = reverse("training:organise")
    sign_in(client, manager).get(url)  # warm the content-type and session caches
    small = _queries(client, url)
    for _ in range(20):
        session = CourseSessionFactory()
        BookingFactory(session=session)
        BookingFactory(session=session, status=BookingStatus.WAITING_LIST)

    with django_assert_max_num_queries(12):
        assert _queries(client, url) == small


@pytest.mark.parametrize("name", ["training:organise_session", "training:register"])
def test_a_session_page_and_its_register_cost_the_same_with_ten_times_the_delegates(
    client, manager, django_assert_max_num_queries, name
):
    session = _past_session()
    BookingFactory.create_batch(2, session=session)
    BookingFactory(session=session, status=BookingStatus.WAITING_LIST)
    url = reverse(name, kwargs={"pk": session.pk})
    sign_in(client, manager).get(url)
    small = _queries(client, url)
    BookingFactory.create_batch(20, session=session)
    BookingFactory.create_batch(10, session=session, status=BookingStatus.WAITING_LIST)

    with django_assert_max_num_queries(12):
        assert _queries(client, url) == small
