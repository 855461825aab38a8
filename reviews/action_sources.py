"""Recommendations of a practice review raise actions in the shared tracker (governance.Action)."""

from governance.action_sources import ActionSource


def _describe_recommendation(recommendation):
    return f"Recommendation {recommendation.number} of {recommendation.review.code_name}"


ACTION_SOURCES = [
    ActionSource(
        "reviews.Recommendation",
        label="review recommendation",
        describe=_describe_recommendation,
        related=("review",),
    ),
]
