"""Every response carries the Content-Security-Policy and the Permissions-Policy, and no page of ours needs
what the policy forbids: inline scripts, inline event handlers or inline style attributes."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


def assert_policies(response):
    assert response["Content-Security-Policy"] == CSP
    policy = response["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy


@pytest.mark.django_db
def test_a_public_page_carries_both_policies(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert_policies(response)


def test_an_admin_page_carries_both_policies(client, manager):
    client.force_login(manager)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 200
    assert_policies(response)


@pytest.mark.django_db
def test_a_missing_page_carries_both_policies(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_policies(response)


@pytest.mark.django_db
def test_a_redirect_carries_both_policies(client):
    response = client.get(reverse("partnership:bodies"))
    assert response.status_code == 302
    assert_policies(response)


TEMPLATES = Path(settings.BASE_DIR) / "templates"
# E-mails (each app's templates/<app>/emails/) are read in mail programs, not under the site's policy: their
# inline styles are how e-mail is styled.
NOT_SERVED_AS_PAGES = "emails"


def served_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if NOT_SERVED_AS_PAGES not in name.split("/")[:-1]:
            yield name, path.read_text()


def test_no_page_template_has_an_inline_script_or_event_handler():
    offenders = []
    for name, text in served_templates():
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag:
                offenders.append(f"{name}: {tag}")
        offenders += [f"{name}: {handler}" for handler in re.findall(r"\son[a-z]+\s*=\s*[\"']", text)]
    assert offenders == []


def test_no_page_template_has_an_inline_style():
    offenders = [name for name, text in served_templates() if re.search(r"\sstyle\s*=|<style\b", text)]
    assert offenders == []
