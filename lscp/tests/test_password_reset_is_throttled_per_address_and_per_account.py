"""Asking for a password link is throttled twice: per client address (PASSWORD_RESET_RATE_LIMIT) and per e-mail
address typed (PASSWORD_RESET_EMAIL_RATE_LIMIT, from any address), in PASSWORD_RESET_RATE_LIMIT_MINUTES. Past
either, the answer is 429 with Retry-After and no e-mail goes; before, 25 e-mails reached one account in seconds.
An address with no account is counted and answered exactly like one with an account, so the limit tells nobody
which addresses have accounts."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = "/accounts/password-reset/"


@pytest.fixture
def member(db):
    return User.objects.create_user("member", email="member@example.org", password="a-password-42")


@pytest.fixture
def limits(settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 5
    settings.PASSWORD_RESET_EMAIL_RATE_LIMIT = 2
    settings.PASSWORD_RESET_RATE_LIMIT_MINUTES = 60


def _ask(client, email, address="203.0.113.7"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def test_one_account_gets_at_most_the_limit_of_emails_whoever_asks(client, member, limits, mailoutbox):
    statuses = [_ask(client, "Member@Example.org", f"198.51.100.{n}").status_code for n in range(25)]
    assert statuses[:2] == [302, 302] and set(statuses[2:]) == {429}
    assert len(mailoutbox) == 2
    refused = _ask(client, "member@example.org", "192.0.2.99")
    assert refused.status_code == 429
    assert 3500 < int(refused["Retry-After"]) <= 3600
    page = refused.content.decode()
    assert page.count("<h1") == 1 and "Too many links asked for this e-mail address" in page


def test_an_address_without_an_account_is_answered_the_same(client, member, limits):
    for email in ("member@example.org", "nobody@example.org"):
        answers = [_ask(client, email, f"198.51.100.{n}") for n in range(3)]
        assert [a.status_code for a in answers] == [302, 302, 429]
        assert answers[0]["Location"] == reverse("password_reset_done")
    assert _ask(client, "member@example.org", "192.0.2.1").content == _ask(
        client, "nobody@example.org", "192.0.2.2"
    ).content.replace(b"nobody@example.org", b"member@example.org")


def test_one_client_address_cannot_try_address_after_address(client, limits, mailoutbox):
    statuses = [_ask(client, f"someone{n}@example.org").status_code for n in range(7)]
    assert statuses == [302] * 5 + [429, 429]
    response = _ask(client, "member@example.org")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Too many submissions from your network" in response.content.decode()


def test_the_limits_have_sensible_defaults():
    from django.conf import settings

    assert settings.PASSWORD_RESET_EMAIL_RATE_LIMIT <= 5 and settings.PASSWORD_RESET_RATE_LIMIT <= 20
    assert settings.PASSWORD_RESET_RATE_LIMIT_MINUTES >= 15
