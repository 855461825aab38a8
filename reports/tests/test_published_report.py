import pytest
from django.urls import reverse

from reports import services
from reports.models import BuildStatus, ReportStatus
from reports.sections import Section

from .conftest import approve


def built(report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report)
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    return build


def write_all_chapters(report, user):
    for narrative in report.narratives.all():
        services.save_narrative(report=report, key=narrative.key, text="Written in full.", edited_by=user)


def approved_and_built(report, manager, django_capture_on_commit_callbacks):
    """Approves the report; approval builds the PDF to publish, returned here."""
    with django_capture_on_commit_callbacks(execute=True):
        approve(report, manager)
    build = report.builds.get(made_from_status=ReportStatus.APPROVED)
    assert build.status == BuildStatus.SUCCEEDED, build.error
    return build


@pytest.mark.django_db
def test_publishing_pins_the_build_and_the_public_downloads_it(
    client, report, manager, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    build = approved_and_built(report, manager, django_capture_on_commit_callbacks)
    services.publish_report(report=report, build=build)
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.published_build == build and report.published_on

    response = client.get(reverse("reports:published_pdf", args=[report.year]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == build.pdf.open("rb").read()
    listing = client.get(reverse("reports:list")).content.decode()
    assert "Annual report 2022/23" in listing


@pytest.mark.django_db
def test_a_failed_rebuild_leaves_the_published_pdf_downloadable(
    client, report, manager, monkeypatch, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    published = approved_and_built(report, manager, django_capture_on_commit_callbacks)
    services.publish_report(report=report, build=published)

    def broken(year):
        raise RuntimeError("the data set could not be read")

    failing = (
        Section(key="broken", title="Broken", order=1, template="reports/sections/narrative.html", context=broken),
    )
    monkeypatch.setattr("reports.rendering.registered_sections", lambda: failing)
    with django_capture_on_commit_callbacks(execute=True):
        rebuild = services.request_build(report=report)
    rebuild.refresh_from_db()
    assert rebuild.status == BuildStatus.FAILED
    assert "the data set could not be read" in rebuild.error and not rebuild.pdf

    report.refresh_from_db()
    assert report.published_build == published
    response = client.get(reverse("reports:published_pdf", args=[report.year]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == published.pdf.open("rb").read()


@pytest.mark.django_db
def test_a_later_successful_build_does_not_replace_the_published_one(
    report, manager, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    published = approved_and_built(report, manager, django_capture_on_commit_callbacks)
    services.publish_report(report=report, build=published)
    newer = built(report, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert newer != published and report.published_build == published


@pytest.mark.django_db
def test_drafts_are_not_downloadable_except_by_the_business_manager(
    client, request, report, django_capture_on_commit_callbacks
):
    build = built(report, django_capture_on_commit_callbacks)  # one build, tried by every other role in turn
    draft_url = reverse("reports:build_download", args=[report.year, build.pk])
    for role in ["anonymous", "partner", "delegate", "outsider", "chair"]:
        client.logout()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        assert client.get(draft_url).status_code in (302, 403), role
        assert client.get(reverse("reports:published_pdf", args=[report.year])).status_code == 404, role
        assert client.get(reverse("reports:report", args=[report.year])).status_code == 404, role
        assert "Annual report 2022/23" not in client.get(reverse("reports:list")).content.decode(), role


@pytest.mark.django_db
def test_the_business_manager_downloads_a_draft(client, report, manager, django_capture_on_commit_callbacks):
    build = built(report, django_capture_on_commit_callbacks)
    client.force_login(manager)
    response = client.get(reverse("reports:build_download", args=[report.year, build.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_placeholders_block_approval_and_say_where(report, manager):
    write_all_chapters(report, manager)
    services.save_narrative(report=report, key="foreword", text="We trained xxx delegates (tbc).", edited_by=manager)
    with pytest.raises(services.ValidationError, match="Foreword by the independent chair"):
        approve(report, manager)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


@pytest.mark.django_db
def test_unwritten_chapters_block_approval(report, manager):
    with pytest.raises(services.ValidationError, match="have not been written yet"):
        approve(report, manager)


@pytest.mark.django_db
def test_a_draft_cannot_be_published(report, django_capture_on_commit_callbacks):
    build = built(report, django_capture_on_commit_callbacks)
    with pytest.raises(services.ValidationError, match="must approve"):
        services.publish_report(report=report, build=build)


@pytest.mark.django_db
def test_an_approved_report_cannot_be_edited_until_returned_to_draft(report, manager):
    write_all_chapters(report, manager)
    approve(report, manager)
    with pytest.raises(services.ValidationError, match="return it to draft"):
        services.save_narrative(report=report, key="foreword", text="Changed", edited_by=manager)
    services.return_to_draft(report=report)
    services.save_narrative(report=report, key="foreword", text="Changed", edited_by=manager)


@pytest.mark.django_db
def test_a_build_made_before_the_last_change_to_the_chapters_cannot_be_published(
    report, manager, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    stale = approved_and_built(report, manager, django_capture_on_commit_callbacks)
    services.return_to_draft(report=report)
    services.save_narrative(report=report, key="foreword", text="Corrected after approval.", edited_by=manager)
    approve(report, manager)  # its build is queued, not made yet
    assert services.latest_publishable_build(report) is None
    with pytest.raises(services.ValidationError, match="before the chapters were last changed"):
        services.publish_report(report=report, build=stale)
    fresh = built(report, django_capture_on_commit_callbacks)
    assert services.latest_publishable_build(report) == fresh
    services.publish_report(report=report)
    report.refresh_from_db()
    assert report.published_build == fresh


@pytest.mark.django_db
def test_correcting_a_published_report_keeps_the_published_pdf_online(
    client, report, manager, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    published = approved_and_built(report, manager, django_capture_on_commit_callbacks)
    services.publish_report(report=report, build=published)
    services.return_to_draft(report=report)
    services.save_narrative(report=report, key="foreword", text="Corrected.", edited_by=manager)

    response = client.get(reverse("reports:published_pdf", args=[report.year]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == published.pdf.open("rb").read()
    assert "Annual report 2022/23" in client.get(reverse("reports:list")).content.decode()


@pytest.mark.django_db
def test_only_a_draft_can_be_approved_and_a_draft_is_not_returned_to_draft(report, manager):
    write_all_chapters(report, manager)
    with pytest.raises(services.ValidationError, match="already a draft"):
        services.return_to_draft(report=report)
    approve(report, manager)
    with pytest.raises(services.ValidationError, match="Only a draft can be approved"):
        approve(report, manager)


@pytest.mark.django_db
def test_a_build_whose_worker_keeps_dying_fails_instead_of_looping(report):
    from reports.models import ReportBuild

    build = ReportBuild.objects.create(report=report, status=BuildStatus.RUNNING, attempts=services.MAX_BUILD_ATTEMPTS)
    build = services.run_build(build_id=build.pk)
    assert build.status == BuildStatus.FAILED and "worker process died" in build.error
    assert build.attempts == services.MAX_BUILD_ATTEMPTS


@pytest.mark.django_db
def test_publishing_a_nonsense_build_id_is_refused_with_a_message(client, report, manager):
    write_all_chapters(report, manager)
    approve(report, manager)
    client.force_login(manager)
    response = client.post(reverse("reports:publish", args=[report.year]), {"build": "abc"}, follow=True)
    assert response.status_code == 200
    assert "another year" in response.content.decode()
