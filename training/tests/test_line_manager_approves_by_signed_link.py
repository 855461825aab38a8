"""A course that needs the line manager's approval holds a place (it counts against the session's places) and
e-mails the manager a signed link; opening it shows the request, and approving books the place, declining frees
it for the waiting list. Nothing changes on merely opening the link."""

import re

import pytest
from django.urls import reverse

from training import links
from training.models import Booking, BookingStatus
from training.services.bookings import book_place
from training.tests.factories import BookingFactory, CourseFactory, CourseSessionFactory, place_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    return CourseSessionFactory(course=CourseFactory(needs_manager_approval=True), capacity=1)


def _approval_path(mail):
    return re.search(r"https?://[^/\s]+(/training/approvals/[^\s]+/)", mail.body).group(1)


def test_the_manager_approves_by_the_link_in_their_email(
    client, session, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book_place(session=session, **place_details())
    assert booking.status == BookingStatus.AWAITING_APPROVAL
    to_manager = [mail for mail in mailoutbox if mail.to == ["head@school.example.org"]]
    assert len(to_manager) == 1
    path = _approval_path(to_manager[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Sam Jones" in page.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.AWAITING_APPROVAL  # opening the link changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"decision": "approve"}, follow=True)
    assert "the place is approved and booked" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED and booking.approved_at is not None
    assert any("approved" in mail.subject and mail.to == [booking.delegate.email] for mail in mailoutbox)


def test_a_held_place_counts_and_declining_it_moves_up_the_waiting_list(
    client, session, django_capture_on_commit_callbacks
):
    held = book_place(session=session, **place_details())
    waiting = book_place(session=session, **place_details(name="Alex Lee", email="alex.lee@school.example.org"))
    assert waiting.status == BookingStatus.WAITING_LIST

    url = reverse("training:approval", kwargs={"token": links.approval_token(held)})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"decision": "decline"}).status_code == 302

    held.refresh_from_db(), waiting.refresh_from_db()
    assert held.status == BookingStatus.DECLINED
    # The course needs approval, so the next in line's place is held for their own manager.
    assert waiting.status == BookingStatus.AWAITING_APPROVAL and waiting.promoted_at is not None


def test_a_decided_request_cannot_be_decided_again(client, session):
    booking = BookingFactory(session=session, status=BookingStatus.BOOKED)
    url = reverse("training:approval", kwargs={"token": links.approval_token(booking)})
    response = client.post(url, {"decision": "decline"})
    assert response.status_code == 200
    assert "it is no longer waiting for approval" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED
