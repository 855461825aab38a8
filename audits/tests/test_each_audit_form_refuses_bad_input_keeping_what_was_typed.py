"""Each audit form refuses bad input with a message that says what to do, keeps what was typed, and saves nothing."""

import pytest
from django.urls import reverse

from audits.models import AuditParticipation, AuditRecommendation, CaseJudgement, MultiAgencyAudit, SingleAgencyAudit
from audits.models.multi_agency import MEETING_WITHOUT_BODY, REAUDIT_NEEDS_EARLIER_AUDIT
from audits.services import audits as audit_services
from governance.models import Action
from partnership.tests.factories import AgencyFactory, MeetingFactory

from .factories import AuditParticipationFactory, AuditRecommendationFactory, MultiAgencyAuditFactory

pytestmark = pytest.mark.django_db


def _text(response):
    assert response.status_code == 200
    return response.content.decode()


def counts():
    return [
        m.objects.count()
        for m in (MultiAgencyAudit, AuditParticipation, CaseJudgement, AuditRecommendation, Action, SingleAgencyAudit)
    ]


@pytest.fixture
def audit():
    return MultiAgencyAuditFactory(theme="Exploitation", strengths="", areas_for_development="")


def test_a_reaudit_without_the_audit_it_repeats(client, manager):
    client.force_login(manager)
    before = counts()
    text = _text(client.post(reverse("audits:audit_add"), {"theme": "Neglect typed", "kind": "reaudit"}))
    assert REAUDIT_NEEDS_EARLIER_AUDIT in text and 'value="Neglect typed"' in text
    assert counts() == before


def test_a_case_without_a_grade_and_a_case_graded_twice(client, manager, audit):
    participation = AuditParticipationFactory(audit=audit, cases_audited=3)
    client.force_login(manager)
    before = counts()
    url = reverse("audits:judgements", args=[audit.pk, participation.agency_id])
    text = _text(
        client.post(
            url,
            {
                "case_1": "PRB-1",
                "grade_1": "good",
                "case_2": "PRB-9",
                "grade_2": "",
                "case_3": "prb-1",
                "grade_3": "good",
            },
        )
    )
    assert audit_services.CASE_NEEDS_GRADE % {"row": 2, "case": "PRB-9"} in text
    assert audit_services.CASE_GRADED_TWICE % {"row": 3, "case": "prb-1"} in text
    assert 'value="PRB-9"' in text
    assert counts() == before


def test_more_cases_graded_than_audited(client, manager, audit):
    participation = AuditParticipationFactory(audit=audit, cases_audited=1)
    client.force_login(manager)
    url = reverse("audits:judgements", args=[audit.pk, participation.agency_id])
    # One case graded, then the number audited lowered below it.
    client.post(url, {"case_1": "A-1", "grade_1": "good"})
    text = _text(
        client.post(
            reverse("audits:participation", args=[audit.pk]),
            {"participation-agency": participation.agency_id, "participation-cases_audited": 0},
        )
    )
    assert "grade no more cases than it audited" in text
    assert AuditParticipation.objects.get(pk=participation.pk).cases_audited == 1


def test_empty_findings(client, manager, audit):
    client.force_login(manager)
    text = _text(client.post(reverse("audits:findings", args=[audit.pk]), {"findings-strengths": "  "}))
    assert audit_services.FINDINGS_EMPTY in text
    audit.refresh_from_db()
    assert audit.strengths == ""


def test_a_recommendation_without_text(client, manager, audit):
    client.force_login(manager)
    before = counts()
    text = _text(client.post(reverse("audits:recommendation_add", args=[audit.pk]), {"recommendation-text": ""}))
    assert "This field is required." in text
    assert counts() == before


def test_an_action_without_owner_or_date_keeps_its_title(client, manager, audit):
    recommendation = AuditRecommendationFactory(audit=audit)
    client.force_login(manager)
    before = counts()
    text = _text(
        client.post(
            reverse("audits:action_raise", args=[audit.pk]),
            {"action-recommendation": recommendation.pk, "action-title": "Typed title"},
        )
    )
    assert 'value="Typed title"' in text and "This field is required." in text
    assert counts() == before


def test_an_action_from_another_audits_recommendation(client, manager, audit):
    other = AuditRecommendationFactory()
    AuditRecommendationFactory(audit=audit)
    client.force_login(manager)
    text = _text(
        client.post(
            reverse("audits:action_raise", args=[audit.pk]),
            {
                "action-recommendation": other.pk,
                "action-title": "Typed title",
                "action-owner_agency": AgencyFactory().pk,
                "action-due_date": "2023-03-31",
            },
        )
    )
    assert "Select a valid choice" in text
    assert Action.objects.count() == 0


def test_a_single_agency_audit_presented_at_a_meeting_without_its_body(client, manager):
    agency = AgencyFactory()
    client.force_login(manager)
    before = counts()
    text = _text(
        client.post(
            reverse("audits:single_agency_audit_add"),
            {
                "agency": agency.pk,
                "topic": "Typed topic",
                "method": "survey",
                "date": "2022-11-30",
                "presented_at": MeetingFactory().pk,
            },
        )
    )
    assert MEETING_WITHOUT_BODY in text and 'value="Typed topic"' in text
    assert counts() == before
