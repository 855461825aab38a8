"""The list of challenges: each role's own, the filters, pagination, and a query count that does not grow."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import ChallengeLogEntry, ChallengeResolution, ChallengeStage
from partnership.tests.factories import AgencyFactory, PersonFactory

URL = reverse("governance:challenges")


def issues(response):
    assert response.status_code == 200
    return [challenge.issue for challenge in response.context["challenges"]]


def log(raised_by, challenged, issue, day=date(2022, 9, 1), **fields):
    return ChallengeLogEntry.objects.create(
        raised_by_agency=raised_by, agency_challenged=challenged, issue=issue, raised_on=day, **fields
    )


@pytest.fixture
def challenges(partner):
    ours, police, council = partner.person.agency, AgencyFactory(), AgencyFactory()
    log(ours, police, "Open raised", date(2022, 9, 3), stage=ChallengeStage.ESCALATED_SUBGROUP)
    log(council, ours, "Open received", date(2022, 9, 2))
    log(
        ours,
        council,
        "Closed raised",
        date(2022, 9, 1),
        closed_on=date(2022, 9, 5),
        resolution=ChallengeResolution.ACCEPTED,
    )
    log(police, council, "Not ours", date(2022, 9, 4))


@pytest.mark.django_db
def test_a_partner_sees_their_agencys_open_challenges_newest_first(client, partner, challenges):
    client.force_login(partner)
    assert issues(client.get(URL)) == ["Open raised", "Open received"]


@pytest.mark.django_db
def test_the_business_manager_sees_every_challenge(client, manager, challenges):
    client.force_login(manager)
    assert issues(client.get(URL, {"state": "any"})) == ["Not ours", "Open raised", "Open received", "Closed raised"]
    assert "Log a challenge" not in client.get(URL).text  # the manager has no agency to raise it for


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ({"state": "any"}, ["Open raised", "Open received", "Closed raised"]),
        ({"state": "closed"}, ["Closed raised"]),
        ({"stage": "escalated_subgroup"}, ["Open raised"]),
        ({"stage": "resolved_between_agencies"}, ["Open received"]),
        ({"state": "any", "stage": "resolved_between_agencies"}, ["Open received", "Closed raised"]),
        ({"state": "closed", "stage": "escalated_lead_partners"}, []),
    ],
)
def test_the_filters_narrow_the_list(client, partner, challenges, query, expected):
    client.force_login(partner)
    assert issues(client.get(URL, query)) == expected


@pytest.mark.django_db
def test_the_list_is_paginated_and_the_pages_keep_the_filters(client, partner):
    ours, police = partner.person.agency, AgencyFactory()
    for n in range(30):
        log(ours, police, f"Numbered {n:02}", date(2022, 1, 1) + timedelta(days=n), stage="escalated_partnership")
    client.force_login(partner)
    first = client.get(URL, {"stage": "escalated_partnership"})
    assert len(issues(first)) == 25
    assert "?stage=escalated_partnership&amp;page=2" in first.text
    second = client.get(URL, {"stage": "escalated_partnership", "page": 2})
    assert issues(second) == [f"Numbered {n:02}" for n in range(4, -1, -1)]


def add_challenges(agencies, copies):
    """For each pair of agencies, `copies` challenges each way, with a named person raising them."""
    for agency in agencies:
        person = PersonFactory(agency=agency)
        for other in agencies:
            if other == agency:
                continue
            for n in range(copies):
                log(
                    agency,
                    other,
                    f"Issue {n}",
                    date(2022, 9, 1) - timedelta(days=n),
                    raised_by_person=person,
                    closed_on=date(2022, 9, 2) if n % 2 else None,
                    resolution="accepted" if n % 2 else "",
                )


def queries_for(client, query):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, query).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["manager", "chair", "partner"])
@pytest.mark.parametrize("query", [{"state": "any"}, {"state": "closed", "stage": "resolved_between_agencies"}])
def test_the_list_costs_the_same_queries_with_ten_times_the_challenges(
    request, client, role, query, partner, chair, django_assert_max_num_queries
):
    agencies = [partner.person.agency, chair.person.agency, AgencyFactory()]
    add_challenges(agencies, 2)
    client.force_login(request.getfixturevalue(role))
    client.get(URL)  # warm the session
    small = queries_for(client, query)
    add_challenges(agencies, 20)
    with django_assert_max_num_queries(7):
        assert queries_for(client, query) == small


@pytest.mark.django_db
def test_a_challenge_page_is_pinned(client, partner, django_assert_max_num_queries):
    entry = log(partner.person.agency, AgencyFactory(), "One", raised_by_person=partner.person)
    client.force_login(partner)
    client.get(URL)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("governance:challenge", args=[entry.pk])).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("governance:challenge_edit", args=[entry.pk])).status_code == 200
