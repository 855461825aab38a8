"""The pages of one step each (editing a finding, a recommendation's status, removing a dissemination, undoing
"not published", reopening) are refused (403) to subgroup members who only read the reviews, delegates and
outsiders, for GET and POST alike, before the record is looked up; nothing changes and no opening is logged."""

from datetime import date

import pytest
from django.urls import reverse

from reviews.models import Dissemination, ReviewViewing
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def step_urls():
    review = PracticeReviewFactory(
        not_published_reason="Not in the public interest.", report_received_on=date(2023, 1, 2)
    )
    finding = review.findings.create(number=1, text="Learning.")
    recommendation = RecommendationFactory(review=review)
    dissemination = Dissemination.objects.create(
        practice_review=review, channel="newsletter", date=date(2023, 2, 1), audience="Leads"
    )
    return review, [
        reverse("reviews:finding_edit", args=[review.pk, finding.pk]),
        reverse("reviews:recommendation_status", args=[review.pk, recommendation.pk]),
        reverse("reviews:dissemination_remove", args=[review.pk, dissemination.pk]),
        reverse("reviews:practice_review_undo_not_published", args=[review.pk]),
        reverse("reviews:practice_review_reopen", args=[review.pk]),
        # Not found for those allowed; refused first for the others.
        reverse("reviews:finding_edit", args=[999999, 999999]),
    ]


@pytest.mark.parametrize("role", ["partner", "delegate", "outsider"])
def test_each_step_page_is_refused(client, request, role):
    review, urls = step_urls()
    client.force_login(request.getfixturevalue(role))
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"reason": "Trying.", "finding-text": "Changed."}).status_code == 403, url
    assert Dissemination.objects.count() == 1
    assert review.findings.get().text == "Learning."
    review.refresh_from_db()
    assert review.not_published_reason == "Not in the public interest."
    assert not ReviewViewing.objects.exists()


def test_opening_a_step_page_is_logged_as_an_opening_of_the_review(client, chair):
    review, urls = step_urls()
    client.force_login(chair)
    for url in urls[:4]:
        assert client.get(url).status_code == 200, url
    assert ReviewViewing.objects.filter(practice_review=review, viewed_by=chair).count() == 4
    # A form sent back with its problems shows the page again: another opening.
    client.post(urls[0], {"finding-text": ""})
    assert ReviewViewing.objects.filter(practice_review=review, viewed_by=chair).count() == 5
