"""The production web process as scripts/serve.sh starts it: gunicorn with production settings serves a page, and
the static files that page links to under their hashed names, compressed and cached for a year, with no proxy in
front; then it stops cleanly on SIGTERM. Its web process keeps one PostgreSQL connection from request to request."""

import gzip
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

# gunicorn is another process: it sees only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)

HASHED_STYLESHEET = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


def production_environment(tmp_path):
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "WEB_CONCURRENCY"))}
    env.update(
        DEBUG="false",
        SECRET_KEY="gunicorn-test-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_FILES_HASHED="true",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        # Plain HTTP on the loopback: nothing in front terminates TLS here.
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    )
    return env


def collect_static_files(env):
    """collectstatic as scripts/serve.sh runs it, but for the project's own files: compressing the admin's hundred
    and more with Brotli takes seconds, and the page fetched here links to none of them."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", "-i", "admin", "-i", "import_export"],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=120,
    )


def start_gunicorn(env, log):
    """On a port the system picks (tests run in parallel); returns the process and that port."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lscp.wsgi",
            "--config",
            "python:lscp.gunicorn_config",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
            "--no-control-socket",
            "--error-logfile",
            str(log),
        ],
        env=env,
        cwd=settings.BASE_DIR,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        listening = LISTENING.search(log.read_text()) if log.exists() else None
        if listening:
            return process, int(listening.group(1))
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited at start (code {process.returncode}):\n{log.read_text()}")
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"gunicorn did not listen within 60 seconds:\n{log.read_text()}")


def fetch(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_serves_a_page_and_its_hashed_compressed_stylesheet_then_stops_cleanly(tmp_path):
    env = production_environment(tmp_path)
    collect_static_files(env)
    log = tmp_path / "gunicorn.log"
    process, port = start_gunicorn(env, log)
    try:
        status, headers, body = fetch(port, "/")
        assert status == 200
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        stylesheet = HASHED_STYLESHEET.search(body.decode())
        assert stylesheet, "the page links to the stylesheet under its hashed name"

        status, headers, body = fetch(port, stylesheet.group(1), **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
        assert headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware's, before WhiteNoise
        collected = tmp_path / "static" / stylesheet.group(1).removeprefix("/static/")
        assert gzip.decompress(body) == collected.read_bytes()
    finally:
        stop(process)
    assert process.returncode == 0, log.read_text()


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# The name gunicorn's connections give PostgreSQL (libpq reads PGAPPNAME), to tell them from this test process's own.
APPLICATION_NAME = "lscp-gunicorn-under-test"


def server_processes_serving_the_site():
    """PostgreSQL's server processes connected for the gunicorn under test."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s",
            [APPLICATION_NAME],
        )
        return {pid for (pid,) in cursor.fetchall()}


def test_the_web_process_keeps_one_database_connection_from_request_to_request(tmp_path):
    env = production_environment(tmp_path)
    env["STATIC_FILES_HASHED"] = "false"  # no collected files needed: the pages' own figures are not fetched
    env["PGAPPNAME"] = APPLICATION_NAME
    log = tmp_path / "gunicorn.log"
    process, port = start_gunicorn(env, log)
    try:
        seen = []
        for path in ("/training/", "/training/", "/training/"):
            status, _, _ = fetch(port, path)
            assert status == 200
            time.sleep(0.3)  # a connection closed at the request's end has gone by now
            seen.append(server_processes_serving_the_site())
    finally:
        stop(process)
    assert len(seen[0]) == 1, "one connection, kept after the first request"
    assert seen[0] == seen[1] == seen[2], "the same connection served every request"
