"""Error pages in the site's own layout, with a plain explanation and a way back, and a favicon."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from lscp.views import server_error

NAME = "Local Safeguarding Children Partnership"  # PARTNERSHIP_NAME is not set in the tests
SITE_NAME = f'class="navbar-brand" href="/" title="{NAME}">{NAME}</a>'
HOME_LINK = '<a href="/">Go to the home page</a>'


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "lscp.tests.error_urls"


def test_debug_is_off_so_the_real_error_pages_are_shown(settings):
    assert settings.DEBUG is False


def test_a_delegate_refused_a_page_sees_the_layout_who_they_are_and_a_way_home(client, delegate):
    client.force_login(delegate)
    response = client.get(reverse("partnership:bodies"))
    assert response.status_code == 403
    page = response.content.decode()
    assert SITE_NAME in page and HOME_LINK in page
    assert "You are signed in as <strong>delegate</strong>" in page
    assert "Your role in the partnership does not give you access to this page." in page
    assert "Sign out</button>" in page


@pytest.mark.django_db
def test_the_public_refused_a_page_are_offered_to_sign_in(client, failing_urls):
    response = client.get("/test-refused/")
    assert response.status_code == 403
    page = response.content.decode()
    assert SITE_NAME in page and HOME_LINK in page
    assert f'<a href="{reverse("login")}?next=/test-refused/">Sign in</a>' in page


@pytest.mark.django_db
def test_a_missing_page_shows_the_layout_and_a_way_home(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert SITE_NAME in page and HOME_LINK in page
    assert "<h1>Page not found</h1>" in page


def test_a_missing_record_for_a_signed_in_manager_shows_the_layout(client, manager):
    client.force_login(manager)
    response = client.get(reverse("partnership:body", args=[999999]))
    assert response.status_code == 404
    assert SITE_NAME in response.content.decode()
    assert "Eleanor Manager" in response.content.decode()


@pytest.mark.django_db
def test_a_server_error_shows_the_self_contained_page(client, failing_urls):
    client.raise_request_exception = False
    response = client.get("/test-broken/")
    assert response.status_code == 500
    page = response.content.decode()
    assert SITE_NAME in page and HOME_LINK in page
    assert "<h1>Something went wrong</h1>" in page
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_the_500_page_renders_with_no_request_no_context_and_no_database():
    # No django_db mark: any database query here would fail the test.
    page = server_error(None).content.decode()
    assert SITE_NAME in page and HOME_LINK in page
    assert "/static/css/site.css" in page


def test_the_500_page_names_the_partnership_from_the_settings(settings):
    settings.PARTNERSHIP_NAME = "Kensington and Chelsea and Westminster Safeguarding Children Partnership"
    settings.PARTNERSHIP_SHORT_NAME = "K&C and Westminster LSCP"
    page = server_error(None).content.decode()
    assert "<title>Something went wrong – Kensington and Chelsea and Westminster Safeguarding" in page
    assert ">K&amp;C and Westminster LSCP</a>" in page


@pytest.mark.django_db
def test_the_favicon_is_linked_and_answered_at_the_usual_address(client):
    page = client.get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    assert finders.find("favicon.ico") and finders.find("favicon.svg")
