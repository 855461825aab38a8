"""With TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS on (production's default), a business manager without two-factor
sign-in is sent to set it up before anything else, the admin included; one with it whose session has not passed a
code is asked for one. Chairs and partners choose for themselves. With DEBUG on (the demo) it is off by default."""

import runpy

import pytest
from django.conf import settings
from django.urls import reverse

from lscp.tests.two_factor import (
    next_app_code,
    set_up,
    signed_in_as,
    type_code,
)

pytestmark = pytest.mark.django_db


def test_a_business_manager_without_it_is_sent_to_set_it_up_first(client, manager, two_factor_required):
    client.force_login(manager)
    for url in (reverse("home"), reverse("admin:index"), reverse("admin:auth_user_changelist"), "/reports/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("two_factor_set_up"), url
    page = client.get(reverse("two_factor_set_up"))
    assert page.status_code == 200
    assert "Business managers sign in with a code" in page.content.decode()
    assert client.post(reverse("logout")).status_code == 302  # signing out stays open


def test_once_set_up_the_business_manager_goes_on(client, manager, two_factor_required):
    from lscp.tests.two_factor import app_code
    from lscp.two_factor.views import SECRET

    client.force_login(manager)
    client.get(reverse("two_factor_set_up"))
    client.post(reverse("two_factor_set_up"), {"code": app_code(client.session[SECRET])})
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_business_manager_with_it_whose_session_passed_no_code_is_asked_for_one(client, manager, two_factor_required):
    device, _ = set_up(manager)
    client.force_login(manager)  # signed in some other way than the sign-in page
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('two_factor_code')}?next=%2Fadmin%2F"
    # Not even set-up opens before the code: a new app would let them past it.
    assert client.get(reverse("two_factor_set_up"))["Location"].startswith(reverse("two_factor_code"))
    page = client.get(response["Location"]).content.decode()
    assert 'name="next" value="/admin/"' in page
    response = client.post(reverse("two_factor_code"), {"code": next_app_code(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200
    assert signed_in_as(client) == "manager"


def test_a_business_manager_cannot_turn_it_off_while_it_is_required(client, manager, two_factor_required):
    device, _ = set_up(manager)
    client.force_login(manager)
    type_code(client, next_app_code(device))
    response = client.post(reverse("two_factor_turn_off"), follow=True)
    assert "Business managers must keep two-factor sign-in on" in response.content.decode()
    assert manager.totpdevice_set.exists()


def test_chairs_and_partners_are_not_made_to(client, chair, partner, two_factor_required):
    for user in (chair, partner):
        client.force_login(user)
        assert client.get(reverse("home")).status_code == 200


def test_without_it_required_a_business_manager_goes_straight_on(client, manager):
    assert settings.TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS is False  # the suite's own default (conftest.py)
    client.force_login(manager)
    assert client.get(reverse("admin:index")).status_code == 200


def production_settings(monkeypatch, **env):
    """The settings module as a deployment reads it: DEBUG and the setting as given, the rest as the suite's."""
    for name in ("DEBUG", "TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-key-" + "x" * 40)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(settings.BASE_DIR / "lscp" / "settings.py"))


def test_production_requires_it_by_default(monkeypatch):
    assert production_settings(monkeypatch)["TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS"] is True


def test_the_demo_does_not_require_it_by_default(monkeypatch):
    assert production_settings(monkeypatch, DEBUG="true")["TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS"] is False


def test_the_environment_decides_either_way(monkeypatch):
    off = production_settings(monkeypatch, TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS="false")
    assert off["TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS"] is False
    on = production_settings(monkeypatch, DEBUG="true", TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS="true")
    assert on["TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS"] is True
