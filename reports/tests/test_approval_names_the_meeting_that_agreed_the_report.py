"""The annual report is approved by a meeting of the Partnership or the Executive, not by a button: the business
manager records which meeting agreed it, on a page that asks first, and the cover says "Approved by the … on" that
meeting's date, never the day the approval was recorded."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lscp.dates import long_date
from partnership.models import BodyKind, MeetingStatus
from partnership.tests.factories import BodyFactory, MeetingFactory, aware
from reports import services
from reports.models import ReportStatus

from .conftest import approving_meeting, pdf_pages_text, set_aside_every_check, write_all_chapters

AGREED_ON = date(2023, 9, 14)


@pytest.fixture
def meetings(db):
    """The Executive's meeting that agreed the report, and meetings that could not have."""
    executive = BodyFactory(name="LSCP Executive", kind=BodyKind.EXECUTIVE)
    partnership = BodyFactory(name="Local Safeguarding Children Partnership", kind=BodyKind.PARTNERSHIP)
    subgroup = BodyFactory(name="Case Review Subgroup", parent=partnership)
    return {
        "agreed": MeetingFactory(body=executive, starts_at=aware(AGREED_ON), theme="Annual report"),
        "partnership": MeetingFactory(body=partnership, starts_at=aware(date(2023, 7, 5))),
        "subgroup": MeetingFactory(body=subgroup, starts_at=aware(date(2023, 9, 1))),
        "cancelled": MeetingFactory(body=executive, starts_at=aware(date(2023, 10, 4)), status=MeetingStatus.CANCELLED),
        "before the year": MeetingFactory(body=executive, starts_at=aware(date(2022, 3, 2))),
        "to come": MeetingFactory(
            body=partnership,
            starts_at=timezone.now() + timedelta(days=30),
            status=MeetingStatus.SCHEDULED,
        ),
    }


@pytest.mark.django_db
def test_the_approval_page_offers_only_the_meetings_that_could_have_agreed_the_report(
    client, manager, report, meetings
):
    write_all_chapters(report, manager)
    set_aside_every_check(report, manager)
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    offered = {name for name, meeting in meetings.items() if f'value="{meeting.pk}"' in page}
    assert offered == {"agreed", "partnership"}
    assert "LSCP Executive on 14 September 2023 (Annual report)" in page
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT  # asking is not approving


@pytest.mark.django_db
def test_recording_the_approval_dates_it_by_the_meeting_not_by_today(
    client, manager, report, meetings, django_capture_on_commit_callbacks
):
    write_all_chapters(report, manager)
    set_aside_every_check(report, manager)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:approve", args=[report.year]), {"meeting": meetings["agreed"].pk}, follow=True
        )
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert report.approved_at == meetings["agreed"] and report.approved_on == AGREED_ON
    assert report.approved_by == manager
    assert "approved by the LSCP Executive on 14 September 2023" in response.content.decode()

    build = report.builds.get()  # approving makes the PDF to publish, from the approved report
    _, pages = pdf_pages_text(build.pdf.read())
    cover = " ".join(pages[0].split())
    assert "Approved by the LSCP Executive on 14 September 2023" in cover
    assert long_date(timezone.localdate()) not in cover


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("posted", "error"),
    [
        ("", "Choose the meeting that approved the report."),
        ("subgroup", "that meeting cannot approve this report"),
        ("cancelled", "that meeting cannot approve this report"),
        ("to come", "that meeting cannot approve this report"),
        ("nonsense", "that meeting cannot approve this report"),
    ],
)
def test_an_approval_without_a_meeting_that_could_agree_it_is_refused_and_asked_again(
    client, manager, report, meetings, posted, error
):
    write_all_chapters(report, manager)
    set_aside_every_check(report, manager)
    client.force_login(manager)
    value = meetings[posted].pk if posted in meetings else posted
    response = client.post(reverse("reports:approve", args=[report.year]), {"meeting": value})
    assert response.status_code == 200
    assert error in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.approved_at is None and not report.builds.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("meeting", "error"),
    [
        ("subgroup", "only the Partnership or the Executive approves the annual report"),
        ("cancelled", "was cancelled"),
        ("to come", "has not been held yet"),
        ("before the year", "was before 2022/23 began"),
    ],
)
def test_the_service_refuses_a_meeting_that_cannot_have_agreed_the_report(manager, report, meetings, meeting, error):
    write_all_chapters(report, manager)
    set_aside_every_check(report, manager)
    with pytest.raises(services.ValidationError, match=error):
        services.approve_report(report=report, approved_by=manager, meeting=meetings[meeting])
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


@pytest.mark.django_db
def test_returning_to_draft_forgets_the_meeting(manager, report):
    write_all_chapters(report, manager)
    meeting = approving_meeting(report)
    set_aside_every_check(report, manager)
    services.approve_report(report=report, approved_by=manager, meeting=meeting)
    services.return_to_draft(report=report)
    report.refresh_from_db()
    assert report.approved_at is None and report.approved_on is None


@pytest.mark.django_db
def test_with_no_meeting_recorded_the_page_says_to_record_it_first(client, manager, report):
    write_all_chapters(report, manager)
    set_aside_every_check(report, manager)
    BodyFactory(name="LSCP Executive", kind=BodyKind.EXECUTIVE)
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    assert "No meeting of the Partnership or the Executive held since 1 April 2022 has been recorded" in page
    assert 'name="meeting"' not in page


@pytest.mark.django_db
def test_the_approval_page_lists_what_stops_approval_first(client, manager, report, meetings):
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    assert "Unwritten chapters" in page and "has not been written yet" in page
    assert 'name="meeting"' not in page
