"""The chair or the business manager takes back "not published" through a confirmation with the reason: the review's
publication is undecided again and the history keeps the reason, who gave it and what the review said before. Not
for a closed review (it is reopened first), nor for one not recorded as not published."""

import html
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services
from reviews.models import ReviewStage
from reviews.services import (
    NOT_RECORDED_AS_NOT_PUBLISHED,
    REASON_TOO_LONG,
    UNDO_NOT_PUBLISHED_NEEDS_REASON,
    UNDO_NOT_PUBLISHED_OF_A_CLOSED_REVIEW,
    history_reason_max_length,
)
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return PracticeReviewFactory(code_name="Child U", not_published_reason="The family asked that it is not.")


def undo_url(review):
    return reverse("reviews:practice_review_undo_not_published", args=[review.pk])


@pytest.mark.parametrize("role", ["chair", "manager"])
def test_not_published_is_undone_and_the_history_says_who_and_why(client, request, review, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert undo_url(review) in client.get(reverse("reviews:practice_review", args=[review.pk])).content.decode()
    page = client.get(undo_url(review))
    assert "The family asked that it is not." in page.content.decode()

    response = client.post(undo_url(review), {"reason": "The family now agree to publication."})
    assert response["Location"] == reverse("reviews:practice_review", args=[review.pk]) + "#publication"
    review.refresh_from_db()
    assert review.not_published_reason == "" and review.stage == ReviewStage.COMMISSIONED
    latest = review.history.latest("history_date")
    assert (latest.history_user, latest.history_change_reason) == (user, "The family now agree to publication.")
    assert latest.prev_record.not_published_reason == "The family asked that it is not."


def test_without_a_reason_or_with_too_long_a_one_it_comes_back_as_typed(client, chair, review):
    client.force_login(chair)
    response = client.post(undo_url(review), {"reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    maximum = history_reason_max_length()
    too_long = "x" * (maximum + 5)
    response = client.post(undo_url(review), {"reason": too_long})
    assert response.context["form"].errors["reason"] == [REASON_TOO_LONG % {"max": maximum, "length": maximum + 5}]
    assert too_long in response.content.decode()
    review.refresh_from_db()
    assert review.not_published_reason == "The family asked that it is not."


def test_the_service_refuses_an_empty_reason_in_its_own_words(chair, review):
    with pytest.raises(ValidationError) as refused:
        services.undo_not_published(review=review, reason=" ", by=chair)
    assert refused.value.message_dict["reason"] == [UNDO_NOT_PUBLISHED_NEEDS_REASON]


def test_a_closed_review_is_reopened_first(client, chair, review):
    review.closed_on = date(2023, 3, 1)
    review.save()
    client.force_login(chair)
    message = UNDO_NOT_PUBLISHED_OF_A_CLOSED_REVIEW % {"code": "Child U", "date": "1 March 2023"}
    assert message in html.unescape(client.get(undo_url(review)).content.decode())
    response = client.post(undo_url(review), {"reason": "The family now agree."})
    assert response.status_code == 200 and message in html.unescape(response.content.decode())
    review.refresh_from_db()
    assert review.not_published_reason and review.closed_on


def test_nothing_to_undo_on_a_review_not_recorded_as_not_published(client, chair):
    review = PracticeReviewFactory(code_name="Child P")
    client.force_login(chair)
    response = client.post(undo_url(review), {"reason": "By mistake."})
    assert response.status_code == 200
    assert NOT_RECORDED_AS_NOT_PUBLISHED % {"code": "Child P"} in html.unescape(response.content.decode())
