"""After "Build PDF" the message says what became of the build: with no broker it has already finished, so it
is ready (or failed), not "queued". The builds table names the person who asked for each build."""

import pytest
from django.urls import reverse

from reports import services
from reports.sections import Section

from .conftest import YEAR


def messages_after(client, url):
    response = client.post(url, follow=True)
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db(transaction=True)
def test_a_build_that_finished_before_the_page_is_shown_is_announced_as_ready(client, manager):
    report = services.create_report(year=YEAR)
    client.force_login(manager)
    shown = messages_after(client, reverse("reports:build", args=[report.year]))
    build = report.builds.get()
    assert shown == [f"Build {build.pk} is ready: {build.page_count} pages."]


@pytest.mark.django_db(transaction=True)
def test_a_build_that_failed_before_the_page_is_shown_is_announced_with_the_reason(client, manager, monkeypatch):
    report = services.create_report(year=YEAR)

    def unreadable(year):
        raise RuntimeError("the data set could not be read")

    broken = (
        Section(key="broken", title="Broken", order=1, template="reports/sections/narrative.html", context=unreadable),
    )
    monkeypatch.setattr("reports.rendering.registered_sections", lambda: broken)
    client.force_login(manager)
    shown = messages_after(client, reverse("reports:build", args=[report.year]))
    build = report.builds.get()
    assert shown == [f"Build {build.pk} failed: RuntimeError: the data set could not be read"]


@pytest.mark.django_db
def test_a_build_still_waiting_for_a_worker_is_announced_as_queued(client, manager, report):
    # The test's transaction never commits, so the build waits as it would for a busy worker.
    client.force_login(manager)
    shown = messages_after(client, reverse("reports:build", args=[report.year]))
    build = report.builds.get()
    assert shown == [f"Build {build.pk} has been queued; this page shows its progress."]


@pytest.mark.django_db
def test_the_builds_table_names_the_person_who_asked(client, manager, report):
    services.request_build(report=report, requested_by=manager)
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert "by Eleanor Manager" in page and "by manager<" not in page
