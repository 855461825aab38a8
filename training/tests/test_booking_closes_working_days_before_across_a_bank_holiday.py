"""Booking closes a number of working days before the session (default 3), counted with lscp.working_days: for a
session on Wednesday 31 May 2023, after the bank holiday of Monday 29 May, the last day to book is Thursday 25 May,
not Friday 26. The date is stored on the session; after it, booking is refused with a message naming it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from training.models import Booking, BookingStatus
from training.services.bookings import book_place
from training.tests.factories import CourseSessionFactory, place_details

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def session():
    return CourseSessionFactory(
        starts_at=datetime(2023, 5, 31, 9, 30, tzinfo=LONDON), ends_at=datetime(2023, 5, 31, 12, 30, tzinfo=LONDON)
    )


def test_the_closing_date_skips_the_bank_holiday(session):
    session.refresh_from_db()
    assert session.booking_closes_on.isoformat() == "2023-05-25"


def test_a_place_can_be_booked_until_the_end_of_the_closing_day(session):
    booking = book_place(session=session, now=datetime(2023, 5, 25, 23, 30, tzinfo=LONDON), **place_details())
    assert booking.status == BookingStatus.BOOKED


def test_the_next_morning_booking_is_refused_with_the_date(session):
    with pytest.raises(ValidationError) as refused:
        book_place(session=session, now=datetime(2023, 5, 26, 8, 0, tzinfo=LONDON), **place_details())
    assert refused.value.messages == [
        "Booking for this session closed on Thursday 25 May 2023 (3 working days before it). "
        "Choose a later date from the calendar, or contact the training team."
    ]
    assert not Booking.objects.exists()


def test_a_session_closing_one_working_day_before(session):
    session.booking_closes_working_days = 1
    session.save()
    session.refresh_from_db()
    assert session.booking_closes_on.isoformat() == "2023-05-30"
