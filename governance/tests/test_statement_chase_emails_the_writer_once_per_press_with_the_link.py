"""Chase e-mails the statement's writer (the person named, else every partner representative of the agency) one
reminder from the business manager, with the link to write it, each time it is pressed; the board shows when it was
last chased. A statement already sent, or an agency not asked, is not chased."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import AgencyStatement, StatementRequest, StatementStatus
from governance.services.statements import request_statement
from lscp.financial_year import FinancialYear
from partnership.tests.factories import PersonFactory, UserFactory
from reports.services import create_report

YEAR = FinancialYear(2023)
SITE = "https://lscp.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def board(db):
    create_report(year=YEAR)
    return reverse("reports:contributions", args=[YEAR])


def chase_url(agency):
    return reverse("governance:statement_chase", args=[YEAR, agency.pk])


@pytest.mark.django_db
def test_chase_sends_one_email_to_the_writer_named_with_the_link_each_press(
    client, manager, partner, board, mailoutbox
):
    agency = partner.person.agency
    PersonFactory(agency=agency, user=UserFactory())  # a colleague, not named: not chased
    request_statement(agency=agency, year=YEAR, assigned_to=partner, due_on=date(2024, 5, 31), by=manager)
    client.force_login(manager)

    response = client.post(chase_url(agency), {"next": board}, follow=True)
    assert response.redirect_chain[-1][0] == board
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [partner.person.email] and message.reply_to == [manager.email]
    assert f"{SITE}{reverse('governance:our_statement', args=[YEAR])}" in message.body
    assert agency.name in message.subject and "2023/24" in message.subject
    page = response.content.decode()
    assert f"was e-mailed to {partner.person.email}" in page
    asked = StatementRequest.objects.get(agency=agency, year=YEAR)
    assert asked.last_chased_by == manager and asked.last_chased_at is not None

    client.post(chase_url(agency), {"next": board})
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_without_a_writer_named_every_partner_representative_is_chased(client, manager, partner, board, mailoutbox):
    agency = partner.person.agency
    colleague = PersonFactory(agency=agency, user=UserFactory())
    request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
    client.force_login(manager)
    client.post(chase_url(agency), {"next": board})
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == sorted([partner.person.email, colleague.email])


@pytest.mark.django_db
def test_a_statement_already_sent_is_not_chased(client, manager, partner, board, mailoutbox):
    agency = partner.person.agency
    request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
    AgencyStatement.objects.create(agency=agency, year=YEAR, text="Done.", status=StatementStatus.SUBMITTED)
    client.force_login(manager)
    page = client.post(chase_url(agency), {"next": board}, follow=True).content.decode()
    assert mailoutbox == [] and "there is nobody to chase" in page
    assert StatementRequest.objects.get(agency=agency).last_chased_at is None


@pytest.mark.django_db
def test_an_agency_not_asked_is_not_chased(client, manager, partner, board, mailoutbox):
    client.force_login(manager)
    page = client.post(chase_url(partner.person.agency), {"next": board}, follow=True).content.decode()
    assert mailoutbox == [] and "has not been asked for its statement" in page


@pytest.mark.django_db
def test_next_elsewhere_is_ignored(client, manager, partner, board, mailoutbox):
    agency = partner.person.agency
    request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
    client.force_login(manager)
    response = client.post(chase_url(agency), {"next": "https://evil.example.com/"})
    assert response["Location"] == reverse("governance:statement_request", args=[YEAR, agency.pk])
