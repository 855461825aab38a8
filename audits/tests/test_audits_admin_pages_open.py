"""The business manager can list, add and change every quality assurance record in the admin, and sees the actions
raised from an audit recommendation or a standard not fully met on its page."""

import pytest
from django.urls import reverse

from audits.services.section11 import start_return, submit_return
from governance.models import Action

from .factories import (
    AuditParticipationFactory,
    AuditRecommendationFactory,
    CaseJudgementFactory,
    IndicatorFactory,
    ObservationFactory,
    SingleAgencyAuditFactory,
    make_cycle,
)

MODELS = [
    "multiagencyaudit",
    "auditrecommendation",
    "singleagencyaudit",
    "standardset",
    "standard",
    "cycle",
    "return",
    "standardresponse",
    "indicator",
    "indicatorcategory",
    "observation",
]


@pytest.fixture
def records(partner):
    participation = AuditParticipationFactory()
    CaseJudgementFactory(audit=participation.audit, agency=participation.agency)
    AuditRecommendationFactory(audit=participation.audit)
    SingleAgencyAuditFactory()
    agency = partner.person.agency
    opened = start_return(cycle=make_cycle(agency, standards=2), agency=agency, by=partner)
    opened.responses.update(rating="not_met", evidence="Policy out of date.")
    submit_return(agency_return=opened, by=partner)
    indicator = IndicatorFactory()
    indicator.categories.create(name="Substantiated")
    ObservationFactory(indicator=IndicatorFactory())


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", MODELS)
def test_the_business_manager_can_list_add_and_change_every_record(client, manager, records, model_name):
    from django.apps import apps

    client.force_login(manager)
    assert client.get(reverse(f"admin:audits_{model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:audits_{model_name}_add")).status_code == 200
    record = apps.get_model("audits", model_name).objects.first()
    assert record is not None
    assert client.get(reverse(f"admin:audits_{model_name}_change", args=[record.pk])).status_code == 200


@pytest.mark.django_db
def test_a_standard_not_met_shows_its_action_in_the_admin(client, manager, records):
    action = Action.objects.first()
    client.force_login(manager)
    page = client.get(reverse("admin:audits_standardresponse_change", args=[action.source_id])).content.decode()
    assert action.title in page
