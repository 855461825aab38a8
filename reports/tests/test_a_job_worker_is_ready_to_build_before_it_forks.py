"""The job worker's main process makes ready for builds before it forks the processes that run jobs: the site's
URLs indexed and every chapter's template compiled, so that no build pays for them. It reads
no records and leaves no connection open, which a forked process would share with its parent."""

import json
import logging
import os
import subprocess
import sys
import weakref
from pathlib import Path

from celery.signals import worker_init

from reports import rendering, tasks

ROOT = Path(__file__).resolve().parents[2]

COLD_PROCESS = """
import json
import django
django.setup()
from django.db import connection
from django.template import engines
from django.urls import get_resolver
from reports.rendering import make_ready_for_builds
from reports.sections import registered_sections, young_people_sections

resolver = get_resolver()
before = {"urls": resolver._populated, "cached": len(engines["django"].engine.template_loaders[0].get_template_cache)}
compiled = make_ready_for_builds()
cache = engines["django"].engine.template_loaders[0].get_template_cache
chapters = {s.template for s in (*registered_sections(), *young_people_sections())}
print(json.dumps({
    "before": before,
    "urls": resolver._populated,
    "chapters": len(chapters),
    "compiled": sorted(name for name in chapters if name in cache),
    "counted": compiled,
    "connected": connection.connection is not None,
}))
"""


def test_a_fresh_process_made_ready_has_the_urls_and_every_chapter_compiled_and_no_connection_open():
    done = subprocess.run(
        [sys.executable, "-c", COLD_PROCESS], cwd=ROOT, env=os.environ, capture_output=True, text=True, check=True
    )
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state["before"] == {"urls": False, "cached": 0}, "the process was not cold: the test proves nothing"
    assert state["urls"]
    assert len(state["compiled"]) == state["chapters"] > 20
    assert state["counted"] == state["chapters"] + 2  # and the two documents
    assert not state["connected"]


def test_the_worker_makes_ready_as_it_starts_and_starts_even_when_it_cannot(monkeypatch, caplog):
    handler = tasks._make_ready_for_builds_before_the_pool_starts
    connected = [ref() if isinstance(ref, weakref.ref) else ref for _, ref in worker_init.receivers]
    assert handler in connected
    calls = []
    monkeypatch.setattr(rendering, "make_ready_for_builds", lambda: calls.append("ready"))
    handler()
    assert calls == ["ready"]

    def fails():
        raise OSError("no fonts")

    monkeypatch.setattr(rendering, "make_ready_for_builds", fails)
    with caplog.at_level(logging.ERROR):
        handler()  # raises nothing: the worker still starts
    assert "could not make ready for report builds" in caplog.text
