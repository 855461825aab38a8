"""The manage-my-booking and approval links are the key for people with no account: a link changed by one
character, one made for the other purpose, or one naming no booking answers 404 with a page saying what to do; an
expired one answers 410. Never a server error, and nothing changes."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from training import links
from training.models import BookingStatus
from training.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db


def _tampered(token):
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


@pytest.fixture
def booking():
    return BookingFactory(status=BookingStatus.BOOKED)


@pytest.mark.parametrize("name", ["training:manage_booking", "training:approval"])
def test_a_tampered_link_is_not_recognised(client, booking, name):
    maker = links.manage_token if name == "training:manage_booking" else links.approval_token
    for method in ("get", "post"):
        response = getattr(client, method)(reverse(name, kwargs={"token": _tampered(maker(booking))}))
        assert response.status_code == 404
        assert "This link is not recognised" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_an_approval_link_does_not_open_the_manage_page(client, booking):
    response = client.post(reverse("training:manage_booking", kwargs={"token": links.approval_token(booking)}))
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_a_link_to_a_booking_that_is_gone_is_not_recognised(client):
    token = signing.dumps({"booking": 987654}, salt=links.MANAGE_SALT, compress=True)
    assert client.get(reverse("training:manage_booking", kwargs={"token": token})).status_code == 404


def test_an_expired_link_says_so(client, booking, monkeypatch):
    token = links.approval_token(booking)
    # Read the link as a month and more later would: its age is past the maximum.
    monkeypatch.setattr(links, "APPROVAL_LINK_MAX_AGE", timedelta(seconds=-1))
    response = client.post(reverse("training:approval", kwargs={"token": token}), {"decision": "approve"})
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
