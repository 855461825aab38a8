"""A review can be held pending a coroner's inquest or criminal proceedings: the chair records it (since a date,
with a note) and lifts it on the review's page; the tracker and the timeline show it."""

from datetime import date

import pytest
from django.urls import reverse

from reviews.models import HELD_PENDING_DETAILS_WITHOUT_HOLD
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, chair):
    client.force_login(chair)
    return client


def hold(client, review, **data):
    return client.post(
        reverse("reviews:practice_review_hold", args=[review.pk]), {f"hold-{k}": v for k, v in data.items()}
    )


def test_a_held_review_shows_the_hold_on_the_tracker_and_the_timeline(signed_in):
    review = PracticeReviewFactory(code_name="Child H", commissioned_on=date(2022, 6, 1))
    response = hold(signed_in, review, held_pending="coroner", held_since="2022-07-04", held_note="Inquest in May.")
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.held_pending, review.held_since) == ("coroner", date(2022, 7, 4))

    tracker = signed_in.get(reverse("reviews:practice_reviews")).content.decode()
    assert "Held pending a coroner&#x27;s inquest</strong> since 4 Jul 2022" in tracker
    page = signed_in.get(reverse("reviews:practice_review", args=[review.pk]))
    labels = [step["label"] for step in page.context["timeline"]]
    assert labels[:3] == ["Commissioned", "Held pending a coroner's inquest", "Terms of reference agreed"]


def test_lifting_the_hold_clears_it(signed_in):
    review = PracticeReviewFactory(
        held_pending="criminal", held_since=date(2022, 7, 4), commissioned_on=date(2022, 6, 1)
    )
    assert hold(signed_in, review, held_pending="").status_code == 302
    review.refresh_from_db()
    assert (review.held_pending, review.held_since, review.held_note) == ("", None, "")
    page = signed_in.get(reverse("reviews:practice_review", args=[review.pk]))
    assert not any(step["label"].startswith("Held") for step in page.context["timeline"])


def test_a_date_without_a_hold_is_refused(signed_in):
    review = PracticeReviewFactory()
    response = hold(signed_in, review, held_pending="", held_since="2022-07-04")
    assert response.context["hold_form"].errors["held_pending"] == [HELD_PENDING_DETAILS_WITHOUT_HOLD]
    review.refresh_from_db()
    assert review.held_since is None
