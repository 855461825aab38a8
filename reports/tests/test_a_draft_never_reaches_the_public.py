"""Only a PDF made from the approved report can be published: a build made while the report was a draft says
"Draft – not for publication" on its cover and must never be what the public downloads. Approving makes the
build to publish; publishing asks for confirmation; an approved or published report offers no chapter editor."""

import re

import pytest
from django.urls import reverse

from reports import services
from reports.models import BuildStatus, ReportStatus

from .conftest import approve, approving_meeting, pdf_pages_text, set_aside_every_check, write_all_chapters

DRAFT_STAMP = "Draft – not for publication"


def build_now(report, django_capture_on_commit_callbacks, requested_by=None):
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report, requested_by=requested_by)
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    return build


def downloaded_text(response):
    _, pages = pdf_pages_text(b"".join(response.streaming_content))
    return re.sub(r"\s+", " ", " ".join(pages))


@pytest.mark.django_db
def test_the_public_downloads_the_approved_pdf_with_no_draft_stamp(
    client, manager, report, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    draft = build_now(report, django_capture_on_commit_callbacks, requested_by=manager)
    _, draft_pages = pdf_pages_text(draft.pdf.read())
    assert DRAFT_STAMP in draft_pages[0]  # what must never reach the public

    client.force_login(manager)
    set_aside_every_check(report, manager)  # the test's partnership has chapters with no records
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:approve", args=[report.year]), {"meeting": approving_meeting(report).pk})
    confirm = client.get(reverse("reports:publish", args=[report.year])).content.decode()
    offered = int(re.search(r'name="build" value="(\d+)"', confirm).group(1))
    assert offered != draft.pk
    client.post(reverse("reports:publish", args=[report.year]), {"build": offered})
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.published_build_id == offered

    client.logout()
    text = downloaded_text(client.get(reverse("reports:published_pdf", args=[report.year])))
    assert "Draft" not in text and "not for publication" not in text
    assert "Approved by the LSCP Executive on 27 September 2023" in text  # the meeting's date, not today's


@pytest.mark.django_db
def test_approving_makes_the_build_to_publish_from_the_approved_report(
    manager, report, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    with django_capture_on_commit_callbacks(execute=True):
        approve(report, manager)
    build = report.builds.get()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    assert build.made_from_status == ReportStatus.APPROVED and build.requested_by == manager
    assert services.latest_publishable_build(report) == build


@pytest.mark.django_db
def test_a_build_made_while_the_report_was_a_draft_cannot_be_published(
    client, manager, report, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    draft = build_now(report, django_capture_on_commit_callbacks)
    approve(report, manager)  # its own build is queued, not made yet
    assert draft.made_from_status == ReportStatus.DRAFT
    assert services.latest_publishable_build(report) is None
    with pytest.raises(services.ValidationError, match="made while the report was a draft"):
        services.publish_report(report=report, build=draft)

    client.force_login(manager)
    response = client.post(reverse("reports:publish", args=[report.year]), {"build": draft.pk}, follow=True)
    assert "made while the report was a draft" in response.content.decode()
    report.refresh_from_db()
    assert report.published_build is None and report.status == ReportStatus.APPROVED


@pytest.mark.django_db
def test_a_build_queued_while_a_draft_but_made_after_approval_counts_as_approved(
    manager, report, django_capture_on_commit_callbacks
):
    """What the cover says is the status when the PDF is made, so that is what the build records."""
    write_all_chapters(report, manager)
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        queued = services.request_build(report=report)
    approve(report, manager)
    for callback in waiting:
        callback()
    queued.refresh_from_db()
    assert queued.made_from_status == ReportStatus.APPROVED
    _, pages = pdf_pages_text(queued.pdf.read())
    assert DRAFT_STAMP not in pages[0] and "Approved by the LSCP Executive" in pages[0]


@pytest.mark.django_db
def test_publishing_asks_for_confirmation_first(client, manager, report, django_capture_on_commit_callbacks):
    write_all_chapters(report, manager)
    with django_capture_on_commit_callbacks(execute=True):
        approve(report, manager)
    build = report.builds.get()
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    publish_url = reverse("reports:publish", args=[report.year])
    assert f'href="{publish_url}"' in page  # a link to the confirmation page, not a form that publishes
    assert f'action="{publish_url}"' not in page

    confirm = client.get(publish_url)
    text = confirm.content.decode()
    assert f"Publish build {build.pk}" in text and "Anybody will be able to download this PDF" in text
    assert f'<input type="hidden" name="build" value="{build.pk}">' in text
    report.refresh_from_db()
    assert report.published_build is None  # looking at the question publishes nothing

    assert client.post(publish_url, {}, follow=True).status_code == 200  # no build named: nothing published
    report.refresh_from_db()
    assert report.published_build is None


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [False, True], ids=["approved", "published"])
def test_a_report_past_draft_offers_no_chapter_editor(
    client, manager, report, publish, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager, text="The words the partnership agreed.")
    with django_capture_on_commit_callbacks(execute=True):
        approve(report, manager)
    if publish:
        services.publish_report(report=report)
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert ">Edit<" not in page and ">Read<" in page

    chapter = client.get(reverse("reports:narrative", args=[report.year, "foreword"])).content.decode()
    assert "The words the partnership agreed." in chapter
    assert 'name="text"' not in chapter and ">Save<" not in chapter
    assert "so its chapters cannot be changed" in chapter
