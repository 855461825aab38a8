"""The statements pages open where the work is: on the year of the annual report being put together (the latest
draft), not on an empty last year; the partner's home page names the same year. Without a draft report they open
on the last financial year, as before."""

import pytest
from django.urls import reverse

from governance.models import AgencyStatement, StatementStatus
from lscp.financial_year import FinancialYear
from reports.models import AnnualReport, ReportStatus

DRAFT_YEAR = FinancialYear.current().previous.previous.previous


@pytest.fixture
def draft_report(db):
    AnnualReport.objects.create(year=DRAFT_YEAR.previous, status=ReportStatus.PUBLISHED)
    return AnnualReport.objects.create(year=DRAFT_YEAR, status=ReportStatus.DRAFT)


def test_the_statements_pages_open_on_the_draft_reports_year(client, manager, partner, draft_report):
    client.force_login(manager)
    assert client.get(reverse("governance:statements"))["Location"] == reverse(
        "governance:statement_list", args=[DRAFT_YEAR]
    )
    client.force_login(partner)
    assert client.get(reverse("governance:statements"))["Location"] == reverse(
        "governance:our_statement", args=[DRAFT_YEAR]
    )


def test_the_partners_home_names_the_draft_reports_year_and_their_statement(client, partner, draft_report):
    AgencyStatement.objects.create(
        agency=partner.person.agency, year=DRAFT_YEAR, text="Written.", status=StatementStatus.SUBMITTED
    )
    client.force_login(partner)
    page = client.get(reverse("home")).content.decode()
    assert f"Your agency's statement for {DRAFT_YEAR}" in page
    assert "Submitted." in page
    assert reverse("governance:our_statement", args=[DRAFT_YEAR]) in page


@pytest.mark.django_db
def test_without_a_draft_report_they_open_on_the_last_financial_year(client, partner):
    AnnualReport.objects.create(year=DRAFT_YEAR, status=ReportStatus.PUBLISHED)
    client.force_login(partner)
    last_year = FinancialYear.current().previous
    assert client.get(reverse("governance:statements"))["Location"] == reverse(
        "governance:our_statement", args=[last_year]
    )
    assert f"Your agency's statement for {last_year}" in client.get(reverse("home")).content.decode()
