"""The follow-up evaluation may be answered from three to six months after the session, as the daily job that
e-mails it assumes: after the end of the day six months on, its link shows a page saying it has closed and when,
and an answer posted (or sent to the service) is refused and saves nothing. On the last day it is still taken."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from training import links
from training.models import Evaluation
from training.services.evaluations import submit_evaluation
from training.tests.factories import BookingFactory, CourseSessionFactory, LearningOutcomeFactory

pytestmark = pytest.mark.django_db


def _attended(ended_on):
    ends = timezone.make_aware(datetime.combine(ended_on, time(12)))
    session = CourseSessionFactory(starts_at=ends - timedelta(hours=3), ends_at=ends, status="held")
    outcome = LearningOutcomeFactory(course=session.course)
    return BookingFactory(session=session, status="attended"), outcome


def _answers(outcome):
    return {f"score_{outcome.pk}": "4", "practice_changed": "yes", "practice_change": "I refer earlier."}


def _path(booking):
    return "/" + links.evaluation_url(booking, "follow_up").split("//", 1)[1].split("/", 1)[1]


def test_years_after_the_session_the_follow_up_is_closed_with_a_clear_page(client):
    booking, outcome = _attended(timezone.localdate() - timedelta(days=3 * 365))
    page = client.get(_path(booking))
    html = page.content.decode()
    assert page.status_code == 200 and html.count("<h1") == 1
    assert "This evaluation has closed" in html and "six months after the session" in html
    assert "<form" not in html.split("</h1>", 1)[1].split("</main>", 1)[0]

    posted = client.post(_path(booking), _answers(outcome))
    assert "This evaluation has closed" in posted.content.decode()
    assert not Evaluation.objects.exists()


def test_the_service_refuses_the_day_after_six_months_and_takes_the_last_day():
    booking, outcome = _attended(datetime(2025, 1, 15).date())
    last_day = timezone.make_aware(datetime(2025, 7, 15, 23, 0))
    with pytest.raises(ValidationError) as refused:
        submit_evaluation(
            booking=booking,
            stage="follow_up",
            scores={outcome.pk: 4},
            practice_changed=False,
            now=last_day + timedelta(hours=2),
        )
    (message,) = refused.value.messages
    assert message.startswith("The follow-up evaluation closed at the end of 15 July 2025, six months after")
    assert not Evaluation.objects.exists()
    evaluation = submit_evaluation(
        booking=booking, stage="follow_up", scores={outcome.pk: 4}, practice_changed=False, now=last_day
    )
    assert evaluation.stage == "follow_up"
