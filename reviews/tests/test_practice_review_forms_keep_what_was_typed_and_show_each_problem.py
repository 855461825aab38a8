"""Bad input on each form of the practice review's page, and on commissioning a review from the incident's page,
comes back with a clear message on the field it is about, what was typed kept in the page, and nothing saved."""

import html
from datetime import date

import pytest
from django.urls import reverse

from governance.models import Action
from partnership.tests.factories import AgencyFactory
from reviews.models import (
    HELD_PENDING_NEEDS_SINCE,
    RECOMMENDATION_NEEDS_AGENCY,
    Dissemination,
    Finding,
    LearningTheme,
    PracticeReview,
    Recommendation,
)
from reviews.models._common import DATE_BEFORE, DATE_IN_FUTURE, NO_IDENTIFYING_DETAILS
from reviews.tests.factories import (
    DecidedRapidReviewFactory,
    PracticeReviewFactory,
    RapidReviewFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, chair):
    client.force_login(chair)
    return client


def page_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_review_commissioned_with_a_target_that_is_not_a_date_is_refused(signed_in):
    rapid_review = DecidedRapidReviewFactory()
    response = signed_in.post(
        reverse("reviews:commission", args=[rapid_review.incident.pk]),
        {
            "commission-code_name": "Child K",
            "commission-kind": "lcspr",
            "commission-reviewers": "Dr Reviewer",
            "commission-commissioned_on": "2023-04-03",
            "commission-target_completion": "2023-13-01",
        },
    )
    page = page_of(response)
    assert "target_completion" in response.context["commission_form"].errors
    assert 'value="Dr Reviewer"' in page
    assert not PracticeReview.objects.exists()


def test_a_joint_review_without_its_board_names_the_board_field(signed_in):
    rapid_review = DecidedRapidReviewFactory()
    response = signed_in.post(
        reverse("reviews:commission", args=[rapid_review.incident.pk]),
        {"commission-code_name": "Child K", "commission-kind": "joint_sab", "commission-commissioned_on": "2023-04-03"},
    )
    page_of(response)
    assert response.context["commission_form"].errors["joint_with"] == [
        "Choose the Safeguarding Adults Board this review is held jointly with."
    ]
    assert not PracticeReview.objects.exists()


def test_no_review_is_commissioned_from_a_rapid_review_decided_against_one(signed_in):
    rapid_review = RapidReviewFactory(
        decision="no_further_review", rationale="Learning is in hand.", decided_on=date(2022, 10, 1)
    )
    response = signed_in.post(
        reverse("reviews:commission", args=[rapid_review.incident.pk]),
        {"commission-code_name": "Child K", "commission-kind": "lcspr", "commission-commissioned_on": "2023-04-03"},
    )
    errors = response.context["commission_form"].non_field_errors()
    assert "does not lead to a local review" in errors[0]
    assert "commission_form" not in signed_in.get(reverse("reviews:incident", args=[rapid_review.incident.pk])).context
    assert not PracticeReview.objects.exists()


def test_a_hold_without_its_date(signed_in):
    review = PracticeReviewFactory()
    response = signed_in.post(
        reverse("reviews:practice_review_hold", args=[review.pk]),
        {"hold-held_pending": "coroner", "hold-held_note": "Inquest listed for the spring."},
    )
    page = page_of(response)
    assert response.context["hold_form"].errors["held_since"] == [HELD_PENDING_NEEDS_SINCE]
    assert "Inquest listed for the spring." in page
    review.refresh_from_db()
    assert review.held_pending == ""


def test_a_finding_without_text_keeps_its_themes(signed_in):
    review = PracticeReviewFactory()
    theme = LearningTheme.objects.create(name="Neglect")
    response = signed_in.post(
        reverse("reviews:finding_add", args=[review.pk]), {"finding-text": "  ", "finding-themes": [theme.pk]}
    )
    page_of(response)
    form = response.context["finding_form"]
    assert form.errors["text"]
    assert form["themes"].value() == [str(theme.pk)]
    assert not Finding.objects.exists()


def test_a_finding_with_a_retired_theme_is_refused(signed_in):
    review = PracticeReviewFactory()
    retired = LearningTheme.objects.create(name="Old theme", active=False)
    response = signed_in.post(
        reverse("reviews:finding_add", args=[review.pk]), {"finding-text": "Learning.", "finding-themes": [retired.pk]}
    )
    assert response.context["finding_form"].errors["themes"]
    assert not Finding.objects.exists()


def test_a_recommendation_to_an_agency_needs_the_agency(signed_in):
    review = PracticeReviewFactory()
    response = signed_in.post(
        reverse("reviews:recommendation_add", args=[review.pk]),
        {"recommendation-text": "Schools escalate absence.", "recommendation-addressed_to": "agency"},
    )
    page = page_of(response)
    assert response.context["recommendation_form"].errors["agency"] == [RECOMMENDATION_NEEDS_AGENCY]
    assert "Schools escalate absence." in page
    assert not Recommendation.objects.exists()


def test_an_action_without_an_owner_or_a_real_date(signed_in):
    recommendation = RecommendationFactory()
    response = signed_in.post(
        reverse("reviews:action_raise", args=[recommendation.review.pk]),
        {
            "action-recommendation": recommendation.pk,
            "action-title": "Absence protocol",
            "action-due_date": "next spring",
        },
    )
    page = page_of(response)
    assert set(response.context["action_form"].errors) == {"owner_agency", "due_date"}
    assert 'value="Absence protocol"' in page and 'value="next spring"' in page
    assert not Action.objects.exists()


def test_an_action_from_another_reviews_recommendation_is_refused(signed_in):
    recommendation = RecommendationFactory()
    other = RecommendationFactory()
    response = signed_in.post(
        reverse("reviews:action_raise", args=[recommendation.review.pk]),
        {
            "action-recommendation": other.pk,
            "action-title": "Absence protocol",
            "action-owner_agency": AgencyFactory().pk,
            "action-due_date": "2023-12-31",
        },
    )
    assert response.context["action_form"].errors["recommendation"]
    assert not Action.objects.exists()


def test_a_publication_before_the_report_is_received(signed_in):
    review = PracticeReviewFactory(kind="learning_review")
    response = signed_in.post(
        reverse("reviews:practice_review_publication", args=[review.pk]),
        {"publication-planned_publication_on": "2023-05-01", "publication-published_on": "2023-05-01"},
    )
    page = page_of(response)
    assert "Give the date the final report was received before publishing." in page
    assert 'value="2023-05-01"' in page
    review.refresh_from_db()
    assert review.published_on is None and review.planned_publication_on is None


def test_not_published_needs_its_reason(signed_in):
    review = PracticeReviewFactory()
    response = signed_in.post(
        reverse("reviews:practice_review_not_published", args=[review.pk]), {"not_published-not_published_reason": ""}
    )
    page_of(response)
    assert response.context["not_published_form"].errors["not_published_reason"]
    review.refresh_from_db()
    assert review.not_published_reason == ""


def test_closing_before_publication_is_decided(signed_in):
    review = PracticeReviewFactory()
    response = signed_in.post(
        reverse("reviews:practice_review_closure", args=[review.pk]),
        {"closure-closed_on": "2023-05-01", "closure-closure_reason": "Followed up elsewhere."},
    )
    page = page_of(response)
    assert response.context["closure_form"].errors["closed_on"] == [
        "Record the publication of the review, or the reason it is not published, before closing it."
    ]
    assert "Followed up elsewhere." in page
    review.refresh_from_db()
    assert review.closed_on is None


def test_a_dissemination_dated_in_the_future_or_without_audience(signed_in):
    review = PracticeReviewFactory()
    response = signed_in.post(
        reverse("reviews:dissemination_add", args=[review.pk]),
        {"dissemination-channel": "newsletter", "dissemination-date": "2099-01-01", "dissemination-audience": ""},
    )
    page = page_of(response)
    # Both at once: the form's date box checks the date itself (not in the future) as well as the missing audience.
    assert set(response.context["dissemination_form"].errors) == {"audience", "date"}
    assert 'value="2099-01-01"' in page
    response = signed_in.post(
        reverse("reviews:dissemination_add", args=[review.pk]),
        {"dissemination-channel": "newsletter", "dissemination-date": "2099-01-01", "dissemination-audience": "DSLs"},
    )
    assert response.context["dissemination_form"].errors["date"] == [DATE_IN_FUTURE]
    assert not Dissemination.objects.exists()


def test_a_hold_dated_before_the_commissioning(signed_in):
    review = PracticeReviewFactory(commissioned_on=date(2022, 6, 1))
    response = signed_in.post(
        reverse("reviews:practice_review_hold", args=[review.pk]),
        {"hold-held_pending": "criminal", "hold-held_since": "2022-05-01"},
    )
    assert response.context["hold_form"].errors["held_since"] == [
        DATE_BEFORE % {"other": "Commissioned on", "date": "1 June 2022"}
    ]


def test_every_free_text_box_of_the_review_page_warns_against_identifying_details(signed_in):
    recommendation = RecommendationFactory()
    response = signed_in.get(reverse("reviews:practice_review", args=[recommendation.review.pk]))
    page = page_of(response)
    names = ("hold_form", "finding_form", "recommendation_form", "action_form", "dissemination_form")
    names += ("publication_form", "not_published_form", "closure_form")
    boxes = [field for name in names for field in response.context[name] if field.widget_type in ("textarea", "text")]
    assert boxes and all(NO_IDENTIFYING_DETAILS in field.help_text for field in boxes)
    assert page.count(NO_IDENTIFYING_DETAILS) >= len(boxes)
