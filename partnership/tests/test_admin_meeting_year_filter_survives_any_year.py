"""The admin's meeting list filters by year, month and day (its date links): a year whose end no calendar can hold
(9999), and any other junk typed into the address, is answered as Django answers a filter it cannot use (back to the
whole list), never with a server error. The same holds for every list in the admin that has date links, and with
meetings stored at the very edges of time the list and its date links still open."""

from datetime import date, datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from lscp.testing import sign_in
from partnership.models import Meeting
from partnership.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

MEETINGS = reverse("admin:partnership_meeting_changelist")
JUNK = [
    {"starts_at__year": "9999"},
    {"starts_at__year": "9999", "starts_at__month": "12"},
    {"starts_at__year": "9999", "starts_at__month": "12", "starts_at__day": "31"},
    {"starts_at__year": "10000"},
    {"starts_at__year": "0"},
    {"starts_at__year": "-1"},
    {"starts_at__year": "99999999999999999999999"},
    {"starts_at__year": "twenty"},
    {"starts_at__year": "2023", "starts_at__month": "13"},
    {"starts_at__year": "2023", "starts_at__month": "2", "starts_at__day": "30"},
    {"starts_at__month": "12"},
    {"starts_at__gte": "9999-99-99"},
]


def _answered(response):
    """A page or Django's redirect back to the whole list (?e=1), never a server error."""
    return response.status_code == 200 or (response.status_code == 302 and "e=1" in response["Location"])


@pytest.mark.parametrize("query", JUNK, ids=["&".join(f"{k}={v}" for k, v in q.items()) for q in JUNK])
def test_the_meeting_list_answers_any_year_without_a_server_error(client, manager, query):
    MeetingFactory()
    client = sign_in(client, manager)
    client.raise_request_exception = False
    response = client.get(MEETINGS, query)
    assert _answered(response), response.status_code


def test_the_meeting_list_opens_with_meetings_at_the_edges_of_time(client, manager):
    first, last = MeetingFactory(), MeetingFactory()
    tz = timezone.get_current_timezone()
    Meeting.objects.filter(pk=first.pk).update(starts_at=datetime(1, 1, 1, 0, 0, tzinfo=tz))
    Meeting.objects.filter(pk=last.pk).update(starts_at=datetime(9999, 12, 31, 23, 59, tzinfo=tz))
    client = sign_in(client, manager)
    client.raise_request_exception = False
    for query in ({}, {"starts_at__year": "1"}, {"starts_at__year": "9999"}, {"starts_at__year": "9999", "q": "x"}):
        assert _answered(client.get(MEETINGS, query)), query
    for pk in (first.pk, last.pk):
        assert client.get(reverse("admin:partnership_meeting_change", args=[pk])).status_code == 200


def _lists_with_date_links():
    return sorted(
        (model._meta.label, model_admin.date_hierarchy)
        for model, model_admin in admin.site._registry.items()
        if model_admin.date_hierarchy
    )


@pytest.mark.parametrize(("label", "field"), _lists_with_date_links())
def test_every_admin_list_with_date_links_answers_the_last_year_and_junk(admin_client, label, field):
    """A superuser, who may open every list (the sign-in logs too)."""
    app_label, model_name = label.lower().split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    client = admin_client
    client.raise_request_exception = False
    last = date.max
    for query in (
        {f"{field}__year": last.year},
        {f"{field}__year": last.year, f"{field}__month": last.month},
        {f"{field}__year": last.year, f"{field}__month": last.month, f"{field}__day": last.day},
        {f"{field}__year": "99999999999999999999999"},
    ):
        assert _answered(client.get(url, query)), (url, query)
