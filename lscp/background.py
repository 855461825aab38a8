"""Queueing a long job (a report build, a round of e-mails) so that no one waits for it in their request.

With a broker (`REDIS_URL`) the job goes to the Celery workers. Without one (the demo) Celery would run it inside the
request that asked for it, and the person would stare at a loading page for the whole build; so it runs in a thread
of the web process instead, started once the transaction commits, and reports the same progress (the job writes
it to the database as it goes). `BACKGROUND_TASKS_IN_THREADS` says which; the test suite turns the threads off, so
its jobs run in-process at once (`task_always_eager`) and every test stays deterministic.

Apps queue a job with `queue_after_commit(task, *ids)`; the task stays a thin Celery task taking ids.
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)


def queue_after_commit(task, *args, **kwargs):
    """Runs the Celery task `task(*args, **kwargs)` once the current transaction has committed (at once outside
    one), never inside the request: on the workers, or in a background thread when there is no broker."""
    transaction.on_commit(lambda: start(task, *args, **kwargs))


def start(task, *args, **kwargs):
    """Starts the job now: a daemon thread (returned) when `BACKGROUND_TASKS_IN_THREADS`, else `task.delay()`."""
    if not settings.BACKGROUND_TASKS_IN_THREADS:
        return task.delay(*args, **kwargs)
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
