"""The business manager opens a cycle to its agencies: each agency in scope gets one invitation, to its people who
sign in, with the cycle, the standards, the close date and the link to its return. Pressing it again e-mails only
agencies added since; agencies with nobody who signs in are listed back, not recorded, and invited once a person is
added. Only the business manager may invite; a mail server that refuses leaves nothing recorded."""

from datetime import timedelta

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audits.models import CycleNotice
from audits.services.section11_notices import invitation_plan, invite_agencies
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory

from .factories import make_cycle

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


def represented(name, *emails):
    agency = AgencyFactory(name=name)
    for number, email in enumerate(emails):
        PersonFactory(agency=agency, email=email, user=UserFactory(username=f"{name[:10]}-{number}"))
    return agency


@pytest.fixture
def cycle(settings):
    settings.SITE_URL = "https://lscp.example.org"
    police = represented("Metropolitan Police", "a@police.example.org", "b@police.example.org")
    health = represented("Central London Community Healthcare", "c@nhs.example.org")
    return make_cycle(police, health, name="Section 11 audit 2026–27")


def test_each_agency_gets_one_invitation_with_the_cycle_standards_close_date_and_link(cycle, mailoutbox):
    done = invite_agencies(cycle=cycle)
    assert [agency.name for agency in done.to_invite] == ["Central London Community Healthcare", "Metropolitan Police"]
    assert sorted(tuple(sorted(m.to)) for m in mailoutbox) == [
        ("a@police.example.org", "b@police.example.org"),
        ("c@nhs.example.org",),
    ]
    body = mailoutbox[0].body
    assert "Section 11 audit 2026–27" in body
    assert str(cycle.standard_set) in body
    assert f"{cycle.closes_on:%-d %B %Y}" in body
    assert "https://lscp.example.org" + reverse("audits:start_return", args=[cycle.pk]) in body
    assert CycleNotice.objects.filter(cycle=cycle, kind="invitation").count() == 2


def test_pressing_it_again_emails_only_an_agency_added_since(cycle, mailoutbox):
    invite_agencies(cycle=cycle)
    again = invite_agencies(cycle=cycle)
    assert again.to_invite == [] and len(again.already_invited) == 2 and len(mailoutbox) == 2
    cycle.agencies.add(represented("Westminster Schools", "head@school.example.org"))
    later = invite_agencies(cycle=cycle)
    assert [agency.name for agency in later.to_invite] == ["Westminster Schools"]
    assert len(mailoutbox) == 3 and mailoutbox[-1].to == ["head@school.example.org"]


def test_an_agency_nobody_signs_in_for_is_listed_and_invited_once_a_person_is_added(cycle, mailoutbox):
    housing = AgencyFactory(name="Housing Services")
    PersonFactory(agency=housing, email="no-account@housing.example.org")  # no account: cannot sign in
    cycle.agencies.add(housing)
    done = invite_agencies(cycle=cycle)
    assert [agency.name for agency in done.without_representatives] == ["Housing Services"]
    assert not CycleNotice.objects.filter(agency=housing).exists()
    PersonFactory(agency=housing, email="lead@housing.example.org", user=UserFactory(username="housing"))
    later = invite_agencies(cycle=cycle)
    assert [agency.name for agency in later.to_invite] == ["Housing Services"]
    assert mailoutbox[-1].to == ["lead@housing.example.org"]


def test_a_closed_cycle_invites_nobody(cycle, mailoutbox):
    cycle.opens_on = timezone.localdate() - timedelta(days=60)
    cycle.closes_on = timezone.localdate() - timedelta(days=1)
    cycle.save()
    with pytest.raises(Exception, match="can no longer be invited"):
        invite_agencies(cycle=cycle)
    assert mailoutbox == []


def test_a_refused_invitation_is_not_recorded_and_goes_the_next_time(cycle, settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    done = invite_agencies(cycle=cycle)
    assert len(done.failed) == 2 and done.to_invite == []
    assert not CycleNotice.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert len(invite_agencies(cycle=cycle).to_invite) == 2 and len(mailoutbox) == 2


def test_the_business_manager_confirms_then_sees_who_has_nobody_to_email(
    cycle, manager, client, mailoutbox, django_assert_max_num_queries
):
    cycle.agencies.add(AgencyFactory(name="Housing Services"))
    client.force_login(manager)
    url = reverse("audits:invite_agencies", args=[cycle.pk])
    assert url.encode() in client.get(reverse("audits:dashboard", args=[cycle.pk])).content
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.status_code == 200 and mailoutbox == []
    assert "Housing Services" in page.content.decode()
    sent = client.post(url, follow=True)
    text = sent.content.decode()
    assert "Invitations sent to the representatives of 2 agencies" in text
    assert "nobody at the agency signs in: Housing Services" in text
    assert len(mailoutbox) == 2


def test_the_confirmation_page_costs_the_same_with_more_agencies(cycle, manager, client, django_assert_num_queries):
    client.force_login(manager)
    url = reverse("audits:invite_agencies", args=[cycle.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        cycle.agencies.add(represented(f"Agency {number}", f"p{number}@agency.example.org"))
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_only_the_business_manager_may_invite(cycle, partner, chair, client, settings, mailoutbox):
    settings.LAY_MEMBERS_AGENCY_NAME = "Lay Members"
    lay = UserFactory(username="lay")
    PersonFactory(user=lay, agency__name="Lay Members", agency__sector="other")
    url = reverse("audits:invite_agencies", args=[cycle.pk])
    for user in (lay, partner, chair):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
        assert url.encode() not in client.get(reverse("audits:dashboard", args=[cycle.pk])).content
    assert mailoutbox == [] and not invitation_plan(cycle=cycle).already_invited


def test_the_link_opens_the_section11_page_until_the_return_is_started_then_the_return(partner, client):
    agency = partner.person.agency
    cycle = make_cycle(agency)
    client.force_login(partner)
    link = reverse("audits:start_return", args=[cycle.pk])
    assert client.get(link)["Location"] == reverse("audits:section11")
    assert not cycle.returns.exists()  # following the link makes no return
    agency_return = client.post(link)  # the Start button
    started = cycle.returns.get()
    assert agency_return["Location"] == client.get(link)["Location"] == reverse("audits:return", args=[started.pk])


def test_the_admin_action_on_the_cycles_invites_the_same_way(cycle, manager, client, mailoutbox):
    client.force_login(manager)
    changelist = reverse("admin:audits_cycle_changelist")
    chosen = {"action": "invite_agencies", "_selected_action": [cycle.pk]}
    client.post(changelist, chosen, follow=True)
    text = client.post(changelist, chosen, follow=True).content.decode()
    assert "every agency that can be e-mailed has been invited already" in text
    assert len(mailoutbox) == 2
