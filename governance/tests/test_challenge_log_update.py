"""The agency that raised a challenge escalates it, records its outcome and impact, and closes it with
how it was settled; the business manager can do the same; the agency challenged cannot."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import (
    CHALLENGE_CLOSED_BEFORE_RAISED,
    CHALLENGE_CLOSED_NEEDS_RESOLUTION,
    CHALLENGE_RESOLUTION_NEEDS_CLOSING,
    ChallengeLogEntry,
    ChallengeResolution,
    ChallengeStage,
)
from governance.services.challenges import CHALLENGE_NOT_YOURS, CHALLENGE_STAGE_GOES_BACK, update_challenge
from partnership.tests.factories import AgencyFactory


def raised_by(agency, challenged=None, **fields):
    return ChallengeLogEntry.objects.create(
        raised_by_agency=agency,
        agency_challenged=challenged or AgencyFactory(name="Metropolitan Police"),
        issue="Strategy meeting not held.",
        raised_on=date(2022, 9, 1),
        **fields,
    )


def form(**fields):
    return {
        "stage": ChallengeStage.BETWEEN_AGENCIES,
        "outcome": "",
        "impact": "",
        "closed_on": "",
        "resolution": "",
        **fields,
    }


def edit_url(entry):
    return reverse("governance:challenge_edit", args=[entry.pk])


@pytest.mark.django_db
def test_the_raising_partner_escalates_then_closes_it(client, partner):
    entry = raised_by(partner.person.agency)
    client.force_login(partner)
    page = client.get(edit_url(entry))
    assert page.status_code == 200
    assert "publish_as_example" not in page.text

    response = client.post(
        edit_url(entry), form(stage=ChallengeStage.ESCALATED_SUBGROUP, outcome="Taken to the subgroup.")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:challenge", args=[entry.pk])
    entry.refresh_from_db()
    assert (entry.stage, entry.outcome, entry.is_open) == (
        ChallengeStage.ESCALATED_SUBGROUP,
        "Taken to the subgroup.",
        True,
    )

    response = client.post(
        edit_url(entry),
        form(
            stage=ChallengeStage.ESCALATED_SUBGROUP,
            outcome="Police agreed to hold strategy meetings within 3 days.",
            impact="Strategy meetings now held on time.",
            closed_on="2022-10-15",
            resolution=ChallengeResolution.ACCEPTED,
            publish_as_example="on",
        ),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.closed_on, entry.resolution, entry.impact) == (
        date(2022, 10, 15),
        ChallengeResolution.ACCEPTED,
        "Strategy meetings now held on time.",
    )
    assert entry.publish_as_example is False  # the business manager's choice, in the admin
    assert entry.history.first().history_user == partner


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"closed_on": "2022-10-01"}, "resolution", CHALLENGE_CLOSED_NEEDS_RESOLUTION),
        ({"resolution": ChallengeResolution.WITHDRAWN}, "closed_on", CHALLENGE_RESOLUTION_NEEDS_CLOSING),
        ({"closed_on": "2022-08-01", "resolution": "accepted"}, "closed_on", CHALLENGE_CLOSED_BEFORE_RAISED),
    ],
)
def test_closing_needs_the_date_and_how_it_was_settled_together(client, partner, fields, field, message):
    entry = raised_by(partner.person.agency)
    client.force_login(partner)
    response = client.post(edit_url(entry), form(outcome="Kept outcome.", **fields))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert "error-summary" in response.text and f'href="#id_{field}"' in response.text
    assert "Kept outcome." in response.text
    entry.refresh_from_db()
    assert (entry.outcome, entry.closed_on, entry.resolution) == ("", None, "")


@pytest.mark.django_db
def test_a_partner_cannot_move_the_stage_back_but_the_business_manager_can(client, partner, manager):
    entry = raised_by(partner.person.agency, stage=ChallengeStage.ESCALATED_PARTNERSHIP)
    client.force_login(partner)
    response = client.post(edit_url(entry), form(stage=ChallengeStage.ESCALATED_SUBGROUP))
    assert response.status_code == 200
    assert response.context["form"].errors["stage"] == [
        CHALLENGE_STAGE_GOES_BACK % {"current": "Escalated to the partnership", "chosen": "Escalated to a subgroup"}
    ]
    entry.refresh_from_db()
    assert entry.stage == ChallengeStage.ESCALATED_PARTNERSHIP

    client.force_login(manager)
    assert client.post(edit_url(entry), form(stage=ChallengeStage.ESCALATED_SUBGROUP)).status_code == 302
    entry.refresh_from_db()
    assert entry.stage == ChallengeStage.ESCALATED_SUBGROUP


@pytest.mark.django_db
def test_the_agency_challenged_cannot_change_it(client, partner):
    entry = raised_by(AgencyFactory(name="Westminster Council"), challenged=partner.person.agency)
    client.force_login(partner)
    response = client.post(edit_url(entry), form(stage=ChallengeStage.ESCALATED_LEAD_PARTNERS, outcome="Ours now."))
    assert response.status_code == 403
    entry.refresh_from_db()
    assert (entry.stage, entry.outcome) == (ChallengeStage.BETWEEN_AGENCIES, "")
    with pytest.raises(ValidationError) as refused:
        update_challenge(
            entry=entry,
            by=partner,
            stage="escalated_lead_partners",
            outcome="x",
            impact="",
            closed_on=None,
            resolution="",
        )
    assert refused.value.messages == [CHALLENGE_NOT_YOURS]


@pytest.mark.django_db
def test_a_closed_challenge_can_be_reopened_and_its_impact_added_later(partner):
    entry = raised_by(partner.person.agency, closed_on=date(2022, 10, 1), resolution=ChallengeResolution.ACCEPTED)
    update_challenge(
        entry=entry,
        by=partner,
        stage=entry.stage,
        outcome="",
        impact="Fewer late meetings.",
        closed_on=date(2022, 10, 1),
        resolution=ChallengeResolution.ACCEPTED,
    )
    entry.refresh_from_db()
    assert (entry.impact, entry.is_open) == ("Fewer late meetings.", False)
    update_challenge(entry=entry, by=partner, stage=entry.stage, outcome="", impact="", closed_on=None, resolution="")
    entry.refresh_from_db()
    assert entry.is_open and entry.resolution == ""


@pytest.mark.django_db
def test_the_business_manager_updates_any_challenge_without_touching_the_publish_flag(client, manager):
    entry = raised_by(AgencyFactory(), publish_as_example=True)
    client.force_login(manager)
    page = client.get(edit_url(entry))
    assert "publish_as_example" not in page.text
    response = client.post(edit_url(entry), form(closed_on="2022-09-30", resolution="partly_accepted"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.resolution, entry.publish_as_example) == ("partly_accepted", True)
