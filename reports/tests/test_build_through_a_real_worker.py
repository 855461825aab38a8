"""A real Celery worker on Redis builds the PDF; the PDF is read back."""

import re
import time

import pytest

from reports import services
from reports.models import BuildStatus, ReportBuild

from .conftest import YEAR, make_partnership, pdf_pages_text


def wait_for(build, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        build = ReportBuild.objects.get(pk=build.pk)
        if build.is_finished:
            return build
        time.sleep(0.3)
    pytest.fail(f"build {build.pk} did not finish: {build.status} {build.stage}")


@pytest.mark.worker
def test_a_real_worker_builds_a_multi_page_pdf_with_contents_and_appendices(live_worker, manager):
    make_partnership()
    report = services.create_report(year=YEAR)
    build = services.request_build(report=report, requested_by=manager)
    build = wait_for(build)

    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert build.attempts == 1 and build.progress == 100
    data = build.pdf.read()
    assert len(data) == build.file_size
    import hashlib

    assert hashlib.sha256(data).hexdigest() == build.sha256
    reader, pages = pdf_pages_text(data)
    assert len(pages) == build.page_count > 4
    text = "\n".join(pages)
    # the members appendix, with the people from the records
    assert "Appendix: Members of the partnership" in text
    assert "Daniel Whitcombe 0" in text and "Detective Chief Inspector" in text
    # page numbers in the footer
    assert f"Page 2 of {len(pages)}" in pages[1]
    # the contents gives each chapter's page number, and the chapter is on that page
    contents = pages[1]
    listed = re.search(r"Appendix: Members of the partnership\s*\.*\s*(\d+)", contents)
    assert listed, contents
    page_number = int(listed.group(1))
    assert "Appendix: Members of the partnership" in pages[page_number - 1]
    assert build.gather_seconds is not None and build.query_count > 0
