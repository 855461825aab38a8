"""Without a broker (`make demo`: no REDIS_URL) pressing "Build PDF" answers at once: the build runs in a background
thread, and the report's page and its status address show its progress and then the download link, as with a worker.

The build is held at its start until the test has seen the answer, so "at once" does not depend on timing.
"""

import threading
import time

import pytest
from django.urls import reverse

from reports import rendering
from reports.models import BuildStatus, ReportBuild
from reports.rendering import Timings

HELD_FOR_AT_MOST = 20  # seconds: the build goes on anyway after this, so a test that fails never hangs


@pytest.mark.django_db(transaction=True)
def test_the_request_answers_before_the_build_finishes_and_the_build_then_completes(
    client, manager, report, settings, monkeypatch
):
    settings.BACKGROUND_TASKS_IN_THREADS = True
    release = threading.Event()
    built_in = []

    def held_build(report):
        built_in.append(threading.current_thread())
        release.wait(HELD_FOR_AT_MOST)
        return b"%PDF-1.7\n% a small report\n", 3, Timings()

    monkeypatch.setattr(rendering, "build_pdf", held_build)
    client.force_login(manager)

    response = client.post(reverse("reports:build", kwargs={"year": report.year}))

    assert response.status_code == 302
    build = ReportBuild.objects.get(report=report)
    assert not build.is_finished, "the build ran inside the request"
    status_url = reverse("reports:build_status", kwargs={"year": report.year, "pk": build.pk})
    page = client.get(response["Location"]).content.decode()
    assert status_url in page  # the page polls the build's progress
    progress = client.get(status_url).json()
    assert progress["status"] in (BuildStatus.QUEUED, BuildStatus.RUNNING)
    assert progress["download_url"] is None

    release.set()
    deadline = time.monotonic() + 30
    while not build.is_finished and time.monotonic() < deadline:
        time.sleep(0.1)
        build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert built_in and built_in[0] is not threading.main_thread()
    done = client.get(status_url).json()
    assert done["progress"] == 100
    assert client.get(done["download_url"]).status_code == 200
