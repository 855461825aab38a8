"""A practice review closes once its publication is decided; while any action raised from its recommendations in the
shared tracker is still open, it closes only with a recorded reason."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from governance.action_sources import describe_source
from governance.tests.factories import ActionFactory
from reviews import services
from reviews.models import CLOSED_BEFORE_PUBLICATION_DECISION, REVIEW_HAS_OPEN_ACTIONS, Recommendation, ReviewStage
from reviews.selectors import open_actions_for
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def raise_action(recommendation, **kwargs):
    return ActionFactory(
        source_type=ContentType.objects.get_for_model(Recommendation), source_id=recommendation.pk, **kwargs
    )


@pytest.fixture
def published_review():
    review = PracticeReviewFactory(code_name="School H", kind="learning_review", commissioned_on=date(2022, 6, 1))
    services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2022, 11, 15))
    return services.set_publication(review=review, published_on=date(2023, 1, 25))


def test_an_action_raised_from_a_recommendation_appears_against_its_review(published_review):
    recommendation = RecommendationFactory(review=published_review, number=3)
    action = raise_action(recommendation)
    raise_action(RecommendationFactory())  # another review's
    assert list(open_actions_for(published_review)) == [action]
    assert list(recommendation.actions.all()) == [action]
    assert describe_source(action) == "Recommendation 3 of School H"
    action.full_clean()  # a recommendation is an allowed source


def test_a_review_with_open_actions_does_not_close_without_a_reason(published_review):
    recommendation = RecommendationFactory(review=published_review)
    raise_action(recommendation)
    raise_action(recommendation, status="on_track")
    raise_action(RecommendationFactory(review=published_review), status="complete", completed_on=date(2023, 5, 1))
    assert open_actions_for(published_review).count() == 2
    with pytest.raises(ValidationError) as error:
        services.close_review(review=published_review, closed_on=date(2023, 6, 1))
    assert error.value.message_dict == {"closure_reason": [REVIEW_HAS_OPEN_ACTIONS % {"count": 2}]}
    published_review.refresh_from_db()
    assert published_review.closed_on is None and published_review.stage == ReviewStage.PUBLISHED


def test_with_a_reason_it_closes_and_keeps_the_reason(published_review):
    raise_action(RecommendationFactory(review=published_review))
    review = services.close_review(
        review=published_review, closed_on=date(2023, 6, 1), reason="Followed up through the school's action plan."
    )
    assert review.stage == ReviewStage.CLOSED
    assert review.closure_reason == "Followed up through the school's action plan."


def test_with_every_action_closed_it_closes_without_a_reason(published_review):
    raise_action(RecommendationFactory(review=published_review), status="complete", completed_on=date(2023, 5, 1))
    # A recommendation still marked open but with no open action does not hold the review open: the actions do.
    RecommendationFactory(review=published_review, status="open")
    review = services.close_review(review=published_review, closed_on=date(2023, 6, 1), reason="not needed")
    assert review.stage == ReviewStage.CLOSED and review.closure_reason == ""


def test_a_review_not_yet_published_or_withheld_does_not_close():
    review = PracticeReviewFactory(code_name="Child C", commissioned_on=date(2022, 6, 1))
    with pytest.raises(ValidationError) as error:
        services.close_review(review=review, closed_on=date(2023, 6, 1), reason="Abandoned.")
    assert error.value.message_dict == {"closed_on": [CLOSED_BEFORE_PUBLICATION_DECISION]}


def test_the_admin_path_keeps_the_same_rule(published_review):
    raise_action(RecommendationFactory(review=published_review))
    published_review.closed_on = date(2023, 6, 1)
    with pytest.raises(ValidationError) as error:
        published_review.full_clean()
    assert error.value.message_dict["closure_reason"] == [REVIEW_HAS_OPEN_ACTIONS % {"count": 1}]
