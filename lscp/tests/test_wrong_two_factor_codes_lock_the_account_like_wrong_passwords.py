"""A code cannot be found by trying them all: each wrong code counts as a wrong password towards the lockout of the
user name (django-axes: five, then fifteen minutes, the lockout page), and the app's codes are refused for a growing
wait after each wrong one (1, 2, 4 ... seconds), which a right code resets."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from lscp.tests.two_factor import (
    next_app_code,
    set_up,
    signed_in_as,
    type_code,
    type_password,
    wrong_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair_with_two_factor(chair_with_password):
    device, _ = set_up(chair_with_password)
    return device


def test_five_wrong_codes_lock_the_user_name_and_the_right_code_is_then_refused(client, chair_with_two_factor):
    device = chair_with_two_factor
    type_password(client, "chair")
    for _ in range(4):
        assert type_code(client, wrong_code(device)).status_code == 200
    response = type_code(client, wrong_code(device))
    assert response.status_code == 429
    assert "Signing in is paused for this account" in response.content.decode()
    assert "chair" in response.content.decode()
    assert AccessAttempt.objects.get(username="chair").failures_since_start == 5
    # The wait for the code is over, but the sign-in started is forgotten and the user name is locked.
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - timedelta(days=1)
    device.save()
    assert type_code(client, next_app_code(device)).status_code == 302  # back to the password
    assert signed_in_as(client) is None
    assert type_password(client, "chair").status_code == 429


def test_wrong_passwords_and_wrong_codes_add_up(client, chair_with_two_factor):
    for _ in range(3):
        type_password(client, "chair", "wrong")
    type_password(client, "chair")
    assert type_code(client, wrong_code(chair_with_two_factor)).status_code == 200
    assert type_code(client, wrong_code(chair_with_two_factor)).status_code == 429


def test_after_a_wrong_code_the_app_waits_before_checking_another(client, chair_with_two_factor):
    device = chair_with_two_factor
    type_password(client, "chair")
    type_code(client, wrong_code(device))
    # Straight away, even the right code is not checked: the page says how long to wait.
    response = type_code(client, next_app_code(device))
    assert response.status_code == 200
    assert "Too many wrong codes in a row: wait 1 second" in response.content.decode()
    assert signed_in_as(client) is None
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttling_failure_timestamp -= timedelta(seconds=2)
    device.save()
    assert type_code(client, next_app_code(device)).status_code == 302
    assert signed_in_as(client) == "chair"
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_the_code_typed_is_not_written_into_the_sign_in_log(client, chair_with_two_factor):
    type_password(client, "chair")
    code = wrong_code(chair_with_two_factor)
    type_code(client, code)
    attempt = AccessAttempt.objects.get(username="chair")
    assert code not in attempt.post_data
    assert attempt.path_info == reverse("two_factor_code")
