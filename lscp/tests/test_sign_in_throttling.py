"""Sign-in throttling (django-axes): after five wrong passwords a user name is locked for fifteen minutes,
whatever address or browser the tries come from, and the lockout is explained on a page in the site layout.
A wrong password costs the same hashing work whether or not the user name exists."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import get_hasher
from django.contrib.auth.models import User
from django.urls import reverse

PASSWORD = "the-right-password-42"
pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db, settings):
    # A quick hasher: these tests sign in dozens of times, and what they count is tries, not hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_user("member", email="member@example.org", password=PASSWORD)


@pytest.fixture
def member_with_the_real_hasher(db):
    return User.objects.create_user("member", email="member@example.org", password=PASSWORD)


def sign_in(client, password, username="member", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_then_the_right_one_is_refused_with_the_lockout_page(client, member):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    assert sign_in(client, "wrong").status_code == 429  # the fifth locks the user name
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "Signing in is paused for this account" in page
    assert "15 minutes" in page
    assert (
        'class="navbar-brand" href="/" title="Local Safeguarding Children Partnership">' in page
    )  # in the site's own layout


def test_four_wrong_passwords_then_the_right_one_signs_in(client, member):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_clears_the_count(client, member):
    for _ in range(4):
        sign_in(client, "wrong")
    sign_in(client, PASSWORD)
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lockout_holds_from_another_address_and_browser(client, member):
    for n in range(5):
        sign_in(client, "wrong", REMOTE_ADDR=f"203.0.113.{n}", HTTP_USER_AGENT=f"Browser {n}")
    client.cookies.clear()
    response = sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Another browser")
    assert response.status_code == 429
    assert not signed_in(client)


def test_one_locked_user_name_does_not_lock_others_at_the_same_address(client, member):
    User.objects.create_user("colleague", password=PASSWORD)
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD, username="colleague").status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, member):
    member.is_staff = True
    member.save()
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "member", "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": "member", "password": PASSWORD})
    assert response.status_code == 429


def test_more_tries_during_the_lockout_do_not_extend_it_and_it_ends(client, member):
    for _ in range(5):
        sign_in(client, "wrong")
    locked_at = AccessAttempt.objects.get(username="member").attempt_time
    assert sign_in(client, "wrong again").status_code == 429
    assert AccessAttempt.objects.get(username="member").attempt_time == locked_at
    # Sixteen minutes later (moved back in the database rather than waited for):
    AccessAttempt.objects.update(attempt_time=locked_at - timedelta(minutes=16))
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_limit_and_the_cool_off_come_from_the_environment():
    code = "from django.conf import settings; print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lscp.settings", "SECRET_KEY": "x"}
    env.update(AXES_FAILURE_LIMIT="3", AXES_COOLOFF_MINUTES="30")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "3 0:30:00", result.stderr


@pytest.fixture
def hashings(monkeypatch):
    """Counts the runs of the password hasher's slow function."""
    hasher_class = type(get_hasher())
    original = hasher_class.encode
    calls = []

    def counting(self, password, salt, *args, **kwargs):
        calls.append(password)
        return original(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher_class, "encode", counting)
    return calls


def test_a_wrong_password_hashes_once_for_a_real_and_for_an_unknown_user_name(
    client, member_with_the_real_hasher, hashings
):
    assert member_with_the_real_hasher.password.startswith(f"{get_hasher().algorithm}$")
    assert sign_in(client, "wrong", username="member").status_code == 200
    assert hashings == ["wrong"]
    hashings.clear()
    assert sign_in(client, "wrong", username="no-such-user").status_code == 200
    assert hashings == ["wrong"]


def test_the_business_manager_reads_the_sign_in_log(client, manager, member):
    sign_in(client, "wrong")
    client.force_login(manager)
    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert attempts.status_code == 200
    assert "member" in attempts.content.decode()
    assert client.get(reverse("admin:axes_accesslog_changelist")).status_code == 200


def test_the_business_manager_can_lift_a_lockout(client, manager, member):
    for _ in range(5):
        sign_in(client, "wrong")
    attempt = AccessAttempt.objects.get(username="member")
    client.force_login(manager)
    response = client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD).status_code == 302


def test_behind_the_proxy_the_logged_address_is_the_one_the_proxy_added(rf, settings):
    from lscp.signin import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"  # the header is anyone's to write
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.9"  # not the client-chosen first entry


def test_the_lockout_page_says_when_signing_in_opens_again_in_retry_after(client, member):
    for _ in range(5):
        sign_in(client, "wrong")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    cooloff = settings.AXES_COOLOFF_TIME.total_seconds()
    assert cooloff - 60 < int(response["Retry-After"]) <= cooloff
    last = AccessAttempt.objects.filter(username="member").latest("attempt_time")
    AccessAttempt.objects.filter(pk=last.pk).update(attempt_time=last.attempt_time - timedelta(minutes=10))
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert cooloff - 11 * 60 < int(response["Retry-After"]) <= cooloff - 10 * 60 + 1
    assert "about 5 minutes" in response.content.decode()
