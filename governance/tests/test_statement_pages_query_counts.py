"""The statements pages cost the same number of queries with a few agencies or ten times as many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import AgencyStatement, Inspection, StatementStatus
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory, LocalAuthorityFactory, UserFactory

YEAR = FinancialYear(2022)
STATUSES = [None, StatementStatus.DRAFT, StatementStatus.SUBMITTED, StatementStatus.ACCEPTED]


def add_agencies(n):
    submitter = UserFactory()
    for i in range(n):
        agency = AgencyFactory()
        status = STATUSES[i % len(STATUSES)]
        if status is None:
            continue
        statement = AgencyStatement.objects.create(
            agency=agency, year=YEAR, text="Our year.", status=status, submitted_by=submitter
        )
        Inspection.objects.create(statement=statement, inspectorate="Ofsted", date="2022-06-01")
        Inspection.objects.create(statement=statement, inspectorate="CQC", date="2022-07-01")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?status=submitted", "?status=none"])
def test_the_list_of_statements_is_pinned(client, manager, django_assert_max_num_queries, query):
    client.force_login(manager)
    url = reverse("governance:statement_list", args=[YEAR]) + query
    add_agencies(8)
    client.get(url)
    with django_assert_max_num_queries(9):
        small = queries_for(client, url)
    add_agencies(80)
    assert queries_for(client, url) == small


@pytest.mark.django_db
def test_a_statement_page_is_pinned_however_many_inspections(client, manager, partner, django_assert_max_num_queries):
    for _ in range(5):
        LocalAuthorityFactory()
    statement = AgencyStatement.objects.create(agency=partner.person.agency, year=YEAR, text="Ours.")
    ours = reverse("governance:our_statement", args=[YEAR])
    review = reverse("governance:statement_review", args=[YEAR, statement.agency_id])

    def add_inspections(n):
        for _ in range(n):
            Inspection.objects.create(statement=statement, inspectorate="Ofsted", date="2022-06-01")

    add_inspections(1)
    client.force_login(partner)
    with django_assert_max_num_queries(10):
        small_form = queries_for(client, ours)
    client.force_login(manager)
    with django_assert_max_num_queries(10):
        small_review = queries_for(client, review)

    add_inspections(9)
    client.force_login(partner)
    assert queries_for(client, ours) == small_form
    client.force_login(manager)
    assert queries_for(client, review) == small_review
