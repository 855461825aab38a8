"""Without a broker the build runs in-process (the demo); the same pipeline and the same checks."""

import pytest

from reports import services
from reports.models import BuildStatus

from .conftest import make_partnership, pdf_pages_text


@pytest.mark.django_db
def test_an_eager_build_succeeds_after_the_transaction_commits(report, manager, django_capture_on_commit_callbacks):
    make_partnership()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        build = services.request_build(report=report, requested_by=manager)
    build.refresh_from_db()
    assert build.status == BuildStatus.QUEUED  # nothing runs before the commit
    for callback in callbacks:
        callback()
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    _, pages = pdf_pages_text(build.pdf.read())
    assert "Structure of the partnership" in "\n".join(pages)


@pytest.mark.django_db
def test_running_a_finished_build_again_changes_nothing(report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report)
    build.refresh_from_db()
    first = (build.pdf.name, build.sha256, build.finished_at)
    again = services.run_build(build_id=build.pk)
    assert (again.pdf.name, again.sha256, again.finished_at) == first


@pytest.mark.django_db
def test_a_build_left_running_by_a_dead_worker_is_started_afresh(report):
    build = services.ReportBuild.objects.create(report=report, status=BuildStatus.RUNNING, attempts=1)
    build = services.run_build(build_id=build.pk)
    assert build.status == BuildStatus.SUCCEEDED and build.attempts == 2
