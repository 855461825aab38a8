"""A form of an incident's or a practice review's page that is refused shows the whole page again, with every record
on it: that is an opening of the record, logged like opening the page. So is a step page shown again with its
problems. A form that saves goes back to the page (a redirect, which shows nothing) and logs nothing itself."""

import pytest
from django.urls import reverse

from reviews.models import ReviewViewing
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def viewings():
    return [(row.viewed_by, row.incident, row.practice_review) for row in ReviewViewing.objects.all()]


def test_a_refused_form_of_an_incidents_page_logs_a_viewing_of_the_incident(client, chair):
    incident = SeriousIncidentFactory(code_name="Child Z")
    client.force_login(chair)
    refused = client.post(reverse("reviews:incident_notification", args=[incident.pk]), {"notified_on": "not a date"})
    assert refused.status_code == 200 and "Child Z" in refused.content.decode()
    assert viewings() == [(chair, incident, None)]


def test_a_refused_form_of_a_practice_reviews_page_logs_a_viewing_of_the_review(client, chair):
    review = PracticeReviewFactory(code_name="Family Z")
    client.force_login(chair)
    refused = client.post(reverse("reviews:finding_add", args=[review.pk]), {"finding-text": ""})
    assert refused.status_code == 200 and refused.context["finding_form"].errors
    assert viewings() == [(chair, None, review)]


def test_a_step_page_shown_again_with_its_problems_logs_a_viewing(client, chair):
    recommendation = RecommendationFactory()
    client.force_login(chair)
    url = reverse("reviews:recommendation_status", args=[recommendation.review.pk, recommendation.pk])
    refused = client.post(url, {"status-status": "no such status"})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert viewings() == [(chair, None, recommendation.review)]


def test_a_form_that_saves_logs_nothing_itself(client, chair):
    review = PracticeReviewFactory()
    client.force_login(chair)
    saved = client.post(reverse("reviews:finding_add", args=[review.pk]), {"finding-text": "A learning point."})
    assert saved.status_code == 302
    assert viewings() == []
