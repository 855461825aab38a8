"""Taking the register queues the after-session e-mail: every delegate marked attended gets their evaluation link
once, however often the task runs (and the daily safety net sends nothing more). A mail server that refuses leaves
the sent marker empty, so the next run sends that e-mail, and only that one."""

from datetime import timedelta

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from training import tasks
from training.models import Booking
from training.services.evaluations import EvaluationMailsNotSent
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """A mail server that refuses every message (a real backend class, configured like any other)."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


@pytest.fixture
def register_taken():
    starts = timezone.now().replace(microsecond=0) - timedelta(hours=5)
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
    attended = [BookingFactory(session=session, status="attended") for _ in range(3)]
    BookingFactory(session=session, status="no_show")
    BookingFactory(session=session, status="cancelled_by_delegate")
    return session, attended


def test_each_attended_delegate_is_emailed_once(register_taken, mailoutbox):
    session, attended = register_taken
    assert tasks.send_after_session_evaluations.delay(session.pk).get() == 3
    assert tasks.send_after_session_evaluations.delay(session.pk).get() == 0
    tasks.send_due_after_session_evaluations.delay().get()
    assert sorted(m.to[0] for m in mailoutbox) == sorted(b.delegate.email for b in attended)
    assert all("/training/evaluations/" in m.body for m in mailoutbox)
    assert not Booking.objects.filter(status="attended", after_evaluation_sent_at__isnull=True).exists()


def test_a_refused_email_is_sent_by_the_next_run(register_taken, settings, mailoutbox):
    session, attended = register_taken
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with pytest.raises(EvaluationMailsNotSent):
        tasks.send_after_session_evaluations.apply(args=[session.pk], throw=True, retries=5).get()
    assert Booking.objects.filter(session=session, after_evaluation_sent_at__isnull=True).count() == 5

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tasks.send_due_after_session_evaluations.delay().get()  # the daily safety net
    assert len(mailoutbox) == 3
    tasks.send_due_after_session_evaluations.delay().get()
    assert len(mailoutbox) == 3
