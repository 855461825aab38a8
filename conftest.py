"""Fixtures every app's tests share: one user per role, and the body the chair chairs.

manager  — business manager (staff, "Business managers" group)
chair    — co-chair of `chaired_body` (and so also a partner representative)
partner  — partner representative: a Person linked to the user, member of `chaired_body`
delegate — a practitioner in the "Delegates" group
outsider — signed in, with no role at all
"""

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group

from lscp.celery import app as celery_app
from lscp.roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP
from lscp.roles_setup import ensure_role_groups
from lscp.testing import ROLES
from partnership.models import MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_root_and_eager_tasks(tmp_path, settings):
    """Each test stores files in its own folder, and runs Celery tasks in-process unless it asks for
    the real worker (`live_worker`)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


class LiveWorker:
    def __init__(self, process, media_root):
        self.process = process
        self.media_root = media_root


@pytest.fixture(scope="session")
def _live_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real Celery worker process on Redis, using the test database; started once per session."""
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: run the suite with `make test`, which starts Redis and PostgreSQL.")
    from django.db import connection

    db = connection.settings_dict
    media_root = tmp_path_factory.mktemp("worker-media")
    env = dict(os.environ)
    env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env["MEDIA_ROOT"] = str(media_root)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lscp",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=Path(django_settings.BASE_DIR),
        env=env,
        start_new_session=True,
    )
    celery_app.conf.task_always_eager = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The Celery worker exited at start (code {process.returncode}).")
        try:
            if celery_app.control.ping(timeout=1.0):
                break
        except Exception:  # the broker may not answer in the first instants
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("The Celery worker did not answer within 60 seconds.")
    yield LiveWorker(process, media_root)
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def live_worker(_live_worker_process, settings, transactional_db):
    """Queue tasks to the real worker for this test; files it writes land in `live_worker.media_root`."""
    settings.MEDIA_ROOT = _live_worker_process.media_root
    celery_app.conf.task_always_eager = False
    yield _live_worker_process
    celery_app.conf.task_always_eager = True


@pytest.fixture
def role_groups(db):
    ensure_role_groups()


@pytest.fixture
def manager(role_groups):
    user = UserFactory(username="manager", is_staff=True, first_name="Eleanor", last_name="Manager")
    user.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    return user


@pytest.fixture
def chaired_body(db):
    return BodyFactory(name="Case Review Subgroup")


@pytest.fixture
def other_body(db):
    return BodyFactory(name="Best Practice and Performance Subgroup")


@pytest.fixture
def chair(chaired_body):
    user = UserFactory(username="chair")
    person = PersonFactory(user=user, name="Fiona Chair")
    MembershipFactory(person=person, body=chaired_body, role=MembershipRole.CO_CHAIR, start=date(2020, 4, 1))
    return user


@pytest.fixture
def partner(chaired_body):
    user = UserFactory(username="partner")
    person = PersonFactory(user=user, name="Nadia Partner")
    MembershipFactory(person=person, body=chaired_body, start=date(2020, 4, 1))
    return user


@pytest.fixture
def delegate(role_groups):
    user = UserFactory(username="delegate")
    user.groups.add(Group.objects.get(name=DELEGATES_GROUP))
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")


@pytest.fixture
def statuses_by_role(request, client):
    """Checks a table of pages against every role: rows are (url, status for each of ROLES, in that order).
    Returns the mismatches, one line each, so a test can show them all at once."""

    def check(rows, method="get"):
        failures = []
        for url, *expected in rows:
            for role, status in zip(ROLES, expected, strict=True):
                client.logout()
                if role != "anonymous":
                    client.force_login(request.getfixturevalue(role))
                got = getattr(client, method)(url).status_code
                if got != status:
                    failures.append(f"{role} {method.upper()} {url}: expected {status}, got {got}")
        return failures

    return check


@pytest.fixture
def as_user(client):
    """Signs the test client in as the given user and returns it."""

    def sign_in(user):
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
