"""The pages reached by the links e-mailed to people with no account (manage and cancel a booking, approve a
place, an evaluation, confirm new details) take at most settings.TRAINING_LINK_RATE_LIMIT posts from one address
in TRAINING_LINK_RATE_LIMIT_MINUTES, counted together; past that, 429 with Retry-After (the seconds until the
window ends) and nothing done. Reading them is never limited. The booking form's 429 carries Retry-After too."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from training import links
from training.models import BookingStatus, Evaluation
from training.tests.factories import BookingFactory, CourseFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db
HERE, ELSEWHERE = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def limit_of_two(settings):
    settings.TRAINING_LINK_RATE_LIMIT = 2
    settings.TRAINING_LINK_RATE_LIMIT_MINUTES = 10


def _assert_refused_with_retry_after(response, minutes=10):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= minutes * 60
    page = response.content.decode()
    assert page.count("<h1") == 1 and "<main" in page


def test_the_link_pages_share_one_count_per_address(client, limit_of_two):
    booked = BookingFactory()
    awaiting = BookingFactory(session=CourseSessionFactory(course=CourseFactory(needs_manager_approval=True)))
    awaiting.status = BookingStatus.AWAITING_APPROVAL
    awaiting.save()
    manage = reverse("training:manage_booking", kwargs={"token": links.manage_token(booked)})
    approve = reverse("training:approval", kwargs={"token": links.approval_token(awaiting)})

    assert client.post(manage, {}, REMOTE_ADDR=HERE).status_code == 200  # the confirmation step counts
    assert client.post(approve, {}, REMOTE_ADDR=HERE).status_code == 200  # no decision: the page again
    refused = client.post(approve, {"decision": "approve"}, REMOTE_ADDR=HERE)

    _assert_refused_with_retry_after(refused)
    awaiting.refresh_from_db()
    assert awaiting.status == BookingStatus.AWAITING_APPROVAL
    assert client.get(manage, REMOTE_ADDR=HERE).status_code == 200  # reading is never limited
    assert client.post(approve, {"decision": "approve"}, REMOTE_ADDR=ELSEWHERE).status_code == 302


def test_the_cancel_and_evaluation_posts_are_limited(client, limit_of_two):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=2)
    attended = BookingFactory(
        session=CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held"),
        status=BookingStatus.ATTENDED,
    )
    evaluation = reverse("training:evaluation", kwargs={"token": links.evaluation_token(attended, "after")})
    booked = BookingFactory()
    manage = reverse("training:manage_booking", kwargs={"token": links.manage_token(booked)})
    for _ in range(2):
        client.post(evaluation, {}, REMOTE_ADDR=HERE)

    _assert_refused_with_retry_after(client.post(evaluation, {"practice_changed": "no"}, REMOTE_ADDR=HERE))
    _assert_refused_with_retry_after(client.post(manage, {"confirmed": "1"}, REMOTE_ADDR=HERE))
    booked.refresh_from_db()
    assert booked.status == BookingStatus.BOOKED and not Evaluation.objects.exists()


def test_the_booking_forms_429_says_when_to_try_again(client, settings):
    settings.BOOKING_RATE_LIMIT = 1
    settings.BOOKING_RATE_LIMIT_MINUTES = 5
    url = reverse("training:book", kwargs={"pk": CourseSessionFactory().pk})
    client.post(url, {}, REMOTE_ADDR=HERE)
    response = client.post(url, {}, REMOTE_ADDR=HERE)
    _assert_refused_with_retry_after(response, minutes=5)
    assert "Wait 5 minutes" in response.content.decode()
