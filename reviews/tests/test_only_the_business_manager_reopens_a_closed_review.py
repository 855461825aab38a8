"""A closed review is reopened by the business manager alone, through a confirmation with the reason; the history
keeps who reopened it, why, and the date and reason it had been closed with. The chair is told to ask them and is
refused the page (403)."""

import html
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services
from reviews.models import ReviewStage
from reviews.services import NOT_CLOSED, REOPEN_NEEDS_REASON
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return PracticeReviewFactory(
        code_name="Child R",
        report_received_on=date(2023, 1, 2),
        shared_on=date(2023, 1, 10),
        published_on=date(2023, 2, 1),
        closed_on=date(2023, 3, 1),
    )


def reopen_url(review):
    return reverse("reviews:practice_review_reopen", args=[review.pk])


def test_the_business_manager_reopens_with_the_reason_kept_in_the_history(client, manager, review):
    client.force_login(manager)
    assert reopen_url(review) in client.get(reverse("reviews:practice_review", args=[review.pk])).content.decode()
    assert "1 March 2023" in client.get(reopen_url(review)).content.decode()

    response = client.post(reopen_url(review), {"reason": "The inquest found facts the review did not consider."})
    assert response["Location"] == reverse("reviews:practice_review", args=[review.pk]) + "#publication"
    review.refresh_from_db()
    assert review.closed_on is None and review.stage == ReviewStage.PUBLISHED
    latest = review.history.latest("history_date")
    assert latest.history_user == manager
    assert latest.history_change_reason == "The inquest found facts the review did not consider."
    assert latest.prev_record.closed_on == date(2023, 3, 1)


def test_the_chair_is_refused_and_told_to_ask_the_business_manager(client, chair, review):
    client.force_login(chair)
    page = client.get(reverse("reviews:practice_review", args=[review.pk])).content.decode()
    assert reopen_url(review) not in page and "Only the business manager reopens a closed review" in page
    assert client.get(reopen_url(review)).status_code == 403
    assert client.post(reopen_url(review), {"reason": "Wanted to change a finding."}).status_code == 403
    review.refresh_from_db()
    assert review.closed_on == date(2023, 3, 1)


def test_without_a_reason_it_comes_back(client, manager, review):
    client.force_login(manager)
    response = client.post(reopen_url(review), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    with pytest.raises(ValidationError) as refused:
        services.reopen_review(review=review, reason="", by=manager)
    assert refused.value.message_dict["reason"] == [REOPEN_NEEDS_REASON]
    review.refresh_from_db()
    assert review.closed_on == date(2023, 3, 1)


def test_an_open_review_has_nothing_to_reopen(client, manager):
    review = PracticeReviewFactory(code_name="Child O")
    client.force_login(manager)
    response = client.post(reopen_url(review), {"reason": "By mistake."})
    assert response.status_code == 200
    assert NOT_CLOSED % {"code": "Child O"} in html.unescape(response.content.decode())
