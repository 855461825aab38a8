"""A partner representative logs a challenge their agency raised: the agency and person raising it are
always their own, whatever the form says."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import CHALLENGE_OWN_AGENCY, DATE_IN_FUTURE, ChallengeLogEntry, ChallengeStage
from governance.services.challenges import CHALLENGE_AGENCY_NOT_ACTIVE, CHALLENGE_NEEDS_AGENCY, log_challenge
from partnership.tests.factories import AgencyFactory

URL = reverse("governance:challenge_create")


@pytest.fixture
def police(db):
    return AgencyFactory(name="Metropolitan Police")


@pytest.mark.django_db
def test_a_partner_logs_a_challenge_in_their_agencys_name(client, partner, police):
    client.force_login(partner)
    page = client.get(URL)
    assert page.status_code == 200
    assert page.context["form"]["stage"].value() == ChallengeStage.BETWEEN_AGENCIES

    response = client.post(
        URL,
        {
            "agency_challenged": police.pk,
            "issue": "  Strategy meeting not held.  ",
            "raised_on": "2022-09-01",
            "stage": ChallengeStage.BETWEEN_AGENCIES,
        },
    )

    entry = ChallengeLogEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:challenge", args=[entry.pk])
    assert (entry.raised_by_agency, entry.raised_by_person, entry.agency_challenged) == (
        partner.person.agency,
        partner.person,
        police,
    )
    assert (entry.issue, entry.raised_on, entry.is_open, entry.publish_as_example) == (
        "Strategy meeting not held.",
        date(2022, 9, 1),
        True,
        False,
    )
    assert entry.history.first().history_user == partner
    # An open challenge never reads as settled: its stage says where it sits.
    shown = client.get(response["Location"]).text
    assert "Between the agencies, not escalated" in shown and "Resolved" not in shown


@pytest.mark.django_db
def test_raised_by_and_publishing_in_the_form_are_ignored(client, partner, police):
    someone_else = AgencyFactory(name="Someone Else")
    client.force_login(partner)
    client.post(
        URL,
        {
            "agency_challenged": police.pk,
            "issue": "Late invitation.",
            "raised_on": "2022-09-01",
            "stage": ChallengeStage.ESCALATED_SUBGROUP,
            "raised_by_agency": someone_else.pk,
            "raised_by_person": "1",
            "publish_as_example": "on",
            "closed_on": "2022-09-02",
            "resolution": "accepted",
        },
    )
    entry = ChallengeLogEntry.objects.get()
    assert entry.raised_by_agency == partner.person.agency
    assert entry.raised_by_person == partner.person
    assert entry.stage == ChallengeStage.ESCALATED_SUBGROUP
    assert (entry.publish_as_example, entry.closed_on, entry.resolution) == (False, None, "")


@pytest.mark.django_db
def test_only_other_current_agencies_can_be_challenged(client, partner, police):
    gone = AgencyFactory(name="Former Trust", active=False)
    client.force_login(partner)
    choices = list(client.get(URL).context["form"].fields["agency_challenged"].queryset)
    assert police in choices
    assert partner.person.agency not in choices and gone not in choices

    for agency in (partner.person.agency, gone):
        response = client.post(
            URL,
            {
                "agency_challenged": agency.pk,
                "issue": "Kept issue.",
                "raised_on": "2022-09-01",
                "stage": "resolved_between_agencies",
            },
        )
        assert response.status_code == 200
        assert "Select a valid choice" in " ".join(response.context["form"].errors["agency_challenged"])
        assert "Kept issue." in response.text
    assert not ChallengeLogEntry.objects.exists()


@pytest.mark.django_db
def test_a_future_date_is_refused_on_its_field_and_the_form_is_kept(client, partner, police):
    client.force_login(partner)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        URL,
        {
            "agency_challenged": police.pk,
            "issue": "Kept issue.",
            "raised_on": tomorrow.isoformat(),
            "stage": "escalated_partnership",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["raised_on"] == [DATE_IN_FUTURE]
    assert "error-summary" in response.text and 'href="#id_raised_on"' in response.text
    assert "Kept issue." in response.text
    assert 'value="escalated_partnership" selected' in response.text
    assert not ChallengeLogEntry.objects.exists()


@pytest.mark.django_db
def test_the_service_sets_who_raised_it_and_refuses_what_the_model_refuses(partner, manager, police):
    entry = log_challenge(
        raised_by=partner,
        agency_challenged=police,
        issue="Late",
        raised_on=date(2022, 9, 1),
        stage="escalated_subgroup",
    )
    assert (entry.raised_by_person, entry.raised_by_agency_id) == (partner.person, partner.person.agency_id)

    with pytest.raises(ValidationError) as own:
        log_challenge(raised_by=partner, agency_challenged=partner.person.agency, issue="x", raised_on=date(2022, 9, 1))
    assert own.value.message_dict["agency_challenged"] == [CHALLENGE_OWN_AGENCY]

    with pytest.raises(ValidationError) as no_agency:
        log_challenge(raised_by=manager, agency_challenged=police, issue="x", raised_on=date(2022, 9, 1))
    assert no_agency.value.messages == [CHALLENGE_NEEDS_AGENCY]

    police.active = False
    police.save()
    with pytest.raises(ValidationError) as inactive:
        log_challenge(raised_by=partner, agency_challenged=police, issue="x", raised_on=date(2022, 9, 1))
    assert inactive.value.message_dict["agency_challenged"] == [CHALLENGE_AGENCY_NOT_ACTIVE % {"agency": police}]
    assert ChallengeLogEntry.objects.count() == 1
