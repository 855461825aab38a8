"""The Case Review chair takes a serious incident through the browser from the day it is logged to the closing of
the practice review it led to: notification, rapid review, decision, commissioning, the review's steps,
publication 7 working days after sharing, a finding and a recommendation, an action raised in the shared tracker
and closed there by the chair, and the review closed. Every opening of the review's page is logged."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import Action, ActionStatus
from partnership.tests.factories import AgencyFactory, LocalAuthorityFactory
from reviews.models import (
    Decision,
    LearningTheme,
    PracticeReview,
    ReviewStage,
    ReviewViewing,
    SeriousIncident,
)

pytestmark = pytest.mark.django_db


def posted(client, name, pk, data):
    """Posts a form and returns the page it sends the chair to (a form with a problem would come back as 200)."""
    response = client.post(reverse(name, args=[pk]), data)
    assert response.status_code == 302, f"{name} came back with a problem: {response.content.decode()[:3000]}"
    return response["Location"]


def test_an_incident_runs_to_a_published_review_whose_actions_close(client, chair, chaired_body):
    client.force_login(chair)
    borough = LocalAuthorityFactory()
    school = AgencyFactory(name="Holland Park School")
    theme = LearningTheme.objects.create(name="Professional curiosity")

    # Logged the day the local authority learned of it.
    response = client.post(
        reverse("reviews:incidents"),
        {
            "code_name": "Child T",
            "occurred_on": "2023-02-27",
            "la_aware_on": "2023-03-01",
            "borough": borough.pk,
            "age_band": "10_15",
            "kind": "serious_harm",
            "abuse_categories": ["abuse_neglect"],
        },
    )
    incident = SeriousIncident.objects.get(code_name="Child T")
    assert response["Location"] == reverse("reviews:incident", args=[incident.pk])
    assert incident.panel_notification_due == date(2023, 3, 8)

    posted(client, "reviews:incident_notification", incident.pk, {"notified_on": "2023-03-03"})
    posted(client, "reviews:rapid_review", incident.pk, {"started_on": "2023-03-06"})
    posted(
        client, "reviews:rapid_review", incident.pk, {"meeting_on": "2023-03-14", "submitted_to_panel_on": "2023-03-20"}
    )
    posted(
        client,
        "reviews:decision",
        incident.pk,
        {"decision": Decision.LCSPR, "rationale": "Meets the criteria.", "decided_on": "2023-03-24"},
    )

    # The incident's page offers to commission the review, with the code name and the target filled in.
    form = client.get(reverse("reviews:incident", args=[incident.pk])).context["commission_form"]
    assert form.initial["code_name"] == "Child T" and form.initial["target_completion"] == date(2023, 9, 24)
    review_page = posted(
        client,
        "reviews:commission",
        incident.pk,
        {
            "commission-code_name": "Child T",
            "commission-kind": "lcspr",
            "commission-reviewers": "An independent reviewer",
            "commission-review_group": [school.pk],
            "commission-commissioned_on": "2023-04-03",
            "commission-target_completion": "2023-09-24",
        },
    )
    review = PracticeReview.objects.get(code_name="Child T")
    assert review_page == reverse("reviews:practice_review", args=[review.pk])
    assert review.rapid_review == incident.rapid_review and list(review.review_group.all()) == [school]

    for stage, day in (("terms_agreed", "2023-04-20"), ("report_received", "2023-09-01"), ("shared", "2023-09-04")):
        posted(client, "reviews:practice_review_stage", review.pk, {"stage": stage, "on": day})
    # 13 September is the 7th working day after sharing on 4 September: no reason needed.
    posted(
        client,
        "reviews:practice_review_publication",
        review.pk,
        {"publication-planned_publication_on": "2023-09-13", "publication-published_on": "2023-09-13"},
    )

    posted(
        client,
        "reviews:finding_add",
        review.pk,
        {"finding-text": "Professionals accepted explanations at face value.", "finding-themes": [theme.pk]},
    )
    posted(
        client,
        "reviews:recommendation_add",
        review.pk,
        {
            "recommendation-text": "Schools record and escalate repeated absence.",
            "recommendation-addressed_to": "agency",
            "recommendation-agency": school.pk,
        },
    )
    recommendation = review.recommendations.get()
    # The action is overseen by the Case Review Subgroup by default, so its chair can close it in the tracker.
    assert client.get(review_page).context["action_form"].initial["lead_body"] == chaired_body.pk
    posted(
        client,
        "reviews:action_raise",
        review.pk,
        {
            "action-recommendation": recommendation.pk,
            "action-title": "Absence escalation protocol for schools",
            "action-owner_agency": school.pk,
            "action-lead_body": chaired_body.pk,
            "action-due_date": "2023-12-31",
        },
    )
    action = Action.objects.from_source(recommendation).get()
    assert action.owner_agency == school and action.status == ActionStatus.NOT_STARTED

    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {"date": "2023-10-02", "text": "The protocol is in every school.", "status": ActionStatus.COMPLETE},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE and action.completed_on == date(2023, 10, 2)

    posted(client, "reviews:practice_review_closure", review.pk, {"closure-closed_on": "2023-10-03"})
    review.refresh_from_db()
    assert review.stage == ReviewStage.CLOSED and review.closure_reason == ""
    assert review.published_on == date(2023, 9, 13) and review.findings.get().themes.get() == theme

    page = client.get(review_page)
    text = page.content.decode()
    assert "Closed: 3 October 2023" in text and "Absence escalation protocol for schools" in text
    # The chair opened the incident's page once and the review's page twice: each opening is logged.
    assert ReviewViewing.objects.filter(incident=incident, viewed_by=chair).count() == 1
    assert ReviewViewing.objects.filter(practice_review=review, viewed_by=chair).count() == 2
