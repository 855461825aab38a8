"""The business manager records a multi-agency audit in the browser from its theme to an action in the shared
tracker: the audit, an agency taking part, its graded cases (a row per case), the findings, a recommendation, and
the action raised from it; the audit's page then shows the grade distribution and the action."""

import pytest
from django.urls import reverse

from audits.models import AuditRecommendation, CaseJudgement, MultiAgencyAudit
from governance.models import Action
from partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_theme_to_findings_to_an_action(client, manager):
    agency = AgencyFactory(name="Children's Services")
    client.force_login(manager)

    response = client.post(
        reverse("audits:audit_add"),
        {"theme": "Neglect", "kind": "new", "planned_on": "2022-09-01", "held_on": "2022-09-20"},
    )
    audit = MultiAgencyAudit.objects.get(theme="Neglect")
    assert response.url == reverse("audits:audit", args=[audit.pk])
    page = reverse("audits:audit", args=[audit.pk])

    assert (
        client.post(
            reverse("audits:participation", args=[audit.pk]),
            {"participation-agency": agency.pk, "participation-cases_audited": 3},
        ).url
        == page
    )
    cases = reverse("audits:judgements", args=[audit.pk, agency.pk])
    assert 'name="case_3"' in client.get(cases).content.decode()
    assert (
        client.post(
            cases,
            {
                "case_1": "CS-1",
                "grade_1": "good",
                "case_2": "CS-2",
                "grade_2": "inadequate",
                "case_3": "",
                "grade_3": "",
            },
        ).url
        == page
    )
    assert CaseJudgement.objects.filter(audit=audit).count() == 2

    client.post(
        reverse("audits:findings", args=[audit.pk]),
        {"findings-strengths": "Plans were clear.", "findings-areas_for_development": "Fathers were not seen."},
    )
    client.post(
        reverse("audits:recommendation_add", args=[audit.pk]),
        {"recommendation-text": "See fathers in every assessment.", "recommendation-agency": agency.pk},
    )
    recommendation = AuditRecommendation.objects.get(audit=audit)
    assert recommendation.number == 1
    response = client.post(
        reverse("audits:action_raise", args=[audit.pk]),
        {
            "action-recommendation": recommendation.pk,
            "action-title": "Add fathers to the assessment template",
            "action-owner_agency": agency.pk,
            "action-due_date": "2023-03-31",
        },
    )
    assert response.url == page
    action = Action.objects.get()
    assert action.source == recommendation and action.owner_agency == agency

    text = client.get(page).content.decode()
    for shown in (
        "Plans were clear.",
        "Fathers were not seen.",
        "See fathers in every assessment.",
        "Add fathers to the assessment template",
        "2 cases graded",
        "50.0%",
    ):
        assert shown in text
