"""Bad input on the evaluation form comes back with each problem under its question and what was typed kept, and
nothing is saved; a changed or stage-swapped link is refused."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from training import links
from training.models import Evaluation
from training.services.evaluations import PRACTICE_CHANGE_MISSING, SCORE_MISSING
from training.tests.factories import BookingFactory, CourseSessionFactory, LearningOutcomeFactory

pytestmark = pytest.mark.django_db


def path_of(url):
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


def test_a_missing_score_and_a_missing_how_are_explained_and_the_rest_kept(client):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=120)
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
    scored = LearningOutcomeFactory(course=session.course, text="Apply the threshold guide")
    skipped = LearningOutcomeFactory(course=session.course, text="Share information lawfully")
    booking = BookingFactory(session=session, status="attended")
    url = path_of(links.evaluation_url(booking, "follow_up"))

    page = client.post(
        url, {f"score_{scored.pk}": "4", "practice_changed": "yes", "practice_change": "", "comments": "Kept text"}
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert SCORE_MISSING in html and PRACTICE_CHANGE_MISSING in html
    assert f'href="#id_score_{skipped.pk}_0"' in html  # the summary links to the question
    assert f'value="4" name="score_{scored.pk}"' in html.replace('type="radio" ', "") or "checked" in html
    assert "Kept text" in html
    assert not Evaluation.objects.exists()


def test_a_link_changed_by_a_character_or_for_another_stage_is_refused(client):
    booking = BookingFactory(status="booked")
    token = links.evaluation_token(booking, "before")
    assert client.get(f"/training/evaluations/{token[:-1]}x/").status_code == 404
    manage = links.manage_token(booking)  # a link signed for another purpose
    assert client.get(f"/training/evaluations/{manage}/").status_code == 404
    forged = signing.dumps({"booking": booking.pk, "stage": "nonsense"}, salt=links.EVALUATION_SALT, compress=True)
    assert client.get(f"/training/evaluations/{forged}/").status_code == 404
