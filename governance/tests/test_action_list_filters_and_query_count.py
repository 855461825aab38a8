"""The list of actions: each role's own, the filters, pagination, and a query count that does not grow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import ActionStatus, ActionUpdate, Rag
from governance.tests.factories import ActionFactory
from partnership.tests.factories import AgencyFactory, PersonFactory


def today():
    return timezone.localdate()


def titles(response):
    assert response.status_code == 200
    return [action.title for action in response.context["actions"]]


@pytest.fixture
def tracker(partner, chaired_body):
    """A spread of the partner's agency's actions, and one for another agency."""
    agency = partner.person.agency
    day = today()
    return {
        "overdue": ActionFactory(
            title="Overdue red", owner_agency=agency, due_date=day - timedelta(days=3), rag=Rag.RED
        ),
        "soon": ActionFactory(
            title="Due soon amber",
            owner_agency=agency,
            due_date=day + timedelta(days=10),
            rag=Rag.AMBER,
            status=ActionStatus.ON_TRACK,
        ),
        "later": ActionFactory(title="Due later unrated", owner_agency=agency, due_date=day + timedelta(days=60)),
        "done": ActionFactory(
            title="Done green",
            owner_agency=agency,
            due_date=day - timedelta(days=30),
            rag=Rag.GREEN,
            status=ActionStatus.COMPLETE,
            completed_on=day - timedelta(days=31),
        ),
        "other": ActionFactory(title="Another agency's", owner_agency=AgencyFactory(), due_date=day),
    }


@pytest.mark.django_db
def test_a_partner_sees_their_agencys_open_actions_by_due_date(client, partner, tracker):
    client.force_login(partner)
    assert titles(client.get(reverse("governance:actions"))) == ["Overdue red", "Due soon amber", "Due later unrated"]


@pytest.mark.django_db
def test_the_page_counts_what_is_overdue_and_due_soon(client, partner, tracker):
    client.force_login(partner)
    response = client.get(reverse("governance:actions"))
    assert response.context["counts"] == {"overdue": 1, "due_soon": 1}
    assert "1 overdue" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ({"status": "any"}, ["Done green", "Overdue red", "Due soon amber", "Due later unrated"]),
        ({"status": "complete"}, ["Done green"]),
        ({"status": "on_track"}, ["Due soon amber"]),
        ({"deadline": "overdue"}, ["Overdue red"]),
        ({"deadline": "due_soon"}, ["Due soon amber"]),
        ({"rag": "red"}, ["Overdue red"]),
        ({"rag": "none"}, ["Due later unrated"]),
        ({"status": "any", "rag": "green"}, ["Done green"]),
        ({"deadline": "overdue", "rag": "amber"}, []),
    ],
)
def test_the_filters_narrow_the_list(client, partner, tracker, query, expected):
    client.force_login(partner)
    assert titles(client.get(reverse("governance:actions"), query)) == expected


@pytest.mark.django_db
def test_only_the_business_manager_can_filter_by_owner_agency(client, manager, partner, tracker):
    other = tracker["other"].owner_agency
    client.force_login(manager)
    response = client.get(reverse("governance:actions"), {"agency": other.pk})
    assert titles(response) == ["Another agency's"]
    assert 'name="agency"' in response.content.decode()

    client.force_login(partner)
    response = client.get(reverse("governance:actions"), {"agency": other.pk})
    assert "Another agency's" not in titles(response)
    assert 'name="agency"' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"deadline": "yesterday"},
        {"rag": "purple"},
        {"agency": "not-a-number"},
        {"agency": "999999"},
        {"agency": "99999999999999999999999"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999"},
        {"status": "\x00"},
    ],
)
def test_filter_values_that_make_no_sense_are_ignored_not_an_error(client, manager, tracker, query):
    client.force_login(manager)
    response = client.get(reverse("governance:actions"), query)
    assert response.status_code == 200
    assert "Overdue red" in titles(response)


@pytest.mark.django_db
def test_the_list_is_paginated_and_the_pages_keep_the_filters(client, partner):
    agency = partner.person.agency
    for n in range(30):
        ActionFactory(title=f"Numbered {n:02}", owner_agency=agency, due_date=today() + timedelta(days=n), rag=Rag.RED)
    client.force_login(partner)
    first = client.get(reverse("governance:actions"), {"rag": "red"})
    assert len(titles(first)) == 25
    assert "?rag=red&amp;page=2" in first.content.decode()
    second = client.get(reverse("governance:actions"), {"rag": "red", "page": 2})
    assert titles(second) == [f"Numbered {n:02}" for n in range(25, 30)]


def add_actions(agencies, copies):
    """For each agency: `copies` actions with a named owner and a lead body, each with two progress updates."""
    for agency in agencies:
        owner = PersonFactory(agency=agency)
        for n in range(copies):
            action = ActionFactory(
                owner_agency=agency,
                owner_person=owner,
                due_date=today() + timedelta(days=n - copies // 2),
                rag=Rag.AMBER,
            )
            ActionUpdate.objects.create(action=action, text="First")
            ActionUpdate.objects.create(action=action, text="Second")


def queries_for(client, url, query=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query or {}).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["manager", "chair", "partner"])
def test_the_list_costs_the_same_queries_with_ten_times_the_actions(
    request, client, role, chaired_body, partner, chair, django_assert_max_num_queries
):
    user = request.getfixturevalue(role)
    agencies = [partner.person.agency, chair.person.agency, AgencyFactory()]
    add_actions(agencies, 2)
    client.force_login(user)
    url = reverse("governance:actions")
    client.get(url)  # warm the content-type and session caches
    small = queries_for(client, url, {"status": "any"})
    add_actions(agencies, 20)
    with django_assert_max_num_queries(9):
        assert queries_for(client, url, {"status": "any"}) == small


@pytest.mark.django_db
def test_the_action_page_costs_the_same_queries_with_many_updates(client, partner, django_assert_max_num_queries):
    action = ActionFactory(owner_agency=partner.person.agency, owner_person=PersonFactory(agency=partner.person.agency))
    url = reverse("governance:action", args=[action.pk])
    client.force_login(partner)
    ActionUpdate.objects.create(action=action, text="Only one", author=partner)
    client.get(url)
    small = queries_for(client, url)
    for n in range(30):
        ActionUpdate.objects.create(action=action, text=f"Update {n}", author=partner)
    with django_assert_max_num_queries(8):
        assert queries_for(client, url) == small


@pytest.mark.django_db
def test_each_listed_action_shows_its_latest_update_and_how_many_without_grouping_every_action(client, partner):
    """The updates are counted for the page shown: the list's query does not join and group every open action's
    updates before the page is cut (at ten years of actions that was most of the page's time)."""
    agency = partner.person.agency
    busy = ActionFactory(title="Two updates", owner_agency=agency, due_date=today())
    ActionFactory(title="No updates", owner_agency=agency, due_date=today() + timedelta(days=1))
    ActionUpdate.objects.create(action=busy, text="First", date=today() - timedelta(days=20))
    ActionUpdate.objects.create(action=busy, text="Second", date=today() - timedelta(days=2))
    client.force_login(partner)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("governance:actions"))
    shown = {action.title: (action.update_count, action.last_update) for action in response.context["actions"]}
    assert shown == {"Two updates": (2, today() - timedelta(days=2)), "No updates": (0, None)}
    page = response.content.decode()
    assert f"{(today() - timedelta(days=2)):%-d %b %Y} (2)" in page and "None yet" in page
    listing = [q["sql"] for q in captured if q["sql"].startswith('SELECT "governance_action"."id"')]
    assert listing and all('GROUP BY "governance_action"' not in sql for sql in listing)
