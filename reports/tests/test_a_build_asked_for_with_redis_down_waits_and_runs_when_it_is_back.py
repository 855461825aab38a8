"""A build asked for while Redis (the job service's broker) is down: the page answers at once and says plainly that
the build is queued and will run when the job service is back; the build waits in the database, and the periodic
round (Celery beat, and each worker as it starts) sends it once Redis answers again, where it is built. While Redis
is still down a round sends nothing and loses nothing. What is queued matters here, not the PDF: the build makes a
one-page stand-in, as in the test of builds without a broker."""

import pytest
from django.conf import settings
from django.urls import reverse

from reports import rendering, services, tasks
from reports.models import BuildStatus, ReportBuild
from reports.rendering import Timings


# Transactional: the job is sent when the request's transaction commits, inside the request, as in production.
@pytest.mark.django_db(transaction=True)
def test_the_build_waits_for_the_job_service_and_runs_when_it_is_back(client, manager, report, redis_down, monkeypatch):
    monkeypatch.setattr(rendering, "build_pdf", lambda report: (b"%PDF-1.7\n% a stand-in\n", 1, Timings()))
    client.force_login(manager)

    response = client.post(reverse("reports:build", args=[report.year]), follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "is queued, but the job service that makes the PDFs is not answering just now" in page
    assert "will run by itself when the job service is back: there is no need to ask again" in page
    build = ReportBuild.objects.get()
    assert build.status == BuildStatus.QUEUED and build.is_waiting_for_the_job_service
    assert f"Queued – {build.stage} (0%)" in page

    assert services.send_builds_left_waiting() == 0  # Redis still down
    build.refresh_from_db()
    assert build.is_waiting_for_the_job_service

    redis_down.back()
    assert tasks.send_builds_left_waiting.delay().get() == 1
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert build.attempts == 1 and build.pdf.read().startswith(b"%PDF-")
    assert services.send_builds_left_waiting() == 0  # sent once


def test_the_round_runs_every_five_minutes_from_beat():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == tasks.send_builds_left_waiting.name]
    assert [str(entry["schedule"]._orig_minute) for entry in entries] == ["*/5"]
