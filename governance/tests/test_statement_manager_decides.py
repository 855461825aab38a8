"""The business manager lists every agency's statement for a year and accepts or returns each one."""

import pytest
from django.urls import reverse

from governance.models import STATEMENT_RETURN_NEEDS_COMMENTS, AgencyStatement, StatementStatus
from governance.services.statements import STATEMENT_NOT_SUBMITTED
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

YEAR = FinancialYear(2022)


def statement(status, name, **fields):
    if status == StatementStatus.RETURNED:
        fields.setdefault("manager_comments", "More on impact.")
    return AgencyStatement.objects.create(
        agency=AgencyFactory(name=name), year=YEAR, status=status, text=f"{name} did good work.", **fields
    )


@pytest.mark.django_db
def test_the_list_shows_every_agency_and_the_state_of_its_statement(client, manager):
    AgencyFactory(name="Silent Trust")
    AgencyFactory(name="Closed Agency", active=False)
    statement(StatementStatus.DRAFT, "Drafting Council")
    statement(StatementStatus.SUBMITTED, "Submitting Police")
    statement(StatementStatus.ACCEPTED, "Accepted Health")
    statement(StatementStatus.RETURNED, "Returned School")
    gone = statement(StatementStatus.ACCEPTED, "Former Partner")
    gone.agency.active = False
    gone.agency.save()
    AgencyStatement.objects.create(agency=AgencyFactory(name="Other Year Trust"), year=YEAR.previous, text="Old.")
    client.force_login(manager)

    response = client.get(reverse("governance:statement_list", args=[YEAR]))

    assert response.status_code == 200
    rows = {agency.name: (s.status if s else "none") for agency, s in response.context["rows"]}
    assert rows == {
        "Silent Trust": "none",
        "Drafting Council": "draft",
        "Submitting Police": "submitted",
        "Accepted Health": "accepted",
        "Returned School": "returned",
        "Former Partner": "accepted",  # inactive now, but it wrote for that year
        "Other Year Trust": "none",
    }
    counts = {value: count for value, _, count in response.context["filters"]}
    assert counts == {"none": 2, "draft": 1, "submitted": 1, "accepted": 2, "returned": 1}


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["none", "submitted", "accepted"])
def test_the_list_filters_by_status(client, manager, status):
    AgencyFactory(name="Silent Trust")
    statement(StatementStatus.SUBMITTED, "Submitting Police")
    statement(StatementStatus.ACCEPTED, "Accepted Health")
    client.force_login(manager)
    response = client.get(reverse("governance:statement_list", args=[YEAR]), {"status": status})
    names = [agency.name for agency, _ in response.context["rows"]]
    assert (
        names == {"none": ["Silent Trust"], "submitted": ["Submitting Police"], "accepted": ["Accepted Health"]}[status]
    )


@pytest.mark.django_db
def test_an_unknown_status_filter_shows_everything(client, manager):
    statement(StatementStatus.SUBMITTED, "Submitting Police")
    client.force_login(manager)
    response = client.get(reverse("governance:statement_list", args=[YEAR]), {"status": "'; drop table"})
    assert response.status_code == 200
    assert response.context["chosen"] == ""


@pytest.mark.django_db
def test_the_manager_accepts_a_submitted_statement(client, manager):
    submitted = statement(StatementStatus.SUBMITTED, "Submitting Police")
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, submitted.agency_id])
    page = client.get(url)
    assert "Submitting Police did good work." in page.text
    assert 'value="accept"' in page.text

    response = client.post(url, {"decision": "accept", "comments": ""})

    assert response.status_code == 302
    assert response["Location"] == reverse("governance:statement_list", args=[YEAR])
    submitted.refresh_from_db()
    assert (submitted.status, submitted.decided_by) == (StatementStatus.ACCEPTED, manager)


@pytest.mark.django_db
def test_returning_without_comments_is_refused_and_keeps_the_form(client, manager):
    submitted = statement(StatementStatus.SUBMITTED, "Submitting Police")
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, submitted.agency_id])

    response = client.post(url, {"decision": "return", "comments": "  "})

    assert response.status_code == 200
    assert STATEMENT_RETURN_NEEDS_COMMENTS in response.text
    assert "error-summary" in response.text
    submitted.refresh_from_db()
    assert submitted.status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_the_manager_returns_a_statement_with_comments(client, manager):
    submitted = statement(StatementStatus.SUBMITTED, "Submitting Police")
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, submitted.agency_id])
    response = client.post(url, {"decision": "return", "comments": "Say what changed for children."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.manager_comments) == (
        StatementStatus.RETURNED,
        "Say what changed for children.",
    )


@pytest.mark.django_db
def test_deciding_twice_says_why_and_changes_nothing(client, manager):
    accepted = statement(StatementStatus.ACCEPTED, "Accepted Health")
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, accepted.agency_id])
    assert 'value="accept"' not in client.get(url).text

    response = client.post(url, {"decision": "return", "comments": "Changed my mind."})

    assert response.status_code == 200
    assert STATEMENT_NOT_SUBMITTED % {"status": "accepted"} in response.text
    accepted.refresh_from_db()
    assert accepted.status == StatementStatus.ACCEPTED


@pytest.mark.django_db
def test_an_agency_without_a_statement_has_a_page_but_nothing_to_decide(client, manager):
    statement(StatementStatus.ACCEPTED, "Talkative Trust")  # the year has records, so its pages open
    agency = AgencyFactory(name="Silent Trust")
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, agency.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "has not started its statement" in response.text
    assert client.post(url, {"decision": "accept"}).status_code == 404
