"""A practice review that follows a rapid review needs that rapid review to have decided on a local review; its
stage follows its recorded steps, and the steps that have their own guards are not taken by record_stage."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from reviews import services
from reviews.models import JOINT_REVIEW_NEEDS_BOARD, REVIEW_NOT_DECIDED_ON, PracticeReview, ReviewStage
from reviews.services import STAGE_HAS_ITS_OWN_STEP
from reviews.tests.factories import DecidedRapidReviewFactory, PracticeReviewFactory

pytestmark = pytest.mark.django_db


def test_no_practice_review_from_a_decision_of_no_further_review():
    rapid_review = DecidedRapidReviewFactory(incident__code_name="Child N", decision="no_further_review")
    with pytest.raises(ValidationError) as error:
        services.commission_practice_review(
            code_name="Child N", kind="lcspr", commissioned_on=date(2022, 10, 1), rapid_review=rapid_review
        )
    assert error.value.message_dict == {
        "rapid_review": [REVIEW_NOT_DECIDED_ON % {"code": "Child N", "decision": "No further review"}]
    }
    assert not PracticeReview.objects.exists()


def test_a_joint_review_names_the_adults_board():
    with pytest.raises(ValidationError) as error:
        services.commission_practice_review(code_name="Family M", kind="joint_sab", commissioned_on=date(2023, 3, 29))
    assert error.value.message_dict == {"joint_with": [JOINT_REVIEW_NEEDS_BOARD]}


def test_the_stage_follows_the_steps_recorded():
    review = PracticeReviewFactory(code_name="Child T", commissioned_on=date(2022, 6, 1))
    assert review.stage == ReviewStage.COMMISSIONED
    review = services.record_stage(review=review, stage=ReviewStage.TERMS_AGREED, on=date(2022, 7, 1))
    assert review.stage == ReviewStage.TERMS_AGREED
    review = services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2022, 12, 1))
    assert review.stage == ReviewStage.REPORT_RECEIVED
    with pytest.raises(ValidationError) as error:
        services.record_stage(review=review, stage=ReviewStage.PUBLISHED, on=date(2023, 1, 1))
    assert error.value.message_dict == {"stage": [STAGE_HAS_ITS_OWN_STEP % {"stage": "Published"}]}
    review = services.record_not_published(review=review, reason="Publishing would identify the family.")
    assert review.stage == ReviewStage.NOT_PUBLISHED
