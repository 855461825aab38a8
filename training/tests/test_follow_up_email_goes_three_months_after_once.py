"""The follow-up evaluation e-mail goes three months after the session, once per attended delegate, however often
the daily job runs; sessions less than three months or more than six months ago are left alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from training import tasks
from training.services.evaluations import add_months
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def session_ended(days_ago):
    ends = timezone.now().replace(microsecond=0) - timedelta(days=days_ago)
    return CourseSessionFactory(starts_at=ends - timedelta(hours=3), ends_at=ends, status="held")


def test_sent_once_in_the_window(mailoutbox):
    today = timezone.localdate()
    due = session_ended((today - add_months(today, -3)).days + 1)
    due_bookings = [BookingFactory(session=due, status="attended") for _ in range(2)]
    BookingFactory(session=due, status="no_show")
    BookingFactory(session=session_ended(40), status="attended")  # too early
    BookingFactory(session=session_ended(400), status="attended")  # long past: imported attendance

    assert tasks.send_follow_up_evaluations.delay().get() == 2
    assert tasks.send_follow_up_evaluations.delay().get() == 0
    assert sorted(m.to[0] for m in mailoutbox) == sorted(b.delegate.email for b in due_bookings)
    assert all("Three months on" in m.subject and "/training/evaluations/" in m.body for m in mailoutbox)
