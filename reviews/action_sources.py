"""Recommendations of a practice review, and national reviews the partnership responds to, raise actions in the
shared tracker (governance.Action)."""

from django.urls import reverse

from governance.action_sources import ActionSource

from . import permissions


def _describe_recommendation(recommendation):
    return f"Recommendation {recommendation.number} of {recommendation.review.code_name}"


ACTION_SOURCES = [
    ActionSource(
        "reviews.Recommendation",
        label="review recommendation",
        describe=_describe_recommendation,
        related=("review",),
        url=lambda recommendation: reverse("reviews:practice_review", args=[recommendation.review_id]),
        # The review's page is open to whoever may read case reviews (reviews.views.CaseReviewReaderMixin).
        may_open=lambda roles, recommendation: permissions.can_see_case_reviews(roles),
    ),
    # A national review's actions are the partnership's response to it, tracked like a local review's; the review
    # has no page of its own (the business manager keeps it in the admin), so it is named without a link.
    ActionSource(
        "reviews.NationalReview", label="national review", describe=lambda review: f"National review: {review}"
    ),
]
