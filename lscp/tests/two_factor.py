"""What the tests of two-factor sign-in share: an account with it set up, the codes its app would show, and signing
in through the pages as a person does (the password, then the code). Its fixtures are lscp/tests/conftest.py's."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from lscp.two_factor import services

PASSWORD = "a-long-test-password-42"


@pytest.fixture
def quick_passwords(settings):
    # What these tests count is codes, not hashing: a quick hasher for the passwords they type.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def chair_with_password(chair, quick_passwords):
    """The chair, with a password these tests type."""
    chair.set_password(PASSWORD)
    chair.save()
    return chair


@pytest.fixture
def two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS = True


def app_code(secret_or_device, *, step=None):
    """The code the authenticator app shows now, or at time step `step`."""
    key = secret_or_device.bin_key if hasattr(secret_or_device, "bin_key") else bytes.fromhex(secret_or_device)
    totp = TOTP(key)
    totp.time = time.time() if step is None else step * 30
    return f"{totp.token():06d}"


def next_app_code(device):
    """A code the app shows within the next half minute, newer than the last one used (each code works once)."""
    device.refresh_from_db()
    return app_code(device, step=device.last_t + 1)


def wrong_code(device):
    """Six digits that are none of the codes the device takes now."""
    device.refresh_from_db()
    taken = {app_code(device, step=device.last_t + offset) for offset in range(-1, 4)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in taken)


def set_up(user):
    """Two-factor sign-in set up for `user` as the set-up page does: returns (device, recovery codes)."""
    secret = services.new_secret()
    return services.set_up_authenticator(user=user, secret=secret, code=app_code(secret))


def type_password(client, username, password=PASSWORD, *, url=None, **data):
    return client.post(url or reverse("login"), {"username": username, "password": password, **data})


def type_code(client, code):
    return client.post(reverse("two_factor_code"), {"code": code})


def signed_in_as(client):
    from django.contrib.auth import get_user_model

    pk = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=pk).get_username() if pk else None
