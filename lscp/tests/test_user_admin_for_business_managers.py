"""The business manager keeps people's accounts in the admin without being able to make anyone, themselves
included, more powerful than a business manager: no superuser, no per-user permissions, no groups but the
role groups, no password set by hand (only a reset link e-mailed to the person), no change to a superuser."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from lscp.roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP
from lscp.roles_setup import ensure_role_groups

PASSWORD = "an-unguessable-test-password"


@pytest.fixture
def nobody(db):
    return User.objects.create_user("nobody", email="nobody@example.org", password=PASSWORD)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", email="root@example.org", password=PASSWORD)


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def account_form(user, **changes):
    """What the manager's change form posts for `user`, with `changes` on top."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "groups": [group.pk for group in user.groups.all()],
    }
    if user.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return data


def test_posting_is_superuser_as_a_manager_does_not_make_a_superuser(client, manager, nobody):
    client.force_login(manager)
    any_permission = Permission.objects.get(codename="delete_user")
    response = client.post(
        change_url(nobody),
        account_form(
            nobody, first_name="Nadia", is_superuser="on", is_staff="on", user_permissions=[any_permission.pk]
        ),
    )
    assert response.status_code == 302  # saved: the fields it may change were changed ...
    nobody.refresh_from_db()
    assert nobody.first_name == "Nadia"
    # ... and nothing else was.
    assert not nobody.is_superuser
    assert not nobody.is_staff
    assert not nobody.user_permissions.exists()


def test_the_manager_never_sees_superuser_permission_or_password_fields(client, manager, nobody):
    client.force_login(manager)
    page = client.get(change_url(nobody)).content.decode()
    assert 'name="username"' in page  # the form is there ...
    for field in ("is_superuser", "user_permissions", "password"):
        assert f'name="{field}"' not in page, field  # ... without these
    assert reverse("admin:auth_user_password_change", args=[nobody.pk]) not in page
    assert "../password/" not in page


def test_a_superuser_keeps_djangos_full_user_admin(client, superuser, nobody):
    client.force_login(superuser)
    page = client.get(change_url(nobody)).content.decode()
    assert 'name="is_superuser"' in page and 'name="user_permissions"' in page


def test_the_manager_may_choose_only_the_role_groups(client, manager, nobody):
    other = Group.objects.create(name="Made by hand")
    client.force_login(manager)
    page = client.get(change_url(nobody)).content.decode()
    assert "Made by hand" not in page
    response = client.post(change_url(nobody), account_form(nobody, groups=[other.pk]))
    assert response.status_code == 200  # the form comes back with the error
    assert not nobody.groups.exists()
    delegates = Group.objects.get(name=DELEGATES_GROUP)
    assert client.post(change_url(nobody), account_form(nobody, groups=[delegates.pk])).status_code == 302
    assert list(nobody.groups.values_list("name", flat=True)) == [DELEGATES_GROUP]


def test_staff_status_comes_and_goes_with_the_business_managers_group(client, manager, nobody):
    managers = Group.objects.get(name=BUSINESS_MANAGERS_GROUP)
    client.force_login(manager)
    assert client.post(change_url(nobody), account_form(nobody, groups=[managers.pk])).status_code == 302
    nobody.refresh_from_db()
    assert nobody.is_staff
    assert client.post(change_url(nobody), account_form(nobody, groups=[])).status_code == 302
    nobody.refresh_from_db()
    assert not nobody.is_staff


def test_the_manager_can_deactivate_an_account(client, manager, nobody):
    client.force_login(manager)
    data = account_form(nobody)
    del data["is_active"]
    assert client.post(change_url(nobody), data).status_code == 302
    nobody.refresh_from_db()
    assert not nobody.is_active


def test_the_manager_cannot_change_a_superuser(client, manager, superuser):
    client.force_login(manager)
    page = client.get(change_url(superuser))
    assert page.status_code == 200  # they may look ...
    assert 'name="_save"' not in page.content.decode()  # ... with nothing to save
    data = account_form(superuser, email="manager@example.org")
    del data["is_active"]
    assert client.post(change_url(superuser), data).status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.email == "root@example.org"


@pytest.mark.parametrize("power", ["a per-user permission", "a group made by hand"])
def test_an_account_with_powers_a_manager_cannot_give_is_out_of_their_reach(client, manager, nobody, power):
    if power == "a per-user permission":
        nobody.user_permissions.add(Permission.objects.get(codename="change_group"))
    else:
        nobody.groups.add(Group.objects.create(name="Made by hand"))
    client.force_login(manager)
    # Changing its e-mail address and sending it a reset link would hand the manager its powers.
    response = client.post(change_url(nobody), account_form(nobody, email="manager@example.org"))
    assert response.status_code == 403
    nobody.refresh_from_db()
    assert nobody.email == "nobody@example.org"


def test_no_link_goes_to_an_account_out_of_the_managers_reach(client, manager, superuser, mailoutbox):
    client.force_login(manager)
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_password_reset_link", "_selected_action": [superuser.pk]},
    )
    assert mailoutbox == []


def test_the_manager_cannot_reach_the_password_form(client, manager, nobody):
    client.force_login(manager)
    url = reverse("admin:auth_user_password_change", args=[nobody.pk])
    assert client.get(url).status_code == 403
    new = "chosen-by-the-manager-123"
    response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 403
    nobody.refresh_from_db()
    assert nobody.check_password(PASSWORD)


def test_the_reset_link_action_emails_the_person_a_working_link(client, manager, nobody, mailoutbox):
    client.force_login(manager)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_password_reset_link", "_selected_action": [nobody.pk]},
        follow=True,
    )
    assert "A password reset link was e-mailed to nobody" in response.content.decode()
    assert [mail.to for mail in mailoutbox] == [["nobody@example.org"]]
    link = re.search(r"https?://testserver(/accounts/password-reset/\S+/)", mailoutbox[0].body).group(1)
    client.logout()
    form = client.get(link, follow=True)
    assert form.context["validlink"]
    chosen = "a-new-password-chosen-by-nobody"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": chosen, "new_password2": chosen})
    assert done.status_code == 302
    nobody.refresh_from_db()
    assert nobody.check_password(chosen)


def test_no_link_goes_to_an_inactive_account_or_one_without_an_address(client, manager, mailoutbox):
    gone = User.objects.create_user("gone", email="gone@example.org", password=PASSWORD, is_active=False)
    silent = User.objects.create_user("silent", email="", password=PASSWORD)
    client.force_login(manager)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_password_reset_link", "_selected_action": [gone.pk, silent.pk]},
        follow=True,
    )
    assert mailoutbox == []
    assert "No link was sent to gone, silent" in response.content.decode()


def test_a_new_account_made_by_the_manager_gets_a_link_and_a_password_nobody_knows(client, manager, mailoutbox):
    delegates = Group.objects.get(name=DELEGATES_GROUP)
    client.force_login(manager)
    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "Nia",
            "last_name": "Newcomer",
            "groups": [delegates.pk],
            "is_superuser": "on",
            "password1": "manager-chose-this-1",
            "password2": "manager-chose-this-1",
        },
    )
    assert response.status_code == 302
    newcomer = User.objects.get(username="newcomer")
    assert newcomer.has_usable_password() and not newcomer.check_password("manager-chose-this-1")
    assert not newcomer.is_superuser and not newcomer.is_staff
    assert list(newcomer.groups.all()) == [delegates]
    assert [mail.to for mail in mailoutbox] == [["newcomer@example.org"]]
    assert "/accounts/password-reset/" in mailoutbox[0].body and "newcomer" in mailoutbox[0].body


def test_the_business_managers_group_has_no_power_over_groups_or_permissions(role_groups):
    managers = Group.objects.get(name=BUSINESS_MANAGERS_GROUP)
    managers.permissions.add(*Permission.objects.filter(codename__in=["change_group", "add_permission", "delete_user"]))
    ensure_role_groups()
    auth = set(managers.permissions.filter(content_type__app_label="auth").values_list("codename", flat=True))
    assert auth == {"view_user", "add_user", "change_user", "view_group"}


def test_the_manager_cannot_add_or_change_groups_in_the_admin(client, manager):
    client.force_login(manager)
    managers = Group.objects.get(name=BUSINESS_MANAGERS_GROUP)
    assert client.get(reverse("admin:auth_group_add")).status_code == 403
    response = client.post(reverse("admin:auth_group_change", args=[managers.pk]), {"name": "Business managers"})
    assert response.status_code == 403
