"""Web processes and workers on more than one machine: one build delivered twice (a second delivery from the broker,
or a second request for the same job) to two worker processes on the same queue and database is built once."""

import os
import socket
import time

import pytest

from conftest import TEST_PROCESS, start_celery_worker, stop_celery_worker
from lscp.celery import app as celery_app
from reports import services
from reports.models import BuildStatus, ReportBuild
from reports.tasks import build_annual_report

from .conftest import YEAR, make_partnership


def builds_run_by(name):
    """How many build jobs the worker answering as `name` has run (or tried, and left to be tried again)."""
    worker = f"{name}@{socket.gethostname()}"
    stats = celery_app.control.inspect(destination=[worker], timeout=5).stats() or {}
    assert worker in stats, f"{worker} did not answer"
    return stats[worker]["total"].get(build_annual_report.name, 0)


def stored_files(root):
    return {os.path.relpath(os.path.join(folder, name), root) for folder, _, names in os.walk(root) for name in names}


@pytest.mark.worker
def test_two_workers_given_the_same_build_twice_build_it_once(live_worker):
    second_name = f"{TEST_PROCESS}-second"
    second_worker = start_celery_worker(media_root=live_worker.media_root, name=second_name)
    try:
        first_worker_had = builds_run_by(TEST_PROCESS)
        make_partnership()
        report = services.create_report(year=YEAR)
        build = ReportBuild.objects.create(report=report)
        files_before = stored_files(live_worker.media_root)

        first = build_annual_report.delay(build.pk)
        deadline = time.monotonic() + 60
        while ReportBuild.objects.get(pk=build.pk).status == BuildStatus.QUEUED:
            assert time.monotonic() < deadline, "no worker started the build"
            time.sleep(0.05)
        again = build_annual_report.delay(build.pk)  # the first worker is busy: the second worker takes this one

        answers = [first.get(timeout=180), again.get(timeout=180)]
        # Each worker was given it (the first is busy with one job at a time, so the second took the other).
        assert builds_run_by(TEST_PROCESS) > first_worker_had and builds_run_by(second_name) >= 1
    finally:
        stop_celery_worker(second_worker)

    assert [answer["status"] for answer in answers] == [BuildStatus.SUCCEEDED] * 2
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert build.attempts == 1
    made = {build.pdf.name, build.html_edition.name, build.young_people_pdf.name} - {""}
    assert stored_files(live_worker.media_root) - files_before == made  # no second copy of any of its files
