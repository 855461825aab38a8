"""Audit recommendations and Section 11 / 175 standards not fully met raise actions in the shared tracker
(governance.Action)."""

from django.urls import reverse

from governance.action_sources import ActionSource

from . import permissions


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
        url=lambda recommendation: reverse("audits:audit", args=[recommendation.audit_id]),
        # The audit's page is open to whoever may read audits (audits.views.audits.AuditReaderMixin).
        may_open=lambda roles, recommendation: permissions.can_see_audits(roles),
    ),
    ActionSource(
        "audits.StandardResponse",
        label="Section 11 standard",
        describe=_describe_response,
        related=("standard", "agency_return__cycle", "agency_return__agency"),
        url=lambda response: reverse("audits:return", args=[response.agency_return_id]),
        # The return's page checks this rule (audits.views.section11.ReturnView.get_return).
        may_open=lambda roles, response: permissions.can_see_return(roles, response.agency_return),
    ),
]
