"""Fixtures every app's tests share: one user per role, the body the chair chairs, and the demo data set.

manager  — business manager (staff, "Business managers" group)
chair    — co-chair of `chaired_body` (and so also a partner representative)
partner  — partner representative: a Person linked to the user, member of `chaired_body`
delegate — a practitioner in the "Delegates" group
outsider — signed in, with no role at all

demo       — the demo records (`manage.py load_demo`) are in the database, logins included. They are loaded
             once per run, in a transaction kept open until the end; each test that uses them runs in a
             savepoint rolled back after it, and runs after every test that does not (see
             `pytest_collection_modifyitems`), so none of those sees a demo row.
demo_user  — `demo_user("chair")`: the demo's login for a role. A demo test takes its users from here, not
             from the role fixtures above, which would make a second "manager" or "chair".
demo_report — the demo's 2022/23 report built from those records (HTML and PDF, `reports.tests.demo_build`),
             once per run; a test reading it is a demo test.
"""

import importlib
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings

from lscp import demo as lscp_demo
from lscp import testing_groups
from lscp.celery import app as celery_app
from lscp.roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP
from lscp.roles_setup import ensure_role_groups
from lscp.testing import DEMO_ROLES, demo_last, sign_in, status_mismatches, unused_port
from partnership.models import MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory

# Run in parallel (pytest-xdist), each test process has its own test database (pytest-django names it after the
# process: test_lscp_gw0, test_lscp_gw1, ...) and so needs its own Celery worker reading its own queue: a job sent
# by one process must never be run by another's worker against another database. Processes this one starts (a
# worker, a management command) inherit the queue through the environment.
TEST_PROCESS = os.environ.get("PYTEST_XDIST_WORKER", "main")
CELERY_QUEUE = f"lscp-tests-{TEST_PROCESS}"
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = CELERY_QUEUE
celery_app.conf.task_default_queue = CELERY_QUEUE


def pytest_configure(config):
    """Passwords are hashed with MD5 in the suite, as Django advises for tests: production's PBKDF2 takes a third
    of a second by design, and the suite makes thousands of users (every role fixture, every demo load), which
    cost more than a quarter of its time. Production's hasher stays listed, so a hash it made still checks; the
    hashing itself is Django's and tested there."""
    django_settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *django_settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test process's database is made straight from the models (`--nomigrations` in pytest.ini): applying the
    migrations one by one re-renders every related model at each step, a minute a process. What the migrations'
    data steps put into every new database is put here by those steps' own code, and
    `test_the_migrations_describe_the_models` holds the migrations to the models."""
    from django.apps import apps

    with django_db_blocker.unblock():
        importlib.import_module("reports.migrations.0008_the_national_recipients").add_the_national_recipients(
            apps, None
        )


def pytest_configure_node(node):
    """Run in parallel: tell each test process where to write the groups of tests that share its work."""
    node.workerinput[testing_groups.GROUPS_FILE_KEY] = testing_groups.groups_file(node.config)


def pytest_xdist_make_scheduler(config, log):
    return testing_groups.make_scheduler(config, log)


def pytest_collection_modifyitems(config, items):
    """Runs after pytest-django's own ordering (database tests, then transactional ones, then the rest) and
    moves the tests that use the shared demo data set to the end. A transactional test cannot use the demo:
    its clean-up would empty the tables inside the transaction that holds the demo."""
    for item in items:
        if "demo" in getattr(item, "fixturenames", ()) and _is_transactional(item):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test cannot use the demo.")
    demo_last(items)
    testing_groups.write_groups(config, items)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (
        any(marker.args[:2]) or marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    return marked or bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


@pytest.fixture(autouse=True)
def _media_root_and_eager_tasks(request, tmp_path, settings):
    """Each test stores files in its own folder (a demo test: a copy of the demo's files), and runs Celery
    tasks in-process, at once and never in a background thread, unless it asks for the real worker (`live_worker`)
    or the threads (`settings.BACKGROUND_TASKS_IN_THREADS = True`, lscp/background.py)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKGROUND_TASKS_IN_THREADS = False
    if "demo" in request.fixturenames:
        shutil.copytree(request.getfixturevalue("_demo_data_set"), settings.MEDIA_ROOT)
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _own_cache_keys(settings):
    """Each test has its own keys in the cache (Redis, as in production, when REDIS_URL is set): a fresh
    KEY_PREFIX, so that what is counted there, such as the booking forms' rate limit, starts at nothing and no
    test sees another's. Nothing is flushed: the Redis database is the Celery broker's too."""
    settings.CACHES = {
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"} for name, config in settings.CACHES.items()
    }


class RedisDown:
    """Redis cannot be reached: the cache and the Celery broker point at a port nothing listens on, with the real
    clients (each connection refused), and jobs are sent to the broker as in production rather than run in-process.
    `back()` points them at the suite's Redis again, with jobs in-process as in every other test."""

    def __init__(self, settings):
        self.settings = settings
        self.url = f"redis://127.0.0.1:{unused_port()}/0"
        self.cache = settings.CACHES["default"]
        self.broker = celery_app.conf.broker_url
        options = {"socket_connect_timeout": settings.REDIS_TIMEOUT, "socket_timeout": settings.REDIS_TIMEOUT}
        settings.CACHES = {
            "default": {
                **self.cache,
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": self.url,
                "OPTIONS": options,
            }
        }
        self._point_celery_at(self.url, eager=False)

    def back(self):
        self.settings.CACHES = {"default": self.cache}
        self._point_celery_at(self.broker, eager=True)

    @staticmethod
    def _point_celery_at(url, *, eager):
        celery_app.conf.broker_url = url
        celery_app.conf.task_always_eager = eager
        # Celery keeps its connection and producer pools for the broker it first met: forget them.
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_down(settings):
    down = RedisDown(settings)
    yield down
    down.back()


@pytest.fixture(autouse=True)
def _two_factor_not_required(settings):
    """The suite runs with DEBUG off, where production requires two-factor sign-in of business managers; its tests
    sign people in with `force_login`, which types no code. The tests of two-factor sign-in turn it on
    (lscp/tests/two_factor.py: `two_factor_required`), and test that production's default is on."""
    settings.TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS = False


class LiveWorker:
    def __init__(self, process, media_root):
        self.process = process
        self.media_root = media_root


def start_celery_worker(*, media_root, name=TEST_PROCESS):
    """A real Celery worker process on Redis, using the test database and this test process's queue, answering as
    `name`; returns the process once it answers a ping. Stop it with `stop_celery_worker`."""
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: run the suite with `make test`, which starts Redis and PostgreSQL.")
    from django.db import connection

    db = connection.settings_dict
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
            f"--queues={CELERY_QUEUE}",
            f"--hostname={name}@%h",
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
            # Only this worker: another test process's may already be answering.
            if celery_app.control.ping(timeout=1.0, destination=[f"{name}@{socket.gethostname()}"]):
                break
        except Exception:  # the broker may not answer in the first instants
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("The Celery worker did not answer within 60 seconds.")
    return process


def stop_celery_worker(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def _live_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real Celery worker process on Redis, using the test database; started once per session."""
    media_root = tmp_path_factory.mktemp("worker-media")
    process = start_celery_worker(media_root=media_root)
    yield LiveWorker(process, media_root)
    stop_celery_worker(process)


@pytest.fixture
def live_worker(_live_worker_process, settings, transactional_db):
    """Queue tasks to the real worker for this test; files it writes land in `live_worker.media_root`."""
    settings.MEDIA_ROOT = _live_worker_process.media_root
    celery_app.conf.task_always_eager = False
    yield _live_worker_process
    celery_app.conf.task_always_eager = True


@pytest.fixture(scope="session")
def _demo_data_set(django_db_setup, django_db_blocker, tmp_path_factory):
    """Loads the demo once, in a transaction left open (and rolled back at the end of the run) so that the
    tests using it run in savepoints inside it. Returns the folder holding the demo's files."""
    from django.db import connection, transaction

    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # Like a TestCase's own block: a durable atomic block inside a test stays allowed.
        connection.atomic_blocks[-1]._from_testcase = True
        eager = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = True
        try:
            with override_settings(MEDIA_ROOT=media_root):
                call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
        finally:
            celery_app.conf.task_always_eager = eager
    yield media_root
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_data_set, db):
    """The demo records are loaded (once per run); what a test writes is rolled back after it."""


@pytest.fixture(scope="session")
def _demo_report_build(_demo_data_set, django_db_blocker):
    from reports.tests.demo_build import build_loaded_demo_report

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_demo_data_set):
        return build_loaded_demo_report()


@pytest.fixture
def demo_report(demo, _demo_report_build):
    """The demo's 2022/23 report, built once per run; the demo records are in the database too."""
    return _demo_report_build


@pytest.fixture
def demo_user(demo):
    """`demo_user("manager")`: the demo's login for a role (manager, chair, partner, delegate)."""
    return lscp_demo.demo_user


def _refuse_with_demo(request, role):
    if "demo" in request.fixturenames:
        pytest.fail(f'The demo has its own {role}: use demo_user("{role}") in a test that uses the demo.')


@pytest.fixture
def role_groups(db):
    ensure_role_groups()


@pytest.fixture
def manager(request, role_groups):
    _refuse_with_demo(request, "manager")
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
def chair(request, db):
    _refuse_with_demo(request, "chair")
    chaired_body = request.getfixturevalue("chaired_body")
    user = UserFactory(username="chair")
    person = PersonFactory(user=user, name="Fiona Chair")
    MembershipFactory(person=person, body=chaired_body, role=MembershipRole.CO_CHAIR, start=date(2020, 4, 1))
    return user


@pytest.fixture
def partner(request, db):
    _refuse_with_demo(request, "partner")
    chaired_body = request.getfixturevalue("chaired_body")
    user = UserFactory(username="partner")
    person = PersonFactory(user=user, name="Nadia Partner")
    MembershipFactory(person=person, body=chaired_body, start=date(2020, 4, 1))
    return user


@pytest.fixture
def delegate(request, role_groups):
    _refuse_with_demo(request, "delegate")
    user = UserFactory(username="delegate")
    user.groups.add(Group.objects.get(name=DELEGATES_GROUP))
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")


@pytest.fixture
def statuses_by_role(request):
    """Checks a table of pages against every role: rows are (url, status for each of ROLES, in that order).
    Returns the mismatches, one line each, so a test can show them all at once. In a test that uses the demo,
    the roles are the demo's logins."""

    def user_for_role(role):
        if role == "anonymous":
            return None
        if role in DEMO_ROLES and "demo" in request.fixturenames:
            return lscp_demo.demo_user(role)
        return request.getfixturevalue(role)

    def check(rows, method="get"):
        return status_mismatches(rows, user_for_role, method=method)

    return check


@pytest.fixture
def as_user(client):
    """Signs the test client in as the given user and returns it."""

    return lambda user: sign_in(client, user)
