"""The statements pages go back to the first year with records (a statement, or the registry's first members)
and no further: no "previous" link before it, and a year before it is not found (404)."""

import pytest
from django.urls import reverse

from governance.models import AgencyStatement
from lscp.financial_year import FinancialYear

# Earlier than the memberships of the role fixtures (2020/21): a statement takes the pages further back.
FIRST = FinancialYear(2018)


@pytest.fixture
def first_statement(partner):
    return AgencyStatement.objects.create(agency=partner.person.agency, year=FIRST, text="Our first.")


@pytest.mark.django_db
def test_the_first_year_has_no_previous_link_and_the_next_has_one(client, manager, first_statement):
    client.force_login(manager)
    first = client.get(reverse("governance:statement_list", args=[FIRST]))
    assert first.status_code == 200 and first.context["previous_year"] is None
    assert reverse("governance:statement_list", args=[FinancialYear(2017)]) not in first.content.decode()
    following = client.get(reverse("governance:statement_list", args=[FinancialYear(2019)]))
    assert following.context["previous_year"] == FIRST


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, name", [("manager", "governance:statement_list"), ("partner", "governance:our_statement")]
)
def test_a_year_before_the_first_is_not_found(request, client, first_statement, role, name):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(name, args=[FinancialYear(2017)])).status_code == 404
    assert client.get("/statements/1990-91/" + ("ours/" if role == "partner" else "")).status_code == 404


@pytest.mark.django_db
def test_with_no_statement_yet_the_pages_start_at_the_registrys_first_year(client, partner):
    first = FinancialYear(2020)  # the partner's membership starts on 1 April 2020
    client.force_login(partner)
    page = client.get(reverse("governance:our_statement", args=[first]))
    assert page.status_code == 200 and page.context["previous_year"] is None
    assert client.get(reverse("governance:our_statement", args=[first.previous])).status_code == 404
