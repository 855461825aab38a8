"""The checks every journey makes on each page find what they are for: a page served with the product's content
security policy but breaking it, an image with no text alternative and a block wider than a phone is reported on
all three counts; a page with none of these faults passes."""

import pytest

from .browser import Visitor

pytestmark = pytest.mark.django_db(transaction=True)

POLICY = {"Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'"}
BAD = """<!doctype html><html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1>
<p style="color: red">An inline style.</p><img src="/static/favicon.svg">
<div class="wide">wide</div></main></body></html>"""
WIDE_STYLE = ".wide { width: 800px; }"
GOOD = """<!doctype html><html lang="en"><head><title>Good</title></head><body><main><h1>Good</h1>
<p>Plain words.</p><img src="/static/favicon.svg" alt="The partnership's mark"></main></body></html>"""


def _serve(page, path, body, css=""):
    page.route(f"**{path}", lambda route: route.fulfill(body=body, content_type="text/html", headers=POLICY))
    if css:
        page.route("**/wide.css", lambda route: route.fulfill(body=css, content_type="text/css"))


def test_a_page_breaking_the_policy_with_no_alt_text_and_too_wide_is_reported(live_server, page):
    visitor = Visitor(page, live_server.url)
    _serve(page, "/bad-page", BAD.replace("</title>", '</title><link rel="stylesheet" href="/wide.css">'), WIDE_STYLE)
    page.goto(live_server.url + "/bad-page")
    visitor.landed()
    problems = visitor.problems
    assert any("image-alt" in line for line in problems.accessibility[page.url])
    assert any("Refused by the content security policy: style-src" in line for line in problems.console)
    assert problems.sideways[page.url][0] >= 800


def test_a_page_with_none_of_those_faults_passes(live_server, page):
    visitor = Visitor(page, live_server.url)
    _serve(page, "/good-page", GOOD)
    page.goto(live_server.url + "/good-page")
    visitor.landed()
    assert not visitor.problems, str(visitor.problems)
