"""A cancelled session, or one that has started, is refused with a message; the delegate cancels through their
link, and can then book again."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from training import links
from training.models import BookingStatus
from training.services.bookings import SESSION_CANCELLED, SESSION_STARTED, book_place
from training.tests.factories import CourseSessionFactory, place_details

pytestmark = pytest.mark.django_db


def test_a_cancelled_session_is_refused():
    session = CourseSessionFactory(status="cancelled", cancelled_reason="The trainer is ill.")
    with pytest.raises(ValidationError) as refused:
        book_place(session=session, **place_details())
    assert refused.value.messages == [SESSION_CANCELLED]


def test_a_session_that_has_started_is_refused():
    session = CourseSessionFactory()
    with pytest.raises(ValidationError) as refused:
        book_place(session=session, now=session.starts_at + timedelta(minutes=1), **place_details())
    assert refused.value.messages == [SESSION_STARTED]


def test_the_delegate_cancels_by_their_link_and_may_book_again(client):
    session = CourseSessionFactory()
    booking = book_place(session=session, **place_details())
    url = reverse("training:manage_booking", kwargs={"token": links.manage_token(booking)})
    response = client.post(url, {"confirmed": "1"}, follow=True)
    assert "Your booking is cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED_BY_DELEGATE and booking.cancelled_at <= timezone.now()
    again = book_place(session=session, **place_details())
    assert again.status == BookingStatus.BOOKED
