"""Cancelling a booking gives the place away, so the manage-my-booking page asks first: pressing "Cancel my
booking" shows what will happen and changes nothing; only "Yes, cancel my booking" cancels; "No, keep my booking"
goes back to the booking as it was."""

import pytest
from django.urls import reverse

from training import links
from training.models import BookingStatus
from training.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db


def test_the_first_press_asks_and_only_the_confirmation_cancels(client, mailoutbox):
    booking = BookingFactory()
    url = reverse("training:manage_booking", kwargs={"token": links.manage_token(booking)})
    assert 'name="cancel"' in client.get(url).content.decode()

    asked = client.post(url, {"cancel": "1"})

    page = asked.content.decode()
    assert asked.status_code == 200 and page.count("<h1") == 1
    assert "Cancel your booking?" in page and "Nothing has been cancelled yet" in page
    assert 'name="confirmed"' in page and "Yes, cancel my booking" in page
    assert f'href="{url}"' in page and "No, keep my booking" in page
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED and not mailoutbox

    done = client.post(url, {"confirmed": "1"}, follow=True)

    assert "Your booking is cancelled" in done.content.decode()
    # The page speaks to the delegate, not in the organisers' words ("Cancelled by delegate").
    assert f"{booking.delegate.name}: <strong>Cancelled by you</strong>" in done.content.decode()
    assert "Cancelled by delegate" not in done.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED_BY_DELEGATE


def test_a_booking_that_cannot_be_cancelled_is_not_asked_about(client):
    booking = BookingFactory(status=BookingStatus.CANCELLED_BY_DELEGATE)
    url = reverse("training:manage_booking", kwargs={"token": links.manage_token(booking)})
    page = client.post(url, {"cancel": "1"}).content.decode()
    assert "Cancel your booking?" not in page and "Your booking" in page
