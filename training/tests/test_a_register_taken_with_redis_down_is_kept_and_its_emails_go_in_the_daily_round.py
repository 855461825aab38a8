"""Taking a register while Redis (the job service) is down: the register is saved, the after-session evaluation
e-mails that could not be queued are logged as not sent, and the daily round sends them once Redis is back."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from training import tasks
from training.models import BookingStatus
from training.services.organiser import take_register
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_the_register_is_kept_and_the_daily_round_sends_the_emails(
    manager, mailoutbox, redis_down, caplog, django_capture_on_commit_callbacks
):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))
    came = BookingFactory(session=session)

    with caplog.at_level(logging.WARNING, logger="lscp.background"), django_capture_on_commit_callbacks(execute=True):
        take_register(session=session, marks={came.pk: BookingStatus.ATTENDED}, by=manager)

    session.refresh_from_db()
    assert session.register_taken_at is not None
    assert mailoutbox == []
    assert "send_after_session_evaluations" in caplog.text and "the job service (Redis) did not answer" in caplog.text

    redis_down.back()
    tasks.send_due_after_session_evaluations.delay()
    assert [message.to for message in mailoutbox] == [[came.delegate.email]]
