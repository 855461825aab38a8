"""A partner representative's home page names the date their agency's statement is due for the report being put
together, and says when it is late."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.services.statements import request_statement
from lscp.financial_year import FinancialYear
from reports.services import create_report

YEAR = FinancialYear(2023)


def panel(page):
    start = page.index('id="statement-heading"')
    return page[start : page.index("</section>", start)]


@pytest.mark.django_db
def test_the_home_page_shows_the_due_date(client, manager, partner):
    create_report(year=YEAR)
    due = timezone.localdate() + timedelta(days=10)
    request_statement(agency=partner.person.agency, year=YEAR, assigned_to=None, due_on=due, by=manager)
    client.force_login(partner)
    mine = panel(client.get(reverse("home")).content.decode())
    assert "2023/24" in mine and f"Due on <strong>{due:%-d %B %Y}</strong>" in mine and "Late" not in mine


@pytest.mark.django_db
def test_a_late_statement_says_so(client, manager, partner):
    create_report(year=YEAR)
    due = timezone.localdate() - timedelta(days=3)
    request_statement(agency=partner.person.agency, year=YEAR, assigned_to=partner, due_on=due, by=manager)
    client.force_login(partner)
    mine = panel(client.get(reverse("home")).content.decode())
    assert "Late:" in mine and f"{due:%-d %B %Y}" in mine


@pytest.mark.django_db
def test_not_asked_shows_no_due_date(client, partner):
    create_report(year=YEAR)
    client.force_login(partner)
    mine = panel(client.get(reverse("home")).content.decode())
    assert "Not started." in mine and "Due on" not in mine
