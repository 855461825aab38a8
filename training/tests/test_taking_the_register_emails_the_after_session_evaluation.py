"""Taking a session's register e-mails each delegate marked attended their after-session evaluation link, once it
is saved; nobody marked a no-show gets one, and taking the register again (a correction) sends nothing twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from training.models import BookingStatus
from training.services.organiser import take_register
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_attended_delegates_are_emailed_when_the_register_is_taken_and_not_again(
    manager, mailoutbox, django_capture_on_commit_callbacks
):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))
    came, missed = BookingFactory(session=session), BookingFactory(session=session)
    marks = {came.pk: BookingStatus.ATTENDED, missed.pk: BookingStatus.NO_SHOW}

    with django_capture_on_commit_callbacks(execute=True):
        take_register(session=session, marks=marks, by=manager)
    assert [message.to for message in mailoutbox] == [[came.delegate.email]]
    assert "/training/evaluations/" in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        take_register(session=session, marks=marks, by=manager)
    assert len(mailoutbox) == 1
