"""One worker at a time on one job, across machines: a PostgreSQL advisory lock held by the worker's own database
session. It is let go when the job ends, and by PostgreSQL itself when the worker dies (its session closes), so a
job delivered again after its worker was killed can start afresh, while a job delivered twice to live workers
runs once.

Without PostgreSQL (the demo's SQLite file: one machine, jobs in threads of one process) there is nothing to hold
across processes and every job is let through; the caller's own claim (an UPDATE on its row) still counts."""

import time
import zlib
from contextlib import contextmanager

from django.db import connection

# How long a job waits for another holding it: long enough for PostgreSQL to let go of a killed worker's session.
WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.2


def key(kind, pk):
    # pg_advisory_lock(int4, int4): the kind of job, then its row (ids past 2**31 wrap, harmlessly rare).
    return zlib.crc32(kind.encode()) % 2**31, int(pk) % 2**31


@contextmanager
def held(kind, pk, *, wait_seconds=None):
    """Yields True with job `kind` number `pk` held by this process, or False if another process still held it
    after `wait_seconds` (WAIT_SECONDS): that process is doing it now."""
    wait_seconds = WAIT_SECONDS if wait_seconds is None else wait_seconds
    if connection.vendor != "postgresql":
        yield True
        return
    classid, objid = key(kind, pk)
    deadline = time.monotonic() + wait_seconds
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [classid, objid])
            got = cursor.fetchone()[0]
            if got or time.monotonic() >= deadline:
                break
            time.sleep(_POLL_SECONDS)
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [classid, objid])
