"""A Content-Security-Policy without 'unsafe-inline' must not break the report's pages: the build progress is
polled by a static script that reads its URLs from data- attributes."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from reports import services

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.django_db
def test_a_running_build_is_polled_by_the_static_script(client, manager, report):
    build = services.request_build(report=report, requested_by=manager)  # waits: the test never commits
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert '<script src="/static/js/report-build.js" defer></script>' in page
    status_url = reverse("reports:build_status", args=[report.year, build.pk])
    assert f'<tr id="build-{build.pk}" data-poll="{status_url}">' in page
    script = Path(finders.find("js/report-build.js")).read_text(encoding="utf-8")
    assert "tr[data-poll]" in script and "dataset.poll" in script  # it finds the rows the page marks


@pytest.mark.django_db
def test_a_page_with_no_build_running_loads_no_polling(client, manager, report):
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert "report-build.js" not in page and 'http-equiv="refresh"' not in page


@pytest.mark.django_db
def test_the_report_pages_have_no_inline_script_or_event_handler(client, manager, report):
    services.request_build(report=report, requested_by=manager)
    client.force_login(manager)
    urls = [
        reverse("reports:list"),
        reverse("reports:report", args=[report.year]),
        reverse("reports:preview", args=[report.year]),
        reverse("reports:narrative", args=[report.year, "foreword"]),
        reverse("reports:chapters"),
        reverse("reports:publish", args=[report.year]),
    ]
    found = {}
    for url in urls:
        page = client.get(url).content.decode()
        found[url] = INLINE_SCRIPT.findall(page) + INLINE_HANDLER.findall(page)
    assert found == {url: [] for url in urls}
