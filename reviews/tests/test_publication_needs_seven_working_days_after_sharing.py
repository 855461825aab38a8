"""A practice review is published no sooner than 7 working days after its report was shared with the National
Panel, the Secretary of State and Ofsted, unless the reason for publishing sooner is recorded; a local child
safeguarding practice review is not published before it is shared at all."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from reviews import services
from reviews.models import (
    OVERRIDE_REASON_NOT_NEEDED,
    PUBLISHED_BEFORE_SHARING,
    PUBLISHED_TOO_SOON_AFTER_SHARING,
    PracticeReview,
    ReviewStage,
)
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db

SHARED = date(2023, 4, 27)  # Thursday; 1 and 8 May 2023 are bank holidays
EARLIEST = date(2023, 5, 10)  # 28 April, 2, 3, 4, 5, 9, 10 May


@pytest.fixture
def shared_review():
    review = PracticeReviewFactory(code_name="Child P", commissioned_on=date(2022, 6, 1))
    services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2023, 4, 3))
    return services.record_stage(review=review, stage=ReviewStage.SHARED, on=SHARED)


def test_a_publication_date_too_soon_after_sharing_is_refused(shared_review):
    with pytest.raises(ValidationError) as error:
        services.set_publication(review=shared_review, planned_publication_on=date(2023, 5, 9))
    assert error.value.message_dict == {
        "planned_publication_on": [
            PUBLISHED_TOO_SOON_AFTER_SHARING
            % {
                "date": "9 May 2023",
                "days": 6,
                "shared": "27 April 2023",
                "minimum": 7,
                "earliest": "10 May 2023",
            }
        ]
    }
    assert PracticeReview.objects.get().planned_publication_on is None


def test_seven_working_days_after_sharing_is_accepted(shared_review):
    review = services.set_publication(review=shared_review, planned_publication_on=EARLIEST, published_on=EARLIEST)
    assert review.stage == ReviewStage.PUBLISHED
    assert review.publication_override_reason == ""


def test_sooner_with_a_recorded_reason_is_accepted(shared_review):
    review = services.set_publication(
        review=shared_review,
        published_on=date(2023, 5, 2),
        override_reason="The Panel agreed to an earlier date to coincide with the criminal trial's end.",
    )
    assert review.published_on == date(2023, 5, 2)
    assert review.history.first().publication_override_reason.startswith("The Panel agreed")


def test_a_reason_for_publishing_sooner_is_refused_when_it_is_not_sooner(shared_review):
    with pytest.raises(ValidationError) as error:
        services.set_publication(review=shared_review, published_on=EARLIEST, override_reason="Just in case.")
    assert error.value.message_dict == {"publication_override_reason": [OVERRIDE_REASON_NOT_NEEDED % {"minimum": 7}]}


def test_a_practice_review_is_not_published_before_it_is_shared():
    review = PracticeReviewFactory(code_name="Child U", commissioned_on=date(2022, 6, 1))
    services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2023, 4, 3))
    with pytest.raises(ValidationError) as error:
        services.set_publication(review=review, published_on=date(2023, 5, 10))
    assert error.value.message_dict == {"shared_on": [PUBLISHED_BEFORE_SHARING]}


def test_a_learning_review_need_not_be_shared_with_the_panel():
    review = PracticeReviewFactory(code_name="School L", kind="learning_review", commissioned_on=date(2022, 6, 1))
    services.record_stage(review=review, stage=ReviewStage.REPORT_RECEIVED, on=date(2023, 4, 3))
    review = services.set_publication(review=review, published_on=date(2023, 4, 20))
    assert review.stage == ReviewStage.PUBLISHED and review.share_due is None


def test_the_sharing_deadline_follows_the_planned_publication():
    review = PracticeReviewFactory(code_name="Child Z", commissioned_on=date(2022, 6, 1))
    review = services.set_publication(review=review, planned_publication_on=date(2023, 5, 10))
    assert review.share_due == date(2023, 4, 27)
