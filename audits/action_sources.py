"""Audit recommendations and Section 11 / 175 standards not fully met raise actions in the shared tracker
(governance.Action)."""

from governance.action_sources import ActionSource


def _describe_recommendation(recommendation):
    return f"Recommendation {recommendation.number} of the multi-agency audit on {recommendation.audit}"


def _describe_response(response):
    return (
        f"Standard {response.standard.number} ({response.standard.title}) in the "
        f"{response.agency_return.cycle} return of {response.agency_return.agency}"
    )


ACTION_SOURCES = [
    ActionSource(
        "audits.AuditRecommendation",
        label="audit recommendation",
        describe=_describe_recommendation,
        related=("audit",),
    ),
    ActionSource(
        "audits.StandardResponse",
        label="Section 11 standard",
        describe=_describe_response,
        related=("standard", "agency_return__cycle", "agency_return__agency"),
    ),
]
