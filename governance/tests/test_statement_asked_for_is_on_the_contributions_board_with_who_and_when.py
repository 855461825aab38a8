"""The business manager asks an agency for its statement on the annual report's contributions board: the row's form
(posted to governance's own page) names one of the agency's partner representatives, or all of them, and a due date;
the row then shows who, when it is due, where it stands (not started, being written, submitted, accepted, returned;
late when past due and not sent) and its last change. A writer who is not of the agency is refused with the reason."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import AgencyStatement, StatementRequest, StatementStatus
from governance.services.statements import request_statement
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory
from reports.services import create_report

YEAR = FinancialYear(2023)


@pytest.fixture
def board(db):
    create_report(year=YEAR)
    return reverse("reports:contributions", args=[YEAR])


def row(page, agency):
    start = page.index(f'id="part-statement-of-{agency.name.lower().replace(" ", "-")}"')
    return page[start : page.index("</tr>", start)]


def ask_url(agency):
    return reverse("governance:statement_request", args=[YEAR, agency.pk])


@pytest.mark.django_db
def test_an_agency_not_asked_is_on_the_board_and_asking_it_there_shows_who_and_when(client, manager, partner, board):
    agency = partner.person.agency
    client.force_login(manager)
    page = client.get(board).content.decode()
    assert "Not asked" in row(page, agency) and ask_url(agency) in row(page, agency)

    response = client.post(ask_url(agency), {"assigned_to": partner.pk, "due_on": "2024-05-31", "next": board})
    assert response.status_code == 302 and response["Location"] == board
    asked = StatementRequest.objects.get(agency=agency, year=YEAR)
    assert (asked.assigned_to, asked.due_on, asked.requested_by) == (partner, date(2024, 5, 31), manager)
    # Asking starts no statement: the agency has not started one.
    assert not AgencyStatement.objects.filter(agency=agency, year=YEAR).exists()

    mine = row(client.get(board).content.decode(), agency)
    assert (partner.get_full_name() or partner.username) in mine
    assert "31 May 2024" in mine and "Late" in mine and "Not started" in mine  # 31 May 2024 is long past
    assert reverse("governance:statement_chase", args=[YEAR, agency.pk]) in mine


@pytest.mark.django_db
def test_by_default_the_agencys_partner_representatives_write_it(client, manager, partner, board):
    agency = partner.person.agency
    colleague = PersonFactory(
        agency=agency, name="Sam Colleague", user=UserFactory(first_name="Sam", last_name="Colleague")
    )
    due = timezone.localdate() + timedelta(days=20)
    client.force_login(manager)
    client.post(ask_url(agency), {"assigned_to": "", "due_on": due.isoformat(), "next": board})
    asked = StatementRequest.objects.get(agency=agency, year=YEAR)
    assert asked.assigned_to is None
    mine = row(client.get(board).content.decode(), agency)
    assert "partner representatives" in mine and colleague.user.get_full_name() in mine
    assert "Late" not in mine and f"{due:%-d %B %Y}" in mine


@pytest.mark.django_db
def test_the_row_says_where_the_statement_stands(client, manager, partner, board):
    agency = partner.person.agency
    request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
    statement = AgencyStatement.objects.create(agency=agency, year=YEAR, text="")
    client.force_login(manager)
    assert "Not started" in row(client.get(board).content.decode(), agency)
    statement.text = "Our year so far."
    statement.save()
    mine = row(client.get(board).content.decode(), agency)
    assert "Being written" in mine and "Late" in mine
    statement.status = StatementStatus.SUBMITTED
    statement.save()
    mine = row(client.get(board).content.decode(), agency)
    assert "Submitted" in mine and "Late" not in mine
    assert reverse("governance:statement_chase", args=[YEAR, agency.pk]) not in mine  # nobody to chase


@pytest.mark.django_db
def test_a_writer_who_is_not_of_the_agency_is_refused_with_the_reason(client, manager, partner, board):
    other = AgencyFactory(name="London Fire Brigade")
    client.force_login(manager)
    response = client.post(ask_url(other), {"assigned_to": partner.pk, "due_on": "2024-05-31", "next": board})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not StatementRequest.objects.filter(agency=other).exists()
    # The service says why, for a caller that skips the form.
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="only its partner representatives"):
        request_statement(agency=other, year=YEAR, assigned_to=partner, due_on=date(2024, 5, 31), by=manager)


@pytest.mark.django_db
def test_a_date_that_is_not_a_date_is_refused_on_the_page(client, manager, partner, board):
    client.force_login(manager)
    response = client.post(ask_url(partner.person.agency), {"assigned_to": "", "due_on": "soon", "next": board})
    assert response.status_code == 200 and "Enter a valid date" in response.content.decode()
    assert not StatementRequest.objects.exists()


@pytest.mark.django_db
def test_asking_again_changes_who_and_when_and_keeps_one_request(client, manager, partner, board):
    agency = partner.person.agency
    request_statement(agency=agency, year=YEAR, assigned_to=partner, due_on=date(2024, 5, 31), by=manager)
    client.force_login(manager)
    client.post(ask_url(agency), {"assigned_to": "", "due_on": "2024-06-28", "next": board})
    asked = StatementRequest.objects.get(agency=agency, year=YEAR)
    assert (asked.assigned_to, asked.due_on) == (None, date(2024, 6, 28))


@pytest.mark.django_db
def test_the_board_costs_the_same_queries_with_more_agencies_asked(
    client, manager, partner, board, django_assert_max_num_queries
):
    client.force_login(manager)
    client.get(board)
    for n in range(6):
        agency = AgencyFactory(name=f"Agency {n}")
        PersonFactory(agency=agency, user=UserFactory())
        request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
        AgencyStatement.objects.create(agency=agency, year=YEAR, text="Begun.")
    with django_assert_max_num_queries(15):
        assert client.get(board).status_code == 200
