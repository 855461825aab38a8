"""Asking an agency for its statement and chasing its writer are the business manager's: a chair or a partner
(even of the agency itself) is refused, and nothing changes."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import StatementRequest
from governance.services.statements import request_statement
from lscp.financial_year import FinancialYear

YEAR = FinancialYear(2023)


@pytest.mark.django_db
def test_chairs_and_partners_cannot_ask_or_chase(client, manager, chair, partner, mailoutbox):
    agency = partner.person.agency
    request_statement(agency=agency, year=YEAR, assigned_to=None, due_on=date(2024, 5, 31), by=manager)
    ask = reverse("governance:statement_request", args=[YEAR, agency.pk])
    chase = reverse("governance:statement_chase", args=[YEAR, agency.pk])
    for user in (chair, partner):
        client.force_login(user)
        assert client.get(ask).status_code == 403
        assert client.post(ask, {"assigned_to": "", "due_on": "2024-07-31"}).status_code == 403
        assert client.post(chase).status_code == 403
    assert StatementRequest.objects.get(agency=agency).due_on == date(2024, 5, 31)
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_manager_opens_the_page_and_chase_takes_no_get(client, manager, partner):
    agency = partner.person.agency
    client.force_login(manager)
    assert client.get(reverse("governance:statement_request", args=[YEAR, agency.pk])).status_code == 200
    assert client.get(reverse("governance:statement_chase", args=[YEAR, agency.pk])).status_code == 405
