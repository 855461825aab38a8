"""The audit trail gathers who changed what (each model's change history, and the admin's log for user accounts),
and every sign-in, failed sign-in and lockout (django-axes' logs), newest first."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from partnership.tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def entries(client, **filters):
    response = client.get(reverse("audit_trail"), filters)
    assert response.status_code == 200
    return response.context["entries"]


def test_a_change_shows_who_made_it_to_which_record_and_the_fields_it_changed(client, manager):
    agency = AgencyFactory.build(name="Northgate Health Trust")
    agency._history_user = manager
    agency.save()
    agency.name = "Northgate Community Health Trust"
    agency.statutory_partner = True
    agency.save()
    client.force_login(manager)

    changed, created = entries(client, record_kind="partnership.agency")
    assert (changed.what, changed.who, changed.record_kind, changed.record_name) == (
        "Changed",
        "Eleanor Manager",
        "Agency",
        "Northgate Community Health Trust",
    )
    assert set(changed.changed_fields) == {"Name", "Statutory partner"}
    assert changed.record_url == reverse("admin:partnership_agency_history", args=[agency.pk])
    assert (created.what, created.record_name, created.changed_fields) == ("Created", "Northgate Health Trust", ())


def test_failed_sign_ins_the_lockout_and_a_sign_in_are_listed_with_the_name_typed_and_the_address(
    client, manager, settings
):
    settings.AXES_FAILURE_LIMIT = 3  # each try hashes a password: few tries keep the test quick
    member = UserFactory(username="member", first_name="Sam", last_name="Member")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "member", "password": "wrong"})
    client.post(reverse("login"), {"username": "someone-else", "password": "wrong"})
    client.post(reverse("login"), {"username": "manager", "password": "correct-horse-battery"})

    rows = [(entry.what, entry.who, entry.username, entry.address) for entry in entries(client)]
    assert rows[0] == ("Signed in", "Eleanor Manager", "manager", "127.0.0.1")
    assert rows[1] == ("Sign-in failed", "someone-else", "someone-else", "127.0.0.1")
    assert rows[2] == ("Locked out", "Sam Member", "member", "127.0.0.1")
    assert rows[3 : 2 + settings.AXES_FAILURE_LIMIT] == [("Sign-in failed", "Sam Member", "member", "127.0.0.1")] * (
        settings.AXES_FAILURE_LIMIT - 1
    )
    assert [entry.username for entry in entries(client, event="locked_out")] == [member.username]


def test_a_change_to_a_user_account_in_the_admin_is_listed_from_the_admins_log(client, manager):
    member = UserFactory(username="member")
    LogEntry.objects.log_actions(
        manager.pk, [member], CHANGE, change_message=[{"changed": {"fields": ["Staff status", "Groups"]}}]
    )
    client.force_login(manager)

    (entry,) = entries(client, record_kind="auth.user")
    assert (entry.what, entry.who, entry.record_kind, entry.record_name, entry.detail) == (
        "Changed",
        "Eleanor Manager",
        "User",
        "member",
        "Changed Staff status and Groups.",
    )
