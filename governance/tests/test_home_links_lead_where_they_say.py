"""The home page's links open the list they count: the overdue actions, and the statements waiting."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import AgencyStatement, StatementStatus
from governance.tests.factories import ActionFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory


def _link(page, text):
    """The href of the link whose text contains `text`."""
    for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', page, flags=re.S):
        if text in label:
            return href.replace("&amp;", "&")
    raise AssertionError(f"No link with {text!r} on the page")


@pytest.mark.django_db
def test_the_overdue_link_lists_only_the_overdue_actions(client, partner):
    agency = partner.person.agency
    today = timezone.localdate()
    late = [ActionFactory(owner_agency=agency, title=f"Late {n}", due_date=today - timedelta(days=n)) for n in (1, 40)]
    ActionFactory(owner_agency=agency, title="Due next month", due_date=today + timedelta(days=30))
    ActionFactory(
        owner_agency=agency,
        title="Late but done",
        due_date=today - timedelta(days=5),
        status="complete",
        completed_on=today - timedelta(days=1),
    )
    client.force_login(partner)
    home = client.get(reverse("home")).content.decode()
    target = client.get(_link(home, "2 overdue"))
    assert target.status_code == 200
    assert {a.title for a in target.context["actions"]} == {a.title for a in late}


@pytest.mark.django_db
def test_the_statements_waiting_link_opens_the_year_they_are_waiting_in(client, manager):
    waiting = AgencyStatement.objects.create(
        agency=AgencyFactory(name="Imperial College Healthcare NHS Trust"),
        year=FinancialYear(2020),
        text="Sent late.",
        status=StatementStatus.SUBMITTED,
    )
    AgencyStatement.objects.create(
        agency=AgencyFactory(name="Metropolitan Police"), year=FinancialYear(2020), status=StatementStatus.ACCEPTED
    )
    client.force_login(manager)
    home = client.get(reverse("home")).content.decode()
    href = _link(home, "1 statement")
    assert href.startswith(reverse("governance:statement_list", args=[FinancialYear(2020)]))
    target = client.get(href)
    assert target.status_code == 200
    assert [agency.name for agency, statement in target.context["rows"]] == [waiting.agency.name]


@pytest.mark.django_db
def test_with_no_statement_waiting_the_manager_is_told_so(client, manager):
    client.force_login(manager)
    assert "None is waiting for your decision" in client.get(reverse("home")).content.decode()
