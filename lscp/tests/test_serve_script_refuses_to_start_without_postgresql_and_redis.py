"""scripts/serve.sh is production: it refuses to start, before touching anything, without PostgreSQL and Redis."""

import os
import subprocess

import pytest
from django.conf import settings


def run_serve(**env_changes):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(env_changes)
    return subprocess.run(
        ["bash", "scripts/serve.sh"], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=30
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, ["DATABASE_URL", "REDIS_URL"]),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, ["DATABASE_URL"]),
        ({"DATABASE_URL": "postgres://lscp@127.0.0.1:5432/lscp"}, ["REDIS_URL"]),
    ],
)
def test_it_names_what_is_missing_and_starts_nothing(env, missing):
    result = run_serve(**env)
    assert result.returncode == 2
    for name in missing:
        assert name in result.stderr
    assert "make demo" in result.stderr
    assert result.stdout == ""  # no collectstatic, no migrate


def test_it_refuses_an_sqlite_database():
    result = run_serve(DATABASE_URL="sqlite:///db.sqlite3", REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 2
    assert "PostgreSQL" in result.stderr and result.stdout == ""
