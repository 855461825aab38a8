"""An admin list that nothing narrows (no filter, no search) is counted once: Django counted the whole table again
for the total it shows beside a filtered count (lscp/admin_lists.py, AdminList). A narrowed list still shows both."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import ActionStatus
from governance.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


def counts_of_actions(queries):
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and '"governance_action"' in q["sql"]]


def open_list(client, manager, **params):
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:governance_action_changelist"), params)
    assert response.status_code == 200
    return response, counts_of_actions(queries)


def test_the_whole_list_is_counted_once_and_says_what_django_says(client, manager):
    ActionFactory.create_batch(3, title="Whole list")
    response, counts = open_list(client, manager)
    assert len(counts) == 1
    cl = response.context["cl"]
    assert (cl.result_count, cl.full_result_count, cl.show_full_result_count) == (3, 3, True)
    assert cl.show_admin_actions
    assert "results (" not in response.content.decode()  # as Django: no "n results (n total)" on a whole list


def test_a_narrowed_list_shows_its_count_beside_the_whole_tables(client, manager):
    ActionFactory.create_batch(2, title="Kept in view", status=ActionStatus.ON_TRACK)
    ActionFactory(title="Finished", status=ActionStatus.CANCELLED)
    for params in ({"q": "Kept in view"}, {"status__exact": ActionStatus.CANCELLED}):
        response, counts = open_list(client, manager, **params)
        assert len(counts) == 2, params
        cl = response.context["cl"]
        assert cl.full_result_count == 3 and cl.result_count in (1, 2)
        assert f"{cl.result_count} result" in response.content.decode() and "3 total" in response.content.decode()


def test_an_empty_whole_list_offers_no_actions(client, manager):
    response, counts = open_list(client, manager)
    assert len(counts) == 1
    assert not response.context["cl"].show_admin_actions
