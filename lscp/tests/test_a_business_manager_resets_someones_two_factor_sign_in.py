"""A business manager resets someone's two-factor sign-in from the accounts in the admin (a lost phone): their app
and recovery codes are removed, the account's history says who did it, and they set it up again. The list of
accounts says who has it; nobody sees anyone's secret in the admin."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lscp.tests.two_factor import (
    PASSWORD,
    set_up,
    signed_in_as,
    type_password,
)

pytestmark = pytest.mark.django_db


def reset(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [user.pk for user in users]},
        follow=True,
    )


def test_the_reset_removes_the_app_and_codes_and_is_logged(client, manager, chair, quick_passwords):
    chair.set_password(PASSWORD)
    chair.save()
    set_up(chair)
    client.force_login(manager)
    page = reset(client, chair).content.decode()
    assert "Two-factor sign-in reset for chair" in page
    assert not TOTPDevice.objects.filter(user=chair).exists()
    assert not StaticDevice.objects.filter(user=chair).exists() and not StaticToken.objects.exists()
    entry = LogEntry.objects.filter(object_id=str(chair.pk)).latest("action_time")
    assert entry.user == manager and "reset" in entry.change_message
    history = client.get(reverse("admin:auth_user_history", args=[chair.pk])).content.decode()
    assert "Two-factor sign-in reset" in history

    client.post(reverse("logout"))
    response = type_password(client, "chair")  # the password alone, until they set it up again
    assert response["Location"] == reverse("home") and signed_in_as(client) == "chair"


def test_a_reset_business_manager_must_set_it_up_again(client, manager, role_groups, two_factor_required):
    colleague = User.objects.create_user("colleague", is_staff=True)
    colleague.groups.add(*manager.groups.all())
    set_up(colleague)
    client.force_login(manager)
    set_up(manager)
    from lscp.tests.two_factor import next_app_code

    client.post(reverse("two_factor_code"), {"code": next_app_code(manager.totpdevice_set.get())})
    reset(client, colleague)
    client.force_login(colleague)
    assert client.get(reverse("home"))["Location"] == reverse("two_factor_set_up")


def test_an_account_without_it_has_nothing_to_reset(client, manager, partner):
    client.force_login(manager)
    page = reset(client, partner).content.decode()
    assert "Nothing to reset for partner: no two-factor sign-in was set up" in page
    assert not LogEntry.objects.filter(object_id=str(partner.pk)).exists()


def test_a_superusers_two_factor_is_out_of_a_business_managers_reach(client, manager):
    root = User.objects.create_superuser("root", password=PASSWORD)
    set_up(root)
    client.force_login(manager)
    assert "Not reset: root" in reset(client, root).content.decode()
    assert TOTPDevice.objects.filter(user=root).exists()


def test_the_accounts_list_says_who_has_it_and_no_admin_page_shows_a_secret(client, manager, chair):
    device, _ = set_up(chair)
    client.force_login(manager)
    page = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Two-factor sign-in" in page
    chair_row = next(row for row in page.split("<tr") if ">chair</a>" in row)
    assert 'alt="True"' in chair_row
    manager_row = next(row for row in page.split("<tr") if ">manager</a>" in row)
    assert 'alt="False"' in manager_row
    root = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    index = client.get(reverse("admin:index")).content.decode()
    assert "TOTP" not in index and "Static device" not in index
    assert device.key not in client.get(reverse("admin:auth_user_change", args=[chair.pk])).content.decode()


def test_only_a_business_manager_may_reset(client, partner, chair):
    set_up(chair)
    client.force_login(partner)
    response = client.post(
        reverse("admin:auth_user_changelist"), {"action": "reset_two_factor", "_selected_action": [chair.pk]}
    )
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert TOTPDevice.objects.filter(user=chair).exists()
