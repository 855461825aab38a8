"""The demo data set (fixture `demo`) is loaded once per run and shared: what a demo test writes is gone before
the next one, its logins are the roles' users, and a test that does not use it runs first and sees none of it."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from lscp.demo import DEMO_LOGINS
from lscp.testing import OK, REDIRECT, demo_last

DEMO_USERNAMES = [username for username, _ in DEMO_LOGINS]
WRITTEN = "written-by-a-demo-test"
FIRST_SEEN = {}


@pytest.mark.parametrize("turn", [1, 2])
def test_a_demo_test_finds_the_demo_as_loaded_whatever_the_one_before_wrote(demo_user, turn):
    manager = demo_user("manager")
    # The same rows each time: loaded once, not once per test (a reload would give new primary keys).
    assert FIRST_SEEN.setdefault("manager", manager.pk) == manager.pk
    assert manager.first_name == "Eleanor"
    assert not User.objects.filter(username=WRITTEN).exists()
    User.objects.create(username=WRITTEN)
    manager.first_name = "Changed"
    manager.save(update_fields=["first_name"])


def test_in_a_demo_test_the_roles_are_the_demo_logins(demo, statuses_by_role):
    admin = reverse("admin:index")
    failures = statuses_by_role([(admin, REDIRECT, OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT)])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["manager", "chair", "partner", "delegate"])
def test_a_demo_test_asking_for_a_role_fixture_is_told_to_use_the_demo_login(demo, request, role):
    with pytest.raises(pytest.fail.Exception, match=f'demo_user\\("{role}"\\)'):
        request.getfixturevalue(role)
    assert User.objects.filter(username=role).count() == 1


def test_tests_using_the_demo_are_moved_after_all_the_others_in_their_order():
    class Item:
        def __init__(self, name, *fixturenames):
            self.name, self.fixturenames = name, fixturenames

    items = [
        Item("demo 1", "db", "demo"),
        Item("db", "db"),
        Item("worker", "transactional_db", "live_worker"),
        Item("demo 2", "demo_user", "demo"),
        Item("no database"),
    ]
    demo_last(items)
    assert [item.name for item in items] == ["db", "worker", "no database", "demo 1", "demo 2"]


# Last in this file on purpose: without the ordering it would run after the demo tests above.
@pytest.mark.django_db
def test_a_test_without_the_demo_sees_none_of_its_rows():
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()
