"""Submitting a return raises an action in the shared tracker for the agency for each standard rated partially met
or not met (raised, not offered: the tracker is where the partnership follows them up), linked to the response;
resubmitting after a return for more evidence raises no second action for a standard whose action is still open."""

import pytest

from audits.models import ScrutinyOutcome
from audits.services.section11 import record_scrutiny, start_return, submit_return
from governance.action_sources import describe_source
from governance.models import Action

from .factories import make_cycle


@pytest.fixture
def submitted(partner):
    agency = partner.person.agency
    opened = start_return(cycle=make_cycle(agency, standards=3), agency=agency, by=partner)
    for number, rating in ((1, "fully_met"), (2, "partially_met"), (3, "not_met")):
        opened.responses.filter(standard__number=number).update(rating=rating, evidence=f"Evidence {number}")
    return submit_return(agency_return=opened, by=partner)


@pytest.mark.django_db
def test_each_standard_not_fully_met_gets_an_action_for_the_agency(submitted, partner):
    actions = list(Action.objects.order_by("title"))
    assert [a.title for a in actions] == [
        "Section 11 standard 2: Standard title 2",
        "Section 11 standard 3: Standard title 3",
    ]
    assert {a.owner_agency_id for a in actions} == {partner.person.agency_id}
    assert {a.source.standard.number for a in actions} == {2, 3}
    assert "Standard 2 (Standard title 2)" in describe_source(actions[0])


@pytest.mark.django_db
def test_resubmitting_raises_no_second_action_while_the_first_is_open(submitted, partner, manager):
    record_scrutiny(
        agency_return=submitted, by=manager, comments="Attach the training figures.", outcome=ScrutinyOutcome.RETURNED
    )
    submit_return(agency_return=submitted, by=partner)
    assert Action.objects.count() == 2
