"""Bad input on every chair's form comes back with a clear message where it belongs, what was typed kept, and
nothing half-saved; good input saves through the services and returns to the record."""

import html
from datetime import date

import pytest
from django.urls import reverse

from partnership.tests.factories import LocalAuthorityFactory
from reviews.models import PracticeReview, RapidReview, SeriousIncident
from reviews.models._common import NO_IDENTIFYING_DETAILS
from reviews.services import DECISION_BEFORE_RAPID_REVIEW
from reviews.tests.factories import PracticeReviewFactory, RapidReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, chair):
    client.force_login(chair)
    return client


def incident_data(**changes):
    return {
        "code_name": "Child Q2",
        "occurred_on": "2023-03-01",
        "la_aware_on": "2023-03-02",
        "borough": LocalAuthorityFactory().pk,
        "age_band": "10_15",
        "kind": "serious_harm",
        "abuse_categories": ["abuse_neglect"],
        "circumstances": "Admitted to hospital.",
        **changes,
    }


def test_logging_an_incident_sets_its_deadlines_and_opens_it(signed_in):
    response = signed_in.post(reverse("reviews:incidents"), incident_data())
    incident = SeriousIncident.objects.get(code_name="Child Q2")
    assert response.status_code == 302 and response["Location"] == reverse("reviews:incident", args=[incident.pk])
    assert incident.panel_notification_due == date(2023, 3, 9) and incident.abuse_neglect


def test_a_model_rule_lands_on_its_field_and_nothing_is_saved(signed_in):
    response = signed_in.post(reverse("reviews:incidents"), incident_data(la_aware_on="2023-02-27"))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["la_aware_on"] == ["This date cannot be before “Date of the incident”, 1 March 2023."]
    assert 'value="Child Q2"' in response.content.decode()
    assert not SeriousIncident.objects.exists()


def test_what_is_not_a_date_is_refused_by_the_form(signed_in):
    response = signed_in.post(reverse("reviews:incidents"), incident_data(occurred_on="31/02/2023", kind="murder"))
    assert set(response.context["form"].errors) == {"occurred_on", "kind"}
    assert not SeriousIncident.objects.exists()


def test_free_text_boxes_warn_against_identifying_details(signed_in):
    page = html.unescape(signed_in.get(reverse("reviews:incidents")).content.decode())
    assert page.count(NO_IDENTIFYING_DETAILS) == 1  # the one free-text box, "circumstances"
    assert page.count("use the code name") >= 1


def test_no_decision_before_a_rapid_review(signed_in):
    incident = SeriousIncidentFactory()
    data = {"decision": "lcspr", "rationale": "Meets the criteria.", "decided_on": "2022-10-01"}
    response = signed_in.post(reverse("reviews:decision", args=[incident.pk]), data)
    assert response.status_code == 200
    assert response.context["decision_form"].errors["decision"] == [DECISION_BEFORE_RAPID_REVIEW % {"code": incident}]
    assert "Meets the criteria." in response.content.decode()
    assert not RapidReview.objects.exists()


def test_a_decision_on_a_rapid_review_is_recorded(signed_in):
    rapid_review = RapidReviewFactory()
    data = {"decision": "no_further_review", "rationale": "Learning is in hand.", "decided_on": "2022-10-01"}
    response = signed_in.post(reverse("reviews:decision", args=[rapid_review.incident.pk]), data)
    assert response.status_code == 302
    rapid_review.refresh_from_db()
    assert rapid_review.decision == "no_further_review" and rapid_review.decided_on == date(2022, 10, 1)


def test_a_rapid_review_cannot_start_before_the_authority_knew(signed_in):
    incident = SeriousIncidentFactory(occurred_on=date(2022, 9, 12))
    response = signed_in.post(reverse("reviews:rapid_review", args=[incident.pk]), {"started_on": "2022-09-01"})
    assert "A rapid review cannot start before" in response.context["rapid_review_form"].errors["started_on"][0]
    assert not RapidReview.objects.exists()


def test_a_step_out_of_order_is_refused_on_its_date(signed_in):
    review = PracticeReviewFactory(commissioned_on=date(2022, 6, 1))
    response = signed_in.post(
        reverse("reviews:practice_review_stage", args=[review.pk]), {"stage": "report_received", "on": "2022-05-01"}
    )
    assert response.status_code == 200
    assert response.context["stage_form"].errors["on"] == ["This date cannot be before “Commissioned on”, 1 June 2022."]
    assert PracticeReview.objects.get().report_received_on is None
