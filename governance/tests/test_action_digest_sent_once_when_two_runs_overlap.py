"""Two digest runs at the same moment (beat fired twice, or a retried task overlapping the first) still send each
person one digest: the second run's insert of the (person, week) record waits on the first run's, then fails
on the unique constraint, and that run sends nothing. Real PostgreSQL, two connections."""

import threading
import time
from datetime import date

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, connections

from governance.models import ActionDigest
from governance.services.actions import send_action_digests
from governance.tests.factories import ActionFactory
from partnership.tests.factories import PersonFactory

MONDAY = date(2025, 3, 3)
in_first_send = threading.Event()
release_first_send = threading.Event()


class PausingBackend(EmailBackend):
    """The first e-mail sent waits (inside the sender's transaction) until the test lets it go."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        if not in_first_send.is_set():
            in_first_send.set()
            assert release_first_send.wait(timeout=30), "the test never released the first run"
        return sent


def run_in_thread(results, key):
    def target():
        try:
            results[key] = send_action_digests(today=MONDAY)
        except Exception as error:  # reported by the test, not lost in the thread
            results[key] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def waiting_on_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_one_digest_and_the_second_waits_then_skips(settings):
    settings.EMAIL_BACKEND = f"{__name__}.PausingBackend"
    in_first_send.clear()
    release_first_send.clear()
    mail.outbox = []
    owner = PersonFactory(email="olu.owner@health.example.org")
    ActionFactory(owner_agency=owner.agency, owner_person=owner, due_date=date(2025, 3, 1))

    results = {}
    first = run_in_thread(results, "first")
    try:
        assert in_first_send.wait(timeout=30), "the first run never sent"
        second = run_in_thread(results, "second")
        # The second run passes its "already sent?" check (the first has not committed) and blocks on the insert.
        deadline = time.monotonic() + 30
        while not waiting_on_a_lock():
            assert time.monotonic() < deadline, "the second run never waited on the first run's record"
            time.sleep(0.05)
    finally:
        release_first_send.set()
    first.join(timeout=30)
    second.join(timeout=30)

    assert results == {"first": 1, "second": 0}
    assert [m.to for m in mail.outbox] == [["olu.owner@health.example.org"]]
    assert ActionDigest.objects.count() == 1
