"""The workflow's guards hold when the chair uses the web forms: a publication date fewer than 7 working days
after sharing is refused on its field unless the reason is given, and a review with open actions closes only with
a reason, the message on the reason's field."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.tests.factories import ActionFactory
from reviews import services
from reviews.models import REVIEW_HAS_OPEN_ACTIONS, Recommendation, ReviewStage
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

SHARED = date(2023, 4, 27)  # Thursday; 1 and 8 May 2023 are bank holidays: the earliest publication is 10 May


@pytest.fixture
def signed_in(client, chair):
    client.force_login(chair)
    return client


@pytest.fixture
def shared_review():
    review = PracticeReviewFactory(code_name="Child P", commissioned_on=date(2022, 6, 1))
    services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2023, 4, 3))
    return services.record_stage(review=review, stage=ReviewStage.SHARED, on=SHARED)


def publish(client, review, day, reason=""):
    return client.post(
        reverse("reviews:practice_review_publication", args=[review.pk]),
        {"publication-published_on": day, "publication-publication_override_reason": reason},
    )


def test_publishing_too_soon_without_a_reason_is_refused_on_the_date(signed_in, shared_review):
    response = publish(signed_in, shared_review, "2023-05-09")
    assert response.status_code == 200
    [message] = response.context["publication_form"].errors["published_on"]
    assert "only 6 working day(s) after" in message and "Choose 10 May 2023 or later" in message
    shared_review.refresh_from_db()
    assert shared_review.published_on is None


def test_publishing_too_soon_with_a_reason_is_accepted_and_shown(signed_in, shared_review):
    response = publish(signed_in, shared_review, "2023-05-09", "The family asked for it before the anniversary.")
    assert response.status_code == 302
    shared_review.refresh_from_db()
    assert shared_review.published_on == date(2023, 5, 9)
    assert shared_review.publication_override_reason == "The family asked for it before the anniversary."
    page = signed_in.get(reverse("reviews:practice_review", args=[shared_review.pk])).content.decode()
    assert "fewer than 7 working days after sharing" in page


def test_publishing_on_the_seventh_working_day_needs_no_reason(signed_in, shared_review):
    assert publish(signed_in, shared_review, "2023-05-10").status_code == 302


@pytest.fixture
def published_with_an_open_action(shared_review):
    services.set_publication(review=shared_review, published_on=date(2023, 5, 10))
    recommendation = RecommendationFactory(review=shared_review)
    ActionFactory(source_type=ContentType.objects.get_for_model(Recommendation), source_id=recommendation.pk)
    return shared_review


def test_closing_with_an_open_action_needs_a_reason(signed_in, published_with_an_open_action):
    review = published_with_an_open_action
    response = signed_in.post(
        reverse("reviews:practice_review_closure", args=[review.pk]), {"closure-closed_on": "2023-06-01"}
    )
    assert response.status_code == 200
    assert response.context["closure_form"].errors["closure_reason"] == [REVIEW_HAS_OPEN_ACTIONS % {"count": 1}]
    assert 'value="2023-06-01"' in response.content.decode()
    review.refresh_from_db()
    assert review.closed_on is None


def test_closing_with_an_open_action_and_a_reason_is_recorded(signed_in, published_with_an_open_action):
    review = published_with_an_open_action
    response = signed_in.post(
        reverse("reviews:practice_review_closure", args=[review.pk]),
        {"closure-closed_on": "2023-06-01", "closure-closure_reason": "Followed up by the Education subgroup."},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.stage == ReviewStage.CLOSED and review.closure_reason == "Followed up by the Education subgroup."
