"""The impact page is for the business manager and the chairs of the Learning and Development Subgroup; other
chairs, partners, delegates and the public are refused. It costs the same number of queries with ten times the
sessions, bookings and evaluations."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnership.models import MembershipRole, Person
from partnership.tests.factories import BodyFactory, MembershipFactory
from training.tests.factories import (
    BookingFactory,
    CourseSessionFactory,
    EvaluationScoreFactory,
)

pytestmark = pytest.mark.django_db
URL = "/training/impact/?year=2022-23"


def test_who_may_open_it(statuses_by_role):
    # The chair fixture chairs a body that is not the Learning and Development Subgroup.
    assert statuses_by_role([(URL, 302, 200, 403, 403, 403, 403)]) == []


def test_the_learning_and_development_chairs_may(client, chair, settings):
    body = BodyFactory(name="Learning and Development Subgroup")
    MembershipFactory(
        body=body, person=Person.objects.get(user=chair), role=MembershipRole.CHAIR, start=date(2020, 4, 1)
    )
    client.force_login(chair)
    assert client.get(URL).status_code == 200


def add_sessions(count):
    for n in range(count):
        starts = timezone.make_aware(datetime(2022, 5, 2, 10)) + timedelta(days=7 * n)
        session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
        for _ in range(2):
            booking = BookingFactory(session=session, status="attended")
            EvaluationScoreFactory(evaluation__booking=booking, outcome__course=session.course)
        BookingFactory(session=session, status="no_show")


def queries_for(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_ten_times_the_records_cost_the_same(client, manager, django_assert_max_num_queries):
    client.force_login(manager)
    add_sessions(2)
    client.get(URL)  # warm the content-type and session caches
    small = queries_for(client)
    add_sessions(18)
    with django_assert_max_num_queries(14):
        assert queries_for(client) == small
