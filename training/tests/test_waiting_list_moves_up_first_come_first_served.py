"""When a booked delegate cancels, the first on the waiting list (by when they booked) gets the place in the same
transaction and is e-mailed with their manage-my-booking link; the others keep waiting in order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from training.models import BookingStatus
from training.services.bookings import cancel_booking
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_a_cancellation_moves_up_the_earliest_on_the_waiting_list_and_tells_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory(capacity=1)
    booked = BookingFactory(session=session, status=BookingStatus.BOOKED)
    earlier = timezone.now() - timedelta(hours=2)
    # Made in the wrong order on purpose: the later booker has the lower id.
    second = BookingFactory(session=session, status=BookingStatus.WAITING_LIST, created_at=earlier + timedelta(hours=1))
    first = BookingFactory(session=session, status=BookingStatus.WAITING_LIST, created_at=earlier)

    with django_capture_on_commit_callbacks(execute=True):
        _, promoted = cancel_booking(booking=booked)

    assert promoted == [first]
    booked.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert booked.status == BookingStatus.CANCELLED_BY_DELEGATE
    assert first.status == BookingStatus.BOOKED and first.promoted_at is not None
    assert second.status == BookingStatus.WAITING_LIST
    to_first = [mail for mail in mailoutbox if mail.to == [first.delegate.email]]
    assert len(to_first) == 1
    assert "A place has come up" in to_first[0].subject
    assert "/training/bookings/" in to_first[0].body
    assert [mail.to for mail in mailoutbox if "cancelled" in mail.subject] == [[booked.delegate.email]]


def test_cancelling_a_place_on_the_waiting_list_moves_nobody_up(django_capture_on_commit_callbacks):
    session = CourseSessionFactory(capacity=1)
    BookingFactory(session=session, status=BookingStatus.BOOKED)
    waiting = BookingFactory(session=session, status=BookingStatus.WAITING_LIST)
    behind = BookingFactory(session=session, status=BookingStatus.WAITING_LIST)

    _, promoted = cancel_booking(booking=waiting)

    assert promoted == []
    behind.refresh_from_db()
    assert behind.status == BookingStatus.WAITING_LIST
