"""The business manager or a lay member scrutinises a submitted return: notes and a challenge session date keep it
under scrutiny; accepting it, or returning it for more evidence (with comments saying what), decides it. The
agency's representatives hear by e-mail when it is submitted and when it is decided, once the change is committed."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audits.models import Return, Scrutiny
from audits.services.section11 import RETURN_NEEDS_COMMENTS, record_scrutiny, start_return, submit_return
from partnership.tests.factories import PersonFactory, UserFactory

from .factories import make_cycle


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://lscp.example.org"
    settings.DEFAULT_FROM_EMAIL = "LSCP business team <lscp@example.org>"


@pytest.fixture
def opened(partner):
    agency = partner.person.agency
    opened = start_return(cycle=make_cycle(agency, standards=2), agency=agency, by=partner)
    opened.responses.update(rating="fully_met", evidence="Policy and audit.")
    return opened


@pytest.fixture
def submitted(opened, partner):
    return submit_return(agency_return=opened, by=partner)


@pytest.fixture
def lay_member(settings):
    settings.LAY_MEMBERS_AGENCY_NAME = "Lay Members"
    user = UserFactory(username="lay")
    PersonFactory(user=user, name="Lay Member", agency__name="Lay Members", agency__sector="other")
    return user


@pytest.mark.django_db
def test_submitting_mails_the_agencys_representatives_and_the_business_team(
    site, opened, partner, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = PersonFactory(agency=opened.agency, user=UserFactory(username="colleague"))
    PersonFactory(agency=opened.agency)  # no sign-in account: not a representative
    with django_capture_on_commit_callbacks(execute=True):
        submit_return(agency_return=opened, by=partner)
    to_agency, to_team = mailoutbox
    assert sorted(to_agency.to) == sorted([partner.person.email, colleague.email])
    assert "submitted" in to_agency.subject
    assert "https://lscp.example.org" + reverse("audits:return", args=[opened.pk]) in to_agency.body
    assert to_team.to == ["LSCP business team <lscp@example.org>"]
    assert "https://lscp.example.org" + reverse("audits:scrutiny", args=[opened.pk]) in to_team.body


@pytest.mark.django_db
def test_no_mail_goes_before_the_submission_is_committed(
    opened, partner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        submit_return(agency_return=opened, by=partner)
    assert mailoutbox == [] and len(waiting) == 1


@pytest.mark.django_db
def test_notes_keep_it_under_scrutiny_and_mail_nobody(
    submitted, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record_scrutiny(
            agency_return=submitted,
            by=manager,
            comments="Ask about supervision.",
            challenge_session_on=date(2023, 6, 5),
        )
    assert Return.objects.get(pk=submitted.pk).status == "under_scrutiny"
    assert mailoutbox == []


@pytest.mark.django_db
def test_accepting_mails_the_representatives(
    site, submitted, partner, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record_scrutiny(agency_return=submitted, by=manager, comments="A thorough return.", outcome="accepted")
    assert Return.objects.get(pk=submitted.pk).status == "accepted"
    (mail,) = mailoutbox
    assert mail.to == [partner.person.email]
    assert "accepted" in mail.subject and "A thorough return." in mail.body


@pytest.mark.django_db
def test_a_lay_member_returns_it_for_more_evidence_from_the_page(
    client, site, submitted, partner, lay_member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(lay_member)
    url = reverse("audits:scrutiny", args=[submitted.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "outcome": "returned",
                "comments": "Attach the safer recruitment audit.",
                "challenge_session_on": "2023-06-05",
            },
        )
    assert response.status_code == 302
    assert Return.objects.get(pk=submitted.pk).status == "returned"
    scrutiny = Scrutiny.objects.get()
    assert scrutiny.by == lay_member and scrutiny.challenge_session_on == date(2023, 6, 5)
    (mail,) = mailoutbox
    assert mail.to == [partner.person.email]
    assert "returned for more evidence" in mail.subject and "Attach the safer recruitment audit." in mail.body
    # Back with the agency: its representative can change it again.
    client.force_login(partner)
    assert "Save as draft" in client.get(reverse("audits:return", args=[submitted.pk])).content.decode()


@pytest.mark.django_db
def test_returning_it_needs_comments_and_what_was_typed_stays(client, submitted, manager):
    with pytest.raises(ValidationError) as refused:
        record_scrutiny(agency_return=submitted, by=manager, outcome="returned")
    assert refused.value.message_dict == {"comments": [RETURN_NEEDS_COMMENTS]}
    client.force_login(manager)
    response = client.post(
        reverse("audits:scrutiny", args=[submitted.pk]), {"outcome": "returned", "challenge_session_on": "2023-06-05"}
    )
    assert response.status_code == 200
    assert response.context["form"]["comments"].errors == [RETURN_NEEDS_COMMENTS]
    assert 'value="2023-06-05"' in response.content.decode()
    assert Return.objects.get(pk=submitted.pk).status == "submitted"


@pytest.mark.django_db
def test_a_return_still_with_the_agency_cannot_be_decided(opened, manager):
    with pytest.raises(ValidationError):
        record_scrutiny(agency_return=opened, by=manager, outcome="accepted")
    assert Return.objects.get(pk=opened.pk).status == "in_progress"


@pytest.mark.django_db
def test_a_partner_who_is_not_a_lay_member_cannot_scrutinise(client, submitted, partner):
    client.force_login(partner)
    assert client.post(reverse("audits:scrutiny", args=[submitted.pk]), {"outcome": "accepted"}).status_code == 403
    assert Return.objects.get(pk=submitted.pk).status == "submitted"
