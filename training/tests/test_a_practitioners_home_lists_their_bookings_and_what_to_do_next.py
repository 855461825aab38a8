"""A signed-in practitioner (the "Delegates" group) sees on their home page the bookings of the delegate with their
account's e-mail (whatever its capitals), and what to do next with each: see or cancel a coming booking (booked,
awaiting their manager's approval, on the waiting list), answer the evaluation after a session they attended, then
download its certificate, and answer the follow-up while it is open. Every link opens. Nobody else's bookings are
shown; the panel costs two queries whatever the bookings; the demo's `delegate` login has bookings of each kind."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from training.models import BookingStatus
from training.tests.factories import BookingFactory, CourseSessionFactory, DelegateFactory, EvaluationFactory

HEADING = "Training: your bookings"


def _panel(client):
    page = client.get(reverse("home")).content.decode()
    assert page.count("<h1") == 1
    return page.split(HEADING, 1)[1].split("</section>", 1)[0]


def _links(panel):
    return re.findall(r'href="(/training/[^"]+)"', panel)


def _session_ago(days):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=days)
    return CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")


@pytest.fixture
def bookings(delegate):
    me = DelegateFactory(name="Sam Okafor", email=delegate.email.upper())
    coming = {
        status: BookingFactory(delegate=me, status=status)
        for status in (BookingStatus.BOOKED, BookingStatus.AWAITING_APPROVAL, BookingStatus.WAITING_LIST)
    }
    to_evaluate = BookingFactory(delegate=me, session=_session_ago(14), status=BookingStatus.ATTENDED)
    certified = BookingFactory(delegate=me, session=_session_ago(120), status=BookingStatus.ATTENDED)
    EvaluationFactory(booking=certified, stage="after")
    BookingFactory(delegate=me, status=BookingStatus.CANCELLED_BY_DELEGATE)
    BookingFactory(delegate=DelegateFactory(name="Someone Else"))
    return coming, to_evaluate, certified


@pytest.mark.django_db
def test_the_practitioner_sees_their_bookings_and_what_to_do(client, delegate, bookings):
    coming, to_evaluate, certified = bookings
    client.force_login(delegate)
    panel = _panel(client)

    assert "Someone Else" not in panel
    assert panel.count("See or cancel this booking") == 3
    assert "waiting for your line manager" in panel and "on the waiting list" in panel and "booked." in panel
    assert panel.count("Before the session: how confident do you feel?") == 1
    assert panel.count("Evaluate the session") == 1
    assert panel.count("Download your certificate") == 1
    assert panel.count("Three months on") == 1
    assert panel.index(to_evaluate.session.course.title) < panel.index(certified.session.course.title)
    for path in _links(panel):
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_the_panel_costs_the_same_two_queries_with_more_bookings(client, delegate, bookings, django_assert_num_queries):
    client.force_login(delegate)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    me = bookings[0][BookingStatus.BOOKED].delegate
    for days in (20, 30, 40):
        BookingFactory(delegate=me, session=_session_ago(days), status=BookingStatus.ATTENDED)
        BookingFactory(delegate=me)
    with django_assert_num_queries(len(few)):
        client.get(reverse("home"))
    assert len(few) <= 8


@pytest.mark.django_db
def test_others_do_not_see_the_panel(client, partner):
    client.force_login(partner)
    assert HEADING not in client.get(reverse("home")).content.decode()


def test_the_demo_delegate_has_bookings_of_each_kind(demo, demo_user, client):
    client.force_login(demo_user("delegate"))
    panel = _panel(client)
    assert panel.count("See or cancel this booking") == 3
    for what in ("Evaluate the session", "Download your certificate", "Three months on", "waiting list"):
        assert what in panel
    for path in _links(panel):
        assert client.get(path).status_code == 200, path
