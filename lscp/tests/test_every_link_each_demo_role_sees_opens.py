"""No link a user sees leads to a page they cannot open.

For each demo role and the public, start at the home page and follow every same-site `<a href>` breadth-first with
the test client, GET only (forms are never submitted), and record each link that answers an error (403, 404, 405,
a server error), or that sends a signed-in user to sign in, with the page it was on. Redirects are followed (the
public may be sent to sign in: the page is there once they have); downloads (a PDF, a spreadsheet) count as opened
when they answer 200 and are not read. A link to a static file must name a file that exists.

So that the walk takes minutes, not hours, the links of only a few pages of each URL pattern are read (the same
page for another record, or with other filter values, shows the same links), and of the admin only the index, each
app's index, each model's list and one record's page per model: the admin is Django's, with its own permissions.
A page is linked only where its rule lets the user open it: see docs/permissions.md, "Links".
"""

from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.urls import Resolver404, resolve, reverse

# How many pages of one URL pattern (with the same query parameter names) have their links followed.
PER_PATTERN = 3


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_on(html):
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def same_site_path(href, page_url):
    """The link as a path and query on this site, without its fragment; None for another site, an e-mail
    address, a telephone number, or a link to a place on the same page."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(urljoin(f"http://testserver{page_url}", href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return urldefrag(parts.path + (f"?{parts.query}" if parts.query else ""))[0]


def pattern_of(url):
    """What makes two addresses the same page: the URL's name (or route) and its query parameters' names."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    names = tuple(sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}))
    return match.view_name or match.route, names


def _admin_page_read(pattern):
    """Whether the walk reads the links of this admin page: the index, an app's index, a model's list (unfiltered)
    and a record's page."""
    view_name, query = pattern
    return not query and (
        view_name in ("admin:index", "admin:app_list") or view_name.endswith(("_changelist", "_change"))
    )


def _static_file_exists(path):
    return finders.find(path.removeprefix("/" + settings.STATIC_URL.lstrip("/"))) is not None


def crawl(client, signed_in):
    """Walks the site from the home page; returns (the broken links as lines, the number of pages requested).

    Every link found on the project's own pages is requested: whether a user may open a page can depend on its
    record (an action of their own agency or of another), so each record's link is tried. The links of a page are
    read only on the first few pages of each pattern, which bounds the walk (another month of a calendar, another
    page of a list). Of the admin's links, only those to the index, each app's index, each model's list and one
    record's page per model are requested and read.
    """
    sign_in_paths = {reverse(settings.LOGIN_URL), reverse("admin:login")}
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    failures = []
    seen = {"/"}
    read = Counter()  # pages whose links were read, by pattern
    queue = deque([("/", "(start)")])
    requested = 0
    while queue:
        url, found_on = queue.popleft()
        if url.startswith(static_prefix):
            if not _static_file_exists(urlsplit(url).path):
                failures.append(f"{url} (on {found_on}): no such static file")
            continue
        pattern = pattern_of(url)
        in_admin = pattern is not None and pattern[0].startswith("admin:")
        if in_admin and found_on.startswith("/admin/") and not (_admin_page_read(pattern) and not read[pattern]):
            continue
        # Each page in a savepoint rolled back after it: what a GET writes (a viewing log) is undone, and a database
        # error on one page leaves the next ones their transaction.
        with transaction.atomic():
            response = client.get(url, follow=True)
            transaction.set_rollback(True)
        requested += 1
        hops = [location for location, _ in response.redirect_chain]
        if signed_in and any(urlsplit(location).path in sign_in_paths for location in hops):
            failures.append(f"{url} (on {found_on}): sends a signed-in user to sign in")
            continue
        if response.status_code >= 400:
            error = getattr(response, "exc_info", None) if response.status_code >= 500 else None
            failures.append(f"{url} (on {found_on}): {response.status_code}" + (f" {error[1]!r}" if error else ""))
            continue
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            if response.streaming:  # read to the end, as a browser would, so that the client closes it in its way
                b"".join(response.streaming_content)
            continue  # a download, opened
        here = urldefrag(hops[-1])[0] if hops else url
        landed = pattern_of(here)
        if landed is not None:
            limit = 1 if landed[0].startswith("admin:") else PER_PATTERN
            if read[landed] >= limit or (landed[0].startswith("admin:") and not _admin_page_read(landed)):
                continue
            read[landed] += 1
        for href in links_on(response.content.decode(response.charset or "utf-8")):
            target = same_site_path(href, here)
            if target is not None and target not in seen:
                seen.add(target)
                queue.append((target, here))
    return failures, requested


@pytest.mark.parametrize("role", ["anonymous", "manager", "chair", "partner", "delegate"])
def test_every_link_each_demo_role_sees_opens(role, demo, demo_user, client):
    client.raise_request_exception = False
    if role != "anonymous":
        client.force_login(demo_user(role))
    failures, requested = crawl(client, signed_in=role != "anonymous")
    assert requested > 1, "The walk found no link on the home page."
    assert not failures, f"{len(failures)} of {requested} links fail for the {role}:\n" + "\n".join(failures)
