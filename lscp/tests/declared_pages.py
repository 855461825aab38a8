"""Every page each app declares (`PAGES`, lscp/access.py) requested once as every role, against the demo, for the
tests that check what the answers say: who may open each page (test_every_url_declares_who_may_open_it.py), that no
private answer may be cached (test_private_pages_are_never_cached.py), and how the pages write dates and punctuation
(test_pages_write_dates_and_punctuation_as_people_do.py).

The walk is a thousand requests; made once per test process and kept (each answer's status, the headers the tests
read, its error and, for a page, its HTML), it serves all three. Those tests share one group (`WALK_GROUP`), so
that running in parallel they run in the same process and the walk is made once. Each request is sent in a
savepoint rolled back after it: a POST let through changes nothing for the next, and every test sees the demo as
loaded."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse

from lscp.access import registered_pages
from lscp.testing import ROLES, ClientsByRole

WALK_GROUP = pytest.mark.xdist_group("declared-pages")


@dataclass(frozen=True)
class Answer:
    name: str  # the URL's name
    method: str  # "get" or "post"
    url: str
    role: str
    allowed: bool  # whether the page's declaration lets this role in
    status: int
    location: str  # where a redirect sends, or ""
    cache_control: str | None
    content_type: str
    error: str  # the exception behind a server error, or ""
    html: str  # the page's HTML: a GET answered 200 with HTML; else ""


@dataclass(frozen=True)
class Walk:
    answers: list
    missing: list  # declarations whose example found no demo record, one line each


_walk = None


def walk_every_declared_page():
    """The walk, made at the first call in this test process (from inside a demo test) and kept."""
    global _walk
    if _walk is None:
        _walk = _make_walk()
    return _walk


def _make_walk():
    users = {username: User.objects.get(username=username) for username in ("manager", "chair", "partner", "delegate")}
    with transaction.atomic():
        users["outsider"] = User.objects.create_user("outsider")
        users["anonymous"] = None
        clients = ClientsByRole(users, raise_request_exception=False)
        answers, missing = [], []
        for name, pages in sorted(registered_pages().items()):
            for page in pages:
                kwargs = page.kwargs()
                absent = sorted(key for key, value in kwargs.items() if value is None)
                if absent:
                    missing.append(f"{name}: the example found no demo record for {', '.join(absent)}")
                    continue
                url = reverse(name, kwargs=kwargs)
                for role in ROLES:
                    with transaction.atomic():
                        response = clients.request(role, page.method, url, page.data)
                        answers.append(_answer(name, page, url, role, response))
                        transaction.set_rollback(True)
        transaction.set_rollback(True)  # the outsider's account and the clients' sessions
    return Walk(answers=answers, missing=missing)


def _answer(name, page, url, role, response):
    content_type = response.get("Content-Type", "")
    is_page = (
        page.method == "get" and response.status_code == 200 and "text/html" in content_type and not response.streaming
    )
    error = getattr(response, "exc_info", None) if response.status_code >= 500 else None
    return Answer(
        name=name,
        method=page.method,
        url=url,
        role=role,
        allowed=role in page.allowed,
        status=response.status_code,
        location=response.get("Location", ""),
        cache_control=response.get("Cache-Control"),
        content_type=content_type,
        error=repr(error[1]) if error else "",
        html=response.content.decode(response.charset or "utf-8") if is_page else "",
    )
