"""Shared test vocabulary and helpers every app's tests use. Like the rest of lscp it imports no app: the
fixtures that make records (one user per role, the demo data set) are in the root conftest.py."""

import copy
import socket
from datetime import datetime, time

from django.test import Client
from django.utils import timezone

from .financial_year import FinancialYear

# The roles every access test checks, in the order of its status columns.
ROLES = ("anonymous", "manager", "chair", "partner", "delegate", "outsider")
# The roles that have a demo login (lscp/demo.py); "anonymous" and "outsider" have none.
DEMO_ROLES = ("manager", "chair", "partner", "delegate")

# The statuses an access table expects: a page, a redirect (to sign in, or onwards), refused, not there.
OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404

# The year the demo's records, and most tests' records, are for.
DEMO_YEAR = FinancialYear(2022)


def aware(day, hour=10):
    """`day` at `hour` o'clock, in the site's time zone."""
    return datetime.combine(day, time(hour, 0), tzinfo=timezone.get_current_timezone())


def sign_in(client, user):
    """Signs the test client in as `user` (or out, for None: the anonymous public) and returns it."""
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    return client


class ClientsByRole:
    """A test client for each role, signed in once and kept so: signing in and out before every request (a session
    written, then deleted) was a third of the time of the tests that open every page as every role.

    `users` maps each role to the user to sign in as (None for the anonymous public); each is signed in here, before
    any request, so that no savepoint a request is sent in undoes the sign-in. `clients.request(role, "get", url)`
    sends one request as that role; afterwards the client's cookies are put back as they were once signed in, so
    that nothing a response sets (a message for the next page, a session cycled or ended) reaches the next
    request."""

    def __init__(self, users, *, raise_request_exception=True):
        self._clients = {}
        for role, user in users.items():
            client = Client(raise_request_exception=raise_request_exception)
            if user is not None:
                client.force_login(user)
            self._clients[role] = (client, copy.deepcopy(client.cookies))

    def request(self, role, method, url, data=None):
        client, signed_in = self._clients[role]
        try:
            return getattr(client, method)(url, data)
        finally:
            client.cookies = copy.deepcopy(signed_in)


def status_mismatches(rows, user_for_role, *, method="get", roles=ROLES):
    """Requests each row's url as each role; rows are (url, status for each of `roles`, in that order).
    `user_for_role(role)` gives the user to sign in as (None for anonymous). Returns the mismatches, one line
    each, so a test can show them all at once."""
    clients = ClientsByRole({role: user_for_role(role) for role in roles})
    failures = []
    for url, *expected in rows:
        for role, status in zip(roles, expected, strict=True):
            got = clients.request(role, method, url).status_code
            if got != status:
                failures.append(f"{role} {method.upper()} {url}: expected {status}, got {got}")
    return failures


def demo_last(items):
    """Orders collected tests so that those using the shared demo data set (fixture `demo`) run after all
    others, keeping each group's order: the demo is loaded once, in a transaction left open until the end of
    the run, so no test that runs before it can see its rows, and no transactional test has to run inside it."""
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


def unused_port():
    """A port on this machine that nothing listens on: a connection to it is refused, as to a service that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
