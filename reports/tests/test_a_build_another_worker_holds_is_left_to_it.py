"""A build another worker holds (it is building it, or died so lately that PostgreSQL still keeps its session) is
not built a second time: the delivery is tried again later (reports/tasks.py), and then builds it if the holder died
(as a build left running is started afresh, test_build_in_process.py), or leaves it if it finished."""

import pytest
from django.db import connections

from lscp import job_locks
from reports import services
from reports.models import BuildStatus, ReportBuild


@pytest.fixture
def another_worker():
    """A second database session, as another worker's: it holds builds as a worker does."""
    session = connections.create_connection("default")
    yield session
    session.close()


def hold(session, build):
    with session.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", job_locks.key("reports.build", build.pk))


@pytest.mark.django_db
def test_a_held_build_is_left_to_its_holder_until_the_holder_has_gone(report, another_worker, monkeypatch):
    monkeypatch.setattr(job_locks, "WAIT_SECONDS", 0.2)
    build = ReportBuild.objects.create(report=report, status=BuildStatus.RUNNING, attempts=1)
    hold(another_worker, build)

    with pytest.raises(services.BuildHeldElsewhere):
        services.run_build(build_id=build.pk)
    assert ReportBuild.objects.get(pk=build.pk).attempts == 1  # untouched

    another_worker.close()  # the holder died: PostgreSQL lets its session's locks go, and the next try has it
    with job_locks.held("reports.build", build.pk) as ours:
        assert ours


@pytest.mark.django_db
def test_a_held_build_that_has_finished_is_left_as_it_is(report, another_worker, monkeypatch):
    monkeypatch.setattr(job_locks, "WAIT_SECONDS", 0.2)
    build = ReportBuild.objects.create(report=report, status=BuildStatus.SUCCEEDED, attempts=1)
    hold(another_worker, build)
    assert services.run_build(build_id=build.pk).attempts == 1
