"""With DEBUG on, as in the demo, a missing page is Django's own "Page not found" page: drawn in Chromium under the
site's content security policy, it writes nothing to the console (its one inline style block is allowed by its
hash, and only with DEBUG on); with DEBUG off the policy allows no inline style at all."""

import pytest
from django.test import Client

from lscp.middleware import debug_page_styles

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_debug_page_not_found_is_drawn_with_no_console_error(page, settings):
    settings.DEBUG = True
    answer = Client().get("/no-such-page/")  # a new client builds the middleware with DEBUG on, as the demo does
    assert answer.status_code == 404
    # Chromium is given that very answer, headers and all, at the demo's address.
    page.route(
        "**/no-such-page/",
        lambda route: route.fulfill(status=404, body=answer.content, headers=dict(answer.headers)),
    )
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("http://127.0.0.1:8000/no-such-page/")
    assert "Page not found" in page.title()
    summary = page.evaluate("() => getComputedStyle(document.querySelector('#summary')).backgroundColor")
    assert summary != "rgba(0, 0, 0, 0)"  # the inline style block was applied
    # The response's own 404 status is reported on the console as a failed load; nothing else may be.
    assert [e for e in errors if "404" not in e] == []


def test_with_debug_off_the_policy_allows_no_inline_style(client, settings):
    settings.DEBUG = False
    policy = client.get("/no-such-page/")["Content-Security-Policy"]
    assert "sha256-" not in policy and "'unsafe-inline'" not in policy
    assert debug_page_styles()  # the hash exists, and is given only with DEBUG on
