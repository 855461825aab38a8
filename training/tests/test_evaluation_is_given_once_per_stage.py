"""A delegate answers each evaluation stage once: the form by its signed link records the scores per learning
outcome, and a second answer to the same stage is refused with a clear page (nothing saved twice), while another
stage stays open."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from training import links
from training.models import EVALUATION_ALREADY_GIVEN, Evaluation, EvaluationScore
from training.services.evaluations import submit_evaluation
from training.tests.factories import BookingFactory, CourseSessionFactory, LearningOutcomeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended():
    starts = timezone.now().replace(microsecond=0) - timedelta(days=2)
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
    first = LearningOutcomeFactory(course=session.course, text="Recognise the signs of neglect")
    second = LearningOutcomeFactory(course=session.course, text="Make a referral to the front door")
    return BookingFactory(session=session, status="attended"), first, second


def answers(first, second):
    return {f"score_{first.pk}": "2", f"score_{second.pk}": "5", "practice_changed": "no", "comments": "Useful."}


def test_the_second_answer_to_a_stage_gets_a_clear_page(client, attended):
    booking, first, second = attended
    url = links.evaluation_url(booking, "after").split("//", 1)[1].split("/", 1)[1]
    page = client.get("/" + url)
    html = page.content.decode()
    assert page.status_code == 200
    # Each radio group is named by its learning outcome.
    assert (
        "<legend" in html and "Recognise the signs of neglect" in html and "Make a referral to the front door" in html
    )

    sent = client.post("/" + url, answers(first, second), follow=True)
    assert "Thank you: your evaluation is in" in sent.content.decode()
    evaluation = Evaluation.objects.get(booking=booking, stage="after")
    assert sorted(evaluation.scores.values_list("score", flat=True)) == [2, 5]
    assert evaluation.practice_changed is False and evaluation.comments == "Useful."

    again = client.post("/" + url, answers(first, second))
    assert again.status_code == 200
    assert "Thank you: your evaluation is in" in again.content.decode()
    assert "Each evaluation is answered once" in again.content.decode()
    assert Evaluation.objects.filter(booking=booking).count() == 1
    assert EvaluationScore.objects.filter(evaluation__booking=booking).count() == 2


def test_the_service_refuses_a_second_answer_and_another_stage_stays_open(attended):
    booking, first, second = attended
    now = timezone.now()
    submit_evaluation(booking=booking, stage="after", scores={first.pk: 3, second.pk: 4}, practice_changed=False)
    with pytest.raises(ValidationError) as refused:
        submit_evaluation(booking=booking, stage="after", scores={first.pk: 5, second.pk: 5}, practice_changed=False)
    assert refused.value.messages == [EVALUATION_ALREADY_GIVEN]
    follow_up = submit_evaluation(
        booking=booking,
        stage="follow_up",
        scores={first.pk: 4, second.pk: 4},
        practice_changed=True,
        practice_change="I now refer earlier.",
        now=now + timedelta(days=100),
    )
    assert follow_up.stage == "follow_up"
    assert set(Evaluation.objects.filter(booking=booking).values_list("stage", flat=True)) == {"after", "follow_up"}
