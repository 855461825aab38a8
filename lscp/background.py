"""Queueing a long job (a report build, a round of e-mails) so that no one waits for it in their request.

With a broker (`REDIS_URL`) the job goes to the Celery workers. Without one (the demo) Celery would run it inside the
request that asked for it, and the person would stare at a loading page for the whole build; so it runs in a thread
of the web process instead, started once the transaction commits, and reports the same progress (the job writes
it to the database as it goes). `BACKGROUND_TASKS_IN_THREADS` says which; the test suite turns the threads off, so
its jobs run in-process at once (`task_always_eager`) and every test stays deterministic.

Apps queue a job with `queue_after_commit(task, *ids)`; the task stays a thin Celery task taking ids.

When the broker (Redis) is down the job cannot be sent. The request that asked for it still answers, within a second
or two (the timeouts in settings.py): the failure is logged as a warning and the app's `if_not_sent` is called, to
mark its own record (a report build stays queued, "waiting for the job service"); the app's periodic job sends what
was left waiting once Redis is back. An app with no `if_not_sent` relies on a periodic job that finds the work still
undone (the training evaluations' daily round).
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

logger = logging.getLogger(__name__)


def queue_after_commit(task, *args, if_not_sent=None, **kwargs):
    """Runs the Celery task `task(*args, **kwargs)` once the current transaction has committed (at once outside
    one), never inside the request: on the workers, or in a background thread when there is no broker.
    `if_not_sent()` is called instead if the broker cannot be reached."""
    transaction.on_commit(lambda: start(task, *args, if_not_sent=if_not_sent, **kwargs))


def start(task, *args, if_not_sent=None, **kwargs):
    """Starts the job now: a daemon thread (returned) when `BACKGROUND_TASKS_IN_THREADS`, else sent to the workers
    (its AsyncResult returned). None when the broker did not take it: then `if_not_sent()` has been called."""
    if not settings.BACKGROUND_TASKS_IN_THREADS:
        return send(task, *args, if_not_sent=if_not_sent, **kwargs)
    thread = threading.Thread(target=_run, args=(task, args, kwargs), name=f"background {task.name}", daemon=True)
    thread.start()
    return thread


def _run(task, args, kwargs):
    try:
        task.apply(args=args, kwargs=kwargs, throw=True)
    except Exception:  # nobody is waiting on this thread: the job's own record says it failed, the log says why
        logger.exception("Background job %s%r failed", task.name, args)
    finally:
        # The thread's own database connections: nothing else would ever close them.
        connections.close_all()


def send(task, *args, if_not_sent=None, **kwargs):
    """Sends the job to the workers; if the broker cannot be reached, logs a warning, calls `if_not_sent()` and
    returns None. The result is not kept: the job's own record says how it went, and subscribing to the result
    store is one more wait on Redis."""
    try:
        return task.apply_async(args=args, kwargs=kwargs, ignore_result=True)
    except BrokerUnavailable as error:
        logger.warning("Job %s%r not sent: the job service (Redis) did not answer (%s).", task.name, args, error)
        if if_not_sent is not None:
            if_not_sent()
        return None
