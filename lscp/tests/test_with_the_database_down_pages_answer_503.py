"""With the database unreachable (its connection pointed at a port nothing listens on: a real psycopg2 failure to
connect) a page answers 503 with the plain, self-contained "records cannot be reached" page, Retry-After and the
security headers, for the public, someone signed in and a form sent; never kept by a cache. An error the database
answers with on an open connection (a query cancelled) is a real fault and stays a 500."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from lscp.testing import unused_port
from lscp.views import server_error

HEADING = "<h1>The records cannot be reached just now</h1>"


@pytest.fixture
def database_down(django_db_blocker, settings):
    """No `db` fixture: nothing of a test's transaction is open, and the connection is closed and pointed elsewhere."""
    assert not connection.in_atomic_block, "the database is in use by a transaction that closing it would lose"
    port = connection.settings_dict["PORT"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["PORT"] = str(unused_port())
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["PORT"] = port


def assert_unavailable(response, settings):
    assert response.status_code == 503
    page = response.content.decode()
    assert page.count("<h1") == 1 and HEADING in page and "<main" in page
    assert response["Retry-After"] == str(settings.DATABASE_DOWN_RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]


def assert_unavailable_page(response, settings):
    """The same, from the site: with the security headers every page carries."""
    assert_unavailable(response, settings)
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


@pytest.mark.parametrize("url", [reverse("training:calendar"), reverse("reports:list")])
def test_the_public_get_the_503_page(client, database_down, settings, url):
    assert_unavailable_page(client.get(url), settings)


def test_someone_signed_in_gets_the_503_page(client, database_down, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32  # their session is in the database
    # Who they are is read by a middleware (the two-factor rule), before any view: there the site's 500 handler
    # answers, as it does for a live request, instead of the test client raising the error.
    client.raise_request_exception = False
    assert_unavailable_page(client.get(reverse("home")), settings)


def test_a_form_sent_gets_the_503_page(client, database_down, settings):
    response = client.post(reverse("training:book", kwargs={"pk": 1}), {"name": "Ada Fine"})
    assert_unavailable_page(response, settings)


def test_a_connection_failure_outside_a_view_gets_the_503_page_from_the_500_handler(database_down, settings):
    try:
        connection.ensure_connection()
    except OperationalError:
        response = server_error(None)
    assert_unavailable(response, settings)


@pytest.mark.django_db
def test_a_query_the_database_cancels_is_a_real_fault_and_stays_a_500(client, settings):
    settings.ROOT_URLCONF = "lscp.tests.error_urls"
    client.raise_request_exception = False
    response = client.get("/test-query-cancelled/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
