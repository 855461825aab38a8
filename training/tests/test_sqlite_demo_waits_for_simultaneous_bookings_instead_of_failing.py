"""`make demo` runs on an SQLite file. Twenty people booking at the same moment there each get their booking: SQLite is
set up for concurrent use (a write-ahead log, a busy timeout, transactions that take the write lock when they
start), so a booking waits for the one before it instead of failing with "database is locked" (a server error).

The suite runs on PostgreSQL; this test runs `sqlite_booking_rush.py` as a process of its own on a fresh SQLite
file, with the project's settings as the demo has them.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

RUSH = Path(__file__).with_name("sqlite_booking_rush.py")


def test_twenty_simultaneous_bookings_on_sqlite_all_succeed(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "REDIS_URL": "",
        "EMAIL_URL": "dummymail://",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "testserver",
        "BOOKING_RATE_LIMIT": "1000",
        "DEBUG": "false",
        "SECRET_KEY": "test-only-secret-key-for-the-sqlite-rush",
        "SECURE_SSL_REDIRECT": "false",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, str(RUSH)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 20
    assert outcome["bookings"] == 20
