"""Someone who has set up two-factor sign-in is signed in only by their password and then a code: the app's, or a
recovery code, which works once. The password alone signs nobody in, the admin's sign-in address included."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from lscp.tests.two_factor import (
    PASSWORD,
    app_code,
    next_app_code,
    set_up,
    signed_in_as,
    type_code,
    type_password,
    wrong_code,
)
from lscp.two_factor import views
from lscp.two_factor.services import secret_for_typing

pytestmark = pytest.mark.django_db


def test_set_up_on_the_page_then_sign_in_asks_for_the_code_and_only_the_right_one_lets_in(client, chair_with_password):
    client.force_login(chair_with_password)
    page = client.get(reverse("two_factor_set_up")).content.decode()
    typed_key = re.search(r'class="two-factor-key"><code>([A-Z2-7 ]+)</code>', page).group(1)
    secret = client.session[views.SECRET]
    assert typed_key == secret_for_typing(secret)  # the key written out is the one the QR code holds
    response = client.post(reverse("two_factor_set_up"), {"code": app_code(secret)})
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_recovery_codes")
    codes = re.findall(r"<li><code>(\d{4} \d{4})</code></li>", client.get(response["Location"]).content.decode())
    assert len(codes) == 10
    # Shown once: the same page again shows how many are left, not the codes.
    again = client.get(reverse("two_factor_recovery_codes")).content.decode()
    assert codes[0] not in again and "You have 10 recovery codes left" in again

    client.post(reverse("logout"))
    response = type_password(client, "chair", next="/reports/")
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_code")
    assert signed_in_as(client) is None  # the password alone signs nobody in

    device = chair_with_password.totpdevice_set.get()
    response = type_code(client, wrong_code(device))
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert signed_in_as(client) is None

    device.throttling_failure_timestamp = None  # the app's wait after a wrong code is over (tested on its own)
    device.save()
    response = type_code(client, next_app_code(device))
    assert response.status_code == 302 and response["Location"] == "/reports/"
    assert signed_in_as(client) == "chair"
    # The session counts as having passed the code: the pages about it open without asking again.
    assert client.get(reverse("two_factor")).status_code == 200


def test_a_recovery_code_signs_in_once(client, chair_with_password, mailoutbox):
    device, codes = set_up(chair_with_password)
    type_password(client, "chair")
    response = type_code(client, f"{codes[3][:4]} {codes[3][4:]}")  # as shown, with its space
    assert response.status_code == 302
    assert signed_in_as(client) == "chair"
    assert "You have 9 left" in client.get(response["Location"]).content.decode()

    client.post(reverse("logout"))
    type_password(client, "chair")
    response = type_code(client, codes[3])
    assert response.status_code == 200 and signed_in_as(client) is None
    chair_with_password.staticdevice_set.update(throttling_failure_timestamp=None)
    assert type_code(client, codes[4]).status_code == 302
    assert signed_in_as(client) == "chair"


def test_the_admins_sign_in_address_asks_for_the_code_too(client, manager, quick_passwords):
    manager.set_password(PASSWORD)
    manager.save()
    set_up(manager)
    response = type_password(client, "manager", url=reverse("admin:login"), next="/admin/")
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_code")
    assert signed_in_as(client) is None
    assert client.get(reverse("admin:index")).status_code == 302  # still sent to sign in


def test_an_account_without_it_signs_in_with_the_password_alone(client, chair_with_password):
    response = type_password(client, "chair")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert signed_in_as(client) == "chair"


def test_a_code_typed_long_after_the_password_signs_nobody_in(client, chair_with_password):
    device, _ = set_up(chair_with_password)
    type_password(client, "chair")
    session = client.session
    session[views.PENDING]["since"] -= views.PENDING_SECONDS + 1
    session.save()
    response = type_code(client, next_app_code(device))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert signed_in_as(client) is None
    assert views.TOOK_TOO_LONG in client.get(reverse("login")).content.decode()


def test_the_code_page_without_a_password_typed_sends_to_sign_in(client):
    response = client.get(reverse("two_factor_code"))
    assert response.status_code == 302 and response["Location"] == reverse("login")


def test_someone_signed_in_and_inactive_since_cannot_finish(client, chair_with_password):
    device, _ = set_up(chair_with_password)
    type_password(client, "chair")
    User.objects.filter(pk=chair_with_password.pk).update(is_active=False)
    type_code(client, next_app_code(device))
    assert signed_in_as(client) is None
