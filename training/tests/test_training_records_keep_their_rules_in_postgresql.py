"""The training records' invariants hold in the database itself, not only in forms: one delegate per work e-mail
whatever its capitals, one live booking per delegate and session, a session that ends after it starts, a score
from 1 to 5, and a stored booking-closing date."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction

from training.models import Booking, BookingStatus, EvaluationScore
from training.tests.factories import (
    BookingFactory,
    CourseSessionFactory,
    DelegateFactory,
    EvaluationFactory,
    LearningOutcomeFactory,
)

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_a_work_email_is_one_delegate_whatever_its_capitals():
    DelegateFactory(email="sam.jones@school.example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(email="Sam.Jones@School.Example.org")


def test_a_delegate_has_one_live_booking_per_session_but_may_book_again_after_cancelling():
    booking = BookingFactory(status=BookingStatus.CANCELLED_BY_DELEGATE)
    again = BookingFactory(session=booking.session, delegate=booking.delegate, status=BookingStatus.BOOKED)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(session=booking.session, delegate=booking.delegate, status=BookingStatus.WAITING_LIST)
    assert Booking.objects.filter(session=again.session).count() == 2


def test_a_session_ends_after_it_starts_and_has_places():
    start = datetime(2026, 6, 10, 9, 30, tzinfo=LONDON)
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseSessionFactory(starts_at=start, ends_at=start)
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseSessionFactory(starts_at=start, ends_at=start + timedelta(hours=1), capacity=0)


def test_a_confidence_score_is_from_one_to_five():
    evaluation = EvaluationFactory()
    outcome = LearningOutcomeFactory(course=evaluation.booking.session.course)
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationScore.objects.create(evaluation=evaluation, outcome=outcome, score=6)
    EvaluationScore.objects.create(evaluation=evaluation, outcome=outcome, score=5)


def test_the_closing_date_is_stored_three_working_days_before_by_default():
    # Thursday 15 June 2023: booking closes on Monday 12 June.
    session = CourseSessionFactory(
        starts_at=datetime(2023, 6, 15, 9, 30, tzinfo=LONDON), ends_at=datetime(2023, 6, 15, 12, 30, tzinfo=LONDON)
    )
    session.refresh_from_db()
    assert session.booking_closes_on.isoformat() == "2023-06-12"
