"""A dissemination recorded by mistake is removed from the review's page through a confirmation: opening the
confirmation removes nothing, only its POST does; the history keeps the record and who removed it."""

from datetime import date

import pytest
from django.urls import reverse

from reviews.models import Dissemination
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dissemination():
    review = PracticeReviewFactory(code_name="Child D")
    return Dissemination.objects.create(
        practice_review=review, channel="newsletter", date=date(2023, 2, 15), audience="Designated leads"
    )


def remove_url(dissemination):
    return reverse("reviews:dissemination_remove", args=[dissemination.practice_review_id, dissemination.pk])


@pytest.mark.parametrize("role", ["chair", "manager"])
def test_the_confirmation_removes_nothing_and_its_post_removes_it(client, request, dissemination, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    review_page = client.get(reverse("reviews:practice_review", args=[dissemination.practice_review_id]))
    assert remove_url(dissemination) in review_page.content.decode()

    page = client.get(remove_url(dissemination))
    assert page.status_code == 200
    assert "Designated leads" in page.content.decode() and "Remove the dissemination" in page.content.decode()
    assert Dissemination.objects.filter(pk=dissemination.pk).exists()

    response = client.post(remove_url(dissemination))
    assert (
        response["Location"]
        == reverse("reviews:practice_review", args=[dissemination.practice_review_id]) + "#dissemination"
    )
    assert not Dissemination.objects.filter(pk=dissemination.pk).exists()
    removed = Dissemination.history.filter(id=dissemination.pk).latest("history_date")
    assert removed.history_type == "-" and removed.history_user == user and removed.audience == "Designated leads"


def test_a_dissemination_of_another_review_is_not_found(client, chair, dissemination):
    other = PracticeReviewFactory()
    client.force_login(chair)
    assert client.post(reverse("reviews:dissemination_remove", args=[other.pk, dissemination.pk])).status_code == 404
    assert Dissemination.objects.filter(pk=dissemination.pk).exists()
