"""Cancelling a session with a reason cancels every live booking (booked, awaiting approval, waiting list) as
cancelled by the organiser and e-mails each delegate the reason once the change is committed; those who had
cancelled already are not written to. Without a reason nothing is cancelled."""

import pytest
from django.urls import reverse

from lscp.testing import sign_in
from training.models import BookingStatus, SessionStatus
from training.services.organiser import CANCEL_NEEDS_REASON
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db
REASON = "The trainer is ill; we are sorry."


def test_every_live_booking_is_cancelled_and_each_delegate_is_emailed(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory(capacity=2)
    live = [
        BookingFactory(session=session, status=BookingStatus.BOOKED),
        BookingFactory(session=session, status=BookingStatus.AWAITING_APPROVAL),
        BookingFactory(session=session, status=BookingStatus.WAITING_LIST),
    ]
    gone = BookingFactory(session=session, status=BookingStatus.CANCELLED_BY_DELEGATE)
    url = reverse("training:cancel_session", kwargs={"pk": session.pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, manager).post(url, {"reason": REASON})

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED and session.cancelled_reason == REASON
    for booking in live:
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED_BY_ORGANISER
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(booking.delegate.email for booking in live)
    assert all(REASON in mail.body and "Session cancelled" in mail.subject for mail in mailoutbox)
    assert gone.delegate.email not in [mail.to[0] for mail in mailoutbox]


def test_without_a_reason_nothing_is_cancelled(client, manager, mailoutbox):
    session = CourseSessionFactory()
    booking = BookingFactory(session=session)
    url = reverse("training:cancel_session", kwargs={"pk": session.pk})

    response = sign_in(client, manager).post(url, {"reason": "  "})

    assert CANCEL_NEEDS_REASON in response.content.decode()
    session.refresh_from_db(), booking.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED and booking.status == BookingStatus.BOOKED
    assert mailoutbox == []
