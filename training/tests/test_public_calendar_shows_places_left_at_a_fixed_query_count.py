"""The public calendar opens without signing in, says so plainly when there is nothing to book, shows each coming
session's places left (capacity + allowance − places taken), and costs the same queries with ten times the
sessions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnership.models import Sector
from training.models import BookingStatus
from training.tests.factories import BookingFactory, CourseSessionFactory, EligibleSectorFactory

pytestmark = pytest.mark.django_db
URL = reverse("training:calendar")


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_sessions(count):
    for _ in range(count):
        session = CourseSessionFactory(capacity=3)
        EligibleSectorFactory(course=session.course, sector=Sector.POLICE)
        BookingFactory(session=session)


def test_an_empty_calendar_says_so(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "No sessions are open for booking at the moment" in response.content.decode()


def test_places_left_count_held_places_but_not_the_waiting_list_or_past_sessions(client):
    session = CourseSessionFactory(capacity=3, overbooking_allowance=1, venue="Chelsea Old Town Hall")
    BookingFactory(session=session, status=BookingStatus.BOOKED)
    BookingFactory(session=session, status=BookingStatus.AWAITING_APPROVAL)
    BookingFactory(session=session, status=BookingStatus.CANCELLED_BY_DELEGATE)
    full = CourseSessionFactory(capacity=1, venue="Kensington Library")
    BookingFactory(session=full, status=BookingStatus.BOOKED)
    BookingFactory(session=full, status=BookingStatus.WAITING_LIST)
    past = timezone.now() - timedelta(days=3)
    CourseSessionFactory(starts_at=past, ends_at=past + timedelta(hours=2), venue="Long Gone Hall")
    page = " ".join(client.get(URL).content.decode().split())
    assert "2 places left" in page
    assert "Full: join the waiting list" in page
    assert "Long Gone Hall" not in page


def test_ten_times_the_sessions_cost_the_same_queries(client, django_assert_max_num_queries):
    _add_sessions(2)
    client.get(URL)  # warm the content-type and session caches
    small = _queries(client, URL)
    _add_sessions(20)
    with django_assert_max_num_queries(6):
        assert _queries(client, URL) == small


def test_a_course_page_costs_the_same_queries_with_ten_times_its_sessions(client, django_assert_max_num_queries):
    session = CourseSessionFactory()
    EligibleSectorFactory(course=session.course, sector=Sector.POLICE)
    url = reverse("training:course", args=[session.course.pk])
    client.get(url)
    small = _queries(client, url)
    for _ in range(20):
        BookingFactory(session=CourseSessionFactory(course=session.course))
    with django_assert_max_num_queries(8):
        assert _queries(client, url) == small


def test_a_long_calendar_shows_fifty_sessions_a_page_soonest_first(client):
    soon = timezone.now().replace(microsecond=0) + timedelta(days=1)
    for day in range(55):
        starts = soon + timedelta(days=day)
        CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), venue=f"Hall {day}")
    first = client.get(URL)
    page = " ".join(first.content.decode().split())
    assert first.context["sessions"][0].venue == "Hall 0" and len(first.context["sessions"]) == 50
    assert "55 coming sessions, soonest first: 1 to 50." in page
    assert "Page 1 of 2" in page and "Hall 49" in page and "Hall 50" not in page
    second = client.get(URL, {"page": 2})
    assert [session.venue for session in second.context["sessions"]] == [f"Hall {day}" for day in range(50, 55)]
    assert second.context["sessions"][0].places_left == second.context["sessions"][0].places_limit


def test_the_places_are_counted_for_the_page_shown_not_for_every_coming_session(client):
    """Ten years of sessions have hundreds ahead: the calendar's query counts the bookings of the fifty it shows,
    rather than joining and grouping every coming session's bookings before cutting the page."""
    _add_sessions(3)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(URL)
    assert page.status_code == 200 and len(page.context["sessions"]) == 3
    assert all(session.places_left == 2 for session in page.context["sessions"])
    read = [q["sql"] for q in queries if q["sql"].startswith('SELECT "training_coursesession"."id"')]
    assert read and all('GROUP BY "training_coursesession"' not in sql for sql in read)
