"""The booking confirmation carries the link to the evaluation before the session, which opens its form (with the
course's learning outcomes) until the session starts, and then says it is closed."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from training.models import CourseSession
from training.services.bookings import book_place
from training.services.evaluations import EVALUATION_BEFORE_TOO_LATE
from training.tests.factories import CourseSessionFactory, LearningOutcomeFactory, place_details

pytestmark = pytest.mark.django_db


def test_the_before_link_opens_the_form_until_the_session_starts(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory()
    LearningOutcomeFactory(course=session.course, text="Know the local threshold guide")
    with django_capture_on_commit_callbacks(execute=True):
        book_place(session=session, **place_details())

    path = re.search(r"https?://[^/\s]+(/training/evaluations/[^\s]+/)", mailoutbox[0].body).group(1)
    page = client.get(path)
    assert page.status_code == 200
    assert "Before the session" in page.content.decode() and "Know the local threshold guide" in page.content.decode()

    started = timezone.now() - timedelta(minutes=5)
    CourseSession.objects.filter(pk=session.pk).update(starts_at=started, ends_at=started + timedelta(hours=3))
    assert EVALUATION_BEFORE_TOO_LATE in client.get(path).content.decode()
