"""Two runs of the daily follow-up evaluation job at the same moment (beat fired twice, or two workers) send each
delegate one e-mail: a run locks a booking's row while it sends, and the other skips it. Real PostgreSQL, two
connections."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lscp.overlapping_runs import run_twice_at_once
from training.models import Booking
from training.services.evaluations import add_months, send_follow_up_evaluations
from training.tests.factories import BookingFactory, CourseSessionFactory


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_the_follow_up_once(mailoutbox):
    today = timezone.localdate()
    ends = timezone.now().replace(microsecond=0) - timedelta(days=(today - add_months(today, -3)).days + 1)
    session = CourseSessionFactory(starts_at=ends - timedelta(hours=3), ends_at=ends, status="held")
    booking = BookingFactory(session=session, status="attended")

    first, second = run_twice_at_once(send_follow_up_evaluations)

    assert (first, second) == (1, 0)
    assert [message.to for message in mailoutbox] == [[booking.delegate.email]]
    assert Booking.objects.get(pk=booking.pk).follow_up_sent_at is not None
