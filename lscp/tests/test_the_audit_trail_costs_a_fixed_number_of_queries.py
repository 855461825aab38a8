"""A page of the audit trail costs the same queries with ten times the rows behind it: one for the rows of every
source, one for the people named, one for each kind of record changed on the page."""

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership.tests.factories import AgencyFactory, BodyFactory

pytestmark = pytest.mark.django_db


def add_rows(manager, copies):
    """For each copy an agency and a body, each created and renamed by the business manager, a sign-in and a failed
    one."""
    for _ in range(copies):
        for record in (AgencyFactory.build(), BodyFactory.build()):
            record._history_user = manager
            record.save()
            record.name = f"{record.name} renamed"
            record.save()
        AccessLog.objects.create(username=manager.username, ip_address="10.0.0.1", user_agent="test")
        AccessFailureLog.objects.create(username="member", ip_address="10.0.0.2", user_agent="test")


def queries_for(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("audit_trail"), query)
        assert response.status_code == 200
    return len(captured), len(response.context["entries"])


QUERIES = ({}, {"person": "manager", "event": "changed"})


def test_a_page_costs_the_same_queries_with_ten_times_the_rows(client, manager, django_assert_max_num_queries):
    add_rows(manager, 3)
    client.force_login(manager)
    client.get(reverse("audit_trail"))  # the session and the content types, read once
    small = [queries_for(client, query) for query in QUERIES]
    add_rows(manager, 30)
    for query, (small_count, small_rows) in zip(QUERIES, small, strict=True):
        # The session, the user and their roles (3); the rows; the people; the changes to agencies and to bodies.
        with django_assert_max_num_queries(8):
            count, rows = queries_for(client, query)
        assert (count, rows) == (small_count, 50)
        assert small_rows < rows
        next_count, next_rows = queries_for(client, {**query, "page": "2"})
        assert next_count == count and next_rows > 0
