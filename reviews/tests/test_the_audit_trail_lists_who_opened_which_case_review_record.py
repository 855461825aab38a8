"""Each opening of a case review record's page, which the reviews app logs, is on the business manager's audit trail
(lscp/audit_trail/, fed by reviews/audit_trail.py): who, which record, when; and the record filters find it."""

import pytest
from django.urls import reverse

from reviews.tests.factories import PracticeReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def openings(client, **filters):
    response = client.get(reverse("audit_trail"), {"event": "viewed", **filters})
    assert response.status_code == 200
    return [(entry.who, entry.record_kind, entry.record_name) for entry in response.context["entries"]]


def test_the_chairs_opening_of_an_incident_and_of_a_practice_review_are_listed_newest_first(client, chair, manager):
    incident = SeriousIncidentFactory(code_name="Child Q")
    review = PracticeReviewFactory(code_name="Family Q")
    client.force_login(chair)
    client.get(reverse("reviews:incident", args=[incident.pk]))
    client.get(reverse("reviews:practice_review", args=[review.pk]))
    client.force_login(manager)

    assert openings(client) == [
        ("chair", "Practice review", "Family Q"),
        ("chair", "Serious incident", "Child Q"),
    ]
    assert openings(client, record_kind="reviews.seriousincident") == [("chair", "Serious incident", "Child Q")]
    assert openings(client, record="family") == [("chair", "Practice review", "Family Q")]
    assert openings(client, record=str(incident.pk), record_kind="reviews.seriousincident") == [
        ("chair", "Serious incident", "Child Q")
    ]
    assert openings(client, person="manager") == []
