"""The chair or the business manager records the partnership's decision on a recommendation on its own page: its
status and what was decided and done. Not taken forward needs the reason; complete needs every action raised from
it closed in the tracker. The history keeps each change and who made it; bad input comes back as typed."""

import html
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.models import ActionStatus
from governance.tests.factories import ActionFactory
from reviews.models import Recommendation, RecommendationStatus
from reviews.services import (
    RECOMMENDATION_COMPLETE_WITH_OPEN_ACTIONS,
    RECOMMENDATION_NOT_TAKEN_FORWARD_NEEDS_REASON,
)
from reviews.tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def status_url(recommendation):
    return reverse("reviews:recommendation_status", args=[recommendation.review_id, recommendation.pk])


def action_of(recommendation, status):
    return ActionFactory(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
        status=status,
        completed_on=date(2023, 10, 2) if status == ActionStatus.COMPLETE else None,
    )


@pytest.mark.parametrize("role", ["chair", "manager"])
def test_a_recommendation_is_recorded_as_not_taken_forward_with_the_reason(client, request, role):
    user = request.getfixturevalue(role)
    recommendation = RecommendationFactory()
    client.force_login(user)
    page = client.get(status_url(recommendation))
    assert page.status_code == 200 and page.context["form"].initial["status"] == RecommendationStatus.OPEN

    response = client.post(
        status_url(recommendation),
        {"status-status": "not_taken_forward", "status-response": "Superseded by the national guidance."},
    )
    assert response["Location"] == (
        reverse("reviews:practice_review", args=[recommendation.review_id]) + f"#recommendation-{recommendation.pk}"
    )
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.NOT_TAKEN_FORWARD
    assert recommendation.response == "Superseded by the national guidance."
    latest = recommendation.history.latest("history_date")
    assert latest.history_user == user and latest.status == RecommendationStatus.NOT_TAKEN_FORWARD
    assert recommendation.history.earliest("history_date").status == RecommendationStatus.OPEN


def test_not_taken_forward_without_a_reason_comes_back(client, chair):
    recommendation = RecommendationFactory()
    client.force_login(chair)
    response = client.post(status_url(recommendation), {"status-status": "not_taken_forward", "status-response": " "})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["response"] == [RECOMMENDATION_NOT_TAKEN_FORWARD_NEEDS_REASON]
    assert form["status"].value() == "not_taken_forward"
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.OPEN


def test_complete_waits_for_its_actions_to_close_in_the_tracker(client, chair):
    recommendation = RecommendationFactory()
    action_of(recommendation, ActionStatus.COMPLETE)
    open_action = action_of(recommendation, ActionStatus.ON_TRACK)
    client.force_login(chair)
    typed = {"status-status": "complete", "status-response": "The protocol is in every school."}
    response = client.post(status_url(recommendation), typed)
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == [RECOMMENDATION_COMPLETE_WITH_OPEN_ACTIONS % {"count": 1}]
    assert "The protocol is in every school." in html.unescape(response.content.decode())
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.OPEN

    open_action.status = ActionStatus.CANCELLED
    open_action.save()  # a cancelled action is closed too
    assert client.post(status_url(recommendation), typed).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.COMPLETE


def test_the_review_page_shows_the_decision_and_links_to_the_status_page(client, chair, partner):
    recommendation = RecommendationFactory(response="Accepted; the guidance is being rewritten.")
    review_url = reverse("reviews:practice_review", args=[recommendation.review_id])
    client.force_login(chair)
    page = client.get(review_url).content.decode()
    assert "Accepted; the guidance is being rewritten." in page and status_url(recommendation) in page
    client.force_login(partner)
    page = client.get(review_url).content.decode()
    assert "Accepted; the guidance is being rewritten." in page and status_url(recommendation) not in page
