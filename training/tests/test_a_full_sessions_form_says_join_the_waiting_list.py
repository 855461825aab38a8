"""When every place is taken, the booking page's heading and button say "Join the waiting list", not "Book"; with
a place left they say "Book a place" and "Book"."""

import re

import pytest
from django.urls import reverse

from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def _heading_and_button(client, session):
    page = client.get(reverse("training:book", kwargs={"pk": session.pk})).content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()
    button = re.search(r'<button class="btn btn-primary" type="submit">(.*?)</button>', page, re.S).group(1).strip()
    return heading, button


def test_a_full_session(client):
    session = CourseSessionFactory(capacity=1)
    BookingFactory(session=session)
    assert _heading_and_button(client, session) == ("Join the waiting list", "Join the waiting list")


def test_a_session_with_places(client):
    assert _heading_and_button(client, CourseSessionFactory(capacity=2)) == ("Book a place", "Book")
