"""Every statements page × every role → the status that role should get, for reading and for writing."""

import pytest
from django.urls import reverse

from governance.models import AgencyStatement, StatementStatus
from lscp.financial_year import FinancialYear
from lscp.testing import ROLES
from partnership.tests.factories import AgencyFactory

OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404
YEAR = FinancialYear(2022)


@pytest.fixture
def statements(partner):
    other = AgencyFactory(name="Metropolitan Police")
    return {
        "own": AgencyStatement.objects.create(agency=partner.person.agency, year=YEAR, text="Ours."),
        "other": AgencyStatement.objects.create(
            agency=other, year=YEAR, text="Theirs.", status=StatementStatus.SUBMITTED
        ),
    }


def _pages(s):
    own_review = reverse("governance:statement_review", args=[YEAR, s["own"].agency_id])
    other_review = reverse("governance:statement_review", args=[YEAR, s["other"].agency_id])
    return [
        # (url, anonymous, manager, chair, partner, delegate, outsider)
        (reverse("governance:statements"), REDIRECT, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN),
        (reverse("governance:statement_list", args=[YEAR]), REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (reverse("governance:our_statement", args=[YEAR]), REDIRECT, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN),
        (own_review, REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (other_review, REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        ("/statements/2022-24/", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ]


def _users(request):
    return {role: (None if role == "anonymous" else request.getfixturevalue(role)) for role in ROLES}


@pytest.mark.django_db
def test_every_statements_page_gives_each_role_what_it_should(statuses_by_role, statements):
    failures = statuses_by_role(_pages(statements))
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_only_the_right_roles_can_post_to_statements_pages(request, client, statements):
    users = _users(request)
    ours = reverse("governance:our_statement", args=[YEAR])
    review = reverse("governance:statement_review", args=[YEAR, statements["other"].agency_id])
    table = [
        # (url, data, anonymous, manager, chair, partner, delegate, outsider); the posts below are
        # Preview and an incomplete decision, so nothing changes whoever is let through.
        (ours, {"preview": "1"}, REDIRECT, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN),
        (review, {"decision": "return"}, REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ]
    failures = []
    for url, data, *expected in table:
        for role, status in zip(ROLES, expected, strict=True):
            client.logout()
            if users[role] is not None:
                client.force_login(users[role])
            got = client.post(url, data).status_code
            if got != status:
                failures.append(f"{role} POST {url}: expected {status}, got {got}")
    assert not failures, "\n".join(failures)
    statements["other"].refresh_from_db()
    assert statements["other"].status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_the_statements_index_sends_each_role_to_its_page(client, manager, partner):
    year = FinancialYear.current().previous
    client.force_login(manager)
    assert client.get(reverse("governance:statements"))["Location"] == reverse("governance:statement_list", args=[year])
    client.force_login(partner)
    assert client.get(reverse("governance:statements"))["Location"] == reverse("governance:our_statement", args=[year])


@pytest.mark.django_db
def test_the_public_is_sent_to_sign_in(client):
    url = reverse("governance:our_statement", args=[YEAR])
    response = client.get(url)
    assert response["Location"] == f"{reverse('login')}?next={url}"
