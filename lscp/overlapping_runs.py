"""For tests: a scheduled job run twice at the same moment (beat fired twice, a retry overlapping the first run, two
workers given the same job). Each run has its own thread and its own database connection; the second starts while
the first is sending its first e-mail, inside its transaction, before anything it recorded is committed. A job that
claims each e-mail before sending it (a unique row, or a row locked with skip_locked) sends it once."""

import threading
import time

from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, connections
from django.test import override_settings

_in_first_send = threading.Event()
_release_first_send = threading.Event()


class PausingEmailBackend(EmailBackend):
    """Keeps e-mails in django.core.mail.outbox; the first one sent waits until the second run has done what it can."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        if not _in_first_send.is_set():
            _in_first_send.set()
            if not _release_first_send.wait(timeout=30):
                raise AssertionError("The second run never got as far as it could.")
        return sent


def _waiting_on_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def _in_thread(job, results, key):
    def target():
        try:
            results[key] = job()
        except Exception as error:  # reported by the test, not lost in the thread
            results[key] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def run_twice_at_once(job, *, seconds=30):
    """Runs `job` (no arguments) twice, overlapping as above; returns (the first run's result, the second's), an
    exception raised in a run being its result. The second run goes on until it finishes or waits on a lock the
    first holds; then the first finishes, and the second after it. Needs a transactional test (real commits)."""
    _in_first_send.clear()
    _release_first_send.clear()
    results = {}
    with override_settings(EMAIL_BACKEND=f"{__name__}.PausingEmailBackend"):
        first = _in_thread(job, results, "first")
        try:
            if not _in_first_send.wait(timeout=seconds):
                raise AssertionError(f"The first run sent nothing: {results.get('first')!r}")
            second = _in_thread(job, results, "second")
            deadline = time.monotonic() + seconds
            while second.is_alive() and not _waiting_on_a_lock():
                if time.monotonic() > deadline:
                    raise AssertionError("The second run neither finished nor waited for the first.")
                time.sleep(0.05)
        finally:
            _release_first_send.set()
        first.join(timeout=seconds)
        second.join(timeout=seconds)
    return results.get("first"), results.get("second")
