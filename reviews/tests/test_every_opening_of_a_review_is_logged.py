"""Each opening of an incident's or a practice review's page writes one log row (who, when, which record); the
business manager reads the log in the admin, read-only, and nobody else sees it there."""

import pytest
from django.urls import reverse

from reviews.models import ReviewViewing
from reviews.tests.factories import PracticeReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_each_opening_of_an_incident_writes_one_row(client, chair):
    incident = SeriousIncidentFactory(code_name="Child Z")
    client.force_login(chair)
    client.get(reverse("reviews:incident", args=[incident.pk]))
    client.get(reverse("reviews:incident", args=[incident.pk]))
    rows = list(ReviewViewing.objects.all())
    assert len(rows) == 2
    assert {(row.viewed_by, row.incident, row.practice_review) for row in rows} == {(chair, incident, None)}


def test_opening_a_practice_review_writes_one_row_and_a_list_writes_none(client, partner):
    review = PracticeReviewFactory(code_name="Family Z")
    client.force_login(partner)
    client.get(reverse("reviews:practice_reviews"))
    client.get(reverse("reviews:incidents"))
    assert not ReviewViewing.objects.exists()
    assert client.get(reverse("reviews:practice_review", args=[review.pk])).status_code == 200
    row = ReviewViewing.objects.get()
    assert (row.viewed_by, row.practice_review, row.incident) == (partner, review, None)


def test_a_refused_opening_writes_nothing(client, outsider):
    incident = SeriousIncidentFactory()
    client.force_login(outsider)
    assert client.get(reverse("reviews:incident", args=[incident.pk])).status_code == 403
    assert not ReviewViewing.objects.exists()


def test_the_business_manager_reads_the_log_read_only_in_the_admin(client, manager, chair):
    incident = SeriousIncidentFactory(code_name="Child Z")
    client.force_login(chair)
    client.get(reverse("reviews:incident", args=[incident.pk]))
    client.force_login(manager)
    listing = client.get(reverse("admin:reviews_reviewviewing_changelist"))
    assert listing.status_code == 200
    assert [row.incident for row in listing.context["cl"].result_list] == [incident]
    assert client.get(reverse("admin:reviews_reviewviewing_add")).status_code == 403
    row = ReviewViewing.objects.get()
    assert client.post(reverse("admin:reviews_reviewviewing_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    assert ReviewViewing.objects.count() == 1
