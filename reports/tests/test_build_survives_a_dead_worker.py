"""A worker process that dies mid-build does not lose the build: the job is delivered again and finishes."""

import os
import signal
import subprocess
import time

import pytest

from reports import services
from reports.models import BuildStatus, ReportBuild

from .conftest import YEAR, make_partnership


def pool_children(pid):
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


@pytest.mark.worker
def test_a_build_whose_worker_is_killed_is_delivered_again_and_succeeds(live_worker):
    make_partnership(copies=25)  # enough pages that the build is still running when the worker is killed
    report = services.create_report(year=YEAR)
    build = services.request_build(report=report)

    deadline = time.monotonic() + 60
    while ReportBuild.objects.get(pk=build.pk).status != BuildStatus.RUNNING:
        assert time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)
    children = pool_children(live_worker.process.pid)
    assert children, "no worker child process found"
    for child in children:
        os.kill(child, signal.SIGKILL)

    deadline = time.monotonic() + 180
    while True:
        build = ReportBuild.objects.get(pk=build.pk)
        if build.status in (BuildStatus.SUCCEEDED, BuildStatus.FAILED):
            break
        assert time.monotonic() < deadline, f"the build was not redelivered: {build.status} {build.stage}"
        time.sleep(0.3)
    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert build.attempts == 2  # killed once, then run again from the start
    assert build.pdf.read().startswith(b"%PDF-")
