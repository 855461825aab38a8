"""The browser journeys' fixtures: Debian's Chromium (headless, never a downloaded browser), a live server on the
test database with the demo loaded, and a `visitor` who checks every page they reach (journeys/browser.py)."""

import os
import shutil

import pytest

from lscp.demo import DEMO_PASSWORD

from .browser import Visitor
from .demo_snapshot import DemoSnapshot

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's synchronous API keeps an event loop running in the test process's main thread from its start to the
# end of the run; the ORM calls beside it (loading the demo, reading what a journey saved, emptying the tables after
# a journey, and every later test in the same process) are plain synchronous calls, not inside that loop, and
# Django's guard cannot tell them apart. The guard is lifted while Playwright runs, and only then.
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="session")
def playwright(playwright):
    """pytest-playwright's own, with Django's async guard lifted while it runs."""
    os.environ[ASYNC_UNSAFE] = "true"
    yield playwright
    os.environ.pop(ASYNC_UNSAFE, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch settings, pointed at the machine's Chromium (`make test` installs it)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "timezone_id": "Europe/London", "accept_downloads": True}


@pytest.fixture(scope="session")
def _demo_snapshot(tmp_path_factory):
    return DemoSnapshot(tmp_path_factory.mktemp("demo-snapshot"))


@pytest.fixture
def site(live_server, settings, _demo_snapshot):
    """The product at `live_server.url` on the test database, with the demo's records and logins loaded. The
    server speaks plain HTTP, so its cookies are not marked secure here. The links in the e-mails it sends lead
    to it, as they lead to the real site from a real mailbox."""
    settings.SITE_URL = live_server.url
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    _demo_snapshot.load(settings.MEDIA_ROOT)
    return live_server


@pytest.fixture
def visitor(site, page):
    """A person at the browser; after the test, every page they reached must have passed its checks."""
    person = Visitor(page, site.url)
    yield person
    assert not person.problems, f"pages the journey passed have problems:\n{person.problems}"


@pytest.fixture
def password():
    return DEMO_PASSWORD
