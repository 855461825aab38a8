"""The demo shows the report's whole cycle: `make demo` loads the demo (its 2022/23 report a draft, the 2023/24 report
being written, some parts late), then `publish_demo_report` takes 2022/23 the rest of the way, through the services
a business manager's pages use: approved at a held meeting of the Executive after the year, built from the approved
report, published, and sent to the National Panel, Foundations and the local bodies within seven days. Once: run
again, it changes nothing and sends nothing.

These tests load the demo themselves, rather than use the `demo` fixture, whose 2022/23 report stays a draft with no
builds for the tests written on it."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from lscp.dates import long_date
from lscp.financial_year import FinancialYear
from partnership.models import BodyKind, MeetingStatus
from reports.models import (
    AnnualReport,
    BuildStatus,
    ContributionStatus,
    ReportDuty,
    ReportRecipient,
    ReportStatus,
    SentHow,
)
from reports.services import public_links

pytestmark = pytest.mark.django_db

LAST_YEAR, THIS_YEAR = FinancialYear(2022), FinancialYear(2023)


def publish_demo_report():
    out = io.StringIO()
    call_command("publish_demo_report", "--allow-without-debug", stdout=out)
    return out.getvalue()


def what_was_recorded():
    report = AnnualReport.objects.get(year=LAST_YEAR)
    duties = list(ReportDuty.objects.order_by("pk").values())
    return report.status, report.published_on, report.published_build_id, report.builds.count(), duties


def test_the_demo_publishes_its_2022_23_report_approved_at_a_meeting_and_sends_it_on_once(client, mailoutbox):
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    assert AnnualReport.objects.get(year=LAST_YEAR).status == ReportStatus.DRAFT
    publish_demo_report()

    # Approved at a held meeting of the Executive (or the Partnership) after the year, whose date the cover prints.
    report = AnnualReport.objects.select_related("approved_at__body", "published_build").get(year=LAST_YEAR)
    meeting = report.approved_at
    assert report.status == ReportStatus.PUBLISHED
    assert meeting.body.kind in (BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP)
    assert meeting.status == MeetingStatus.HELD and meeting.is_past and meeting.date > LAST_YEAR.end
    assert report.approved_on == meeting.date and report.approved_by == User.objects.get(username="manager")

    # Published: the build the public downloads was made from the approved report, with its web edition and the
    # version for young people, and its cover says who approved it and when.
    build = report.published_build
    assert build.status == BuildStatus.SUCCEEDED and build.is_made_from_approved_report
    assert report.builds.filter(made_from_status=ReportStatus.DRAFT).count() == 0
    assert build.pdf and build.html_edition and build.young_people_pdf
    with build.html_edition.open("rb") as edition:
        cover = edition.read().decode()
    assert f"Approved by the {meeting.body} on {long_date(meeting.date)}" in cover
    assert "Draft – not for publication" not in cover

    # Every active recipient's duty is done, by the business manager, within seven days of publication; each one
    # with an address was e-mailed the public link, once; the others were recorded as sent another way, saying how.
    duties = list(report.duties.select_related("recipient", "sent_by"))
    assert {duty.recipient_id for duty in duties} == set(
        ReportRecipient.objects.filter(active=True).values_list("pk", flat=True)
    )
    assert {duty.recipient_name for duty in duties if duty.national} == {
        "Child Safeguarding Practice Review Panel",
        "Foundations (the What Works Centre)",
    }
    for duty in duties:
        assert duty.is_done and duty.sent_by.username == "manager" and duty.recorded_at, duty
        assert report.published_on <= duty.sent_on <= report.published_on + timedelta(days=7), duty
        assert duty.build == build and duty.due_on == report.published_on + timedelta(days=7)
    emailed = [duty for duty in duties if duty.how == SentHow.EMAIL]
    recorded = [duty for duty in duties if duty.how == SentHow.OTHER]
    assert emailed and recorded and len(emailed) + len(recorded) == len(duties)
    assert all(duty.sent_to == duty.recipient.email for duty in emailed)
    assert all(duty.how_described.strip() and not duty.recipient.email for duty in recorded)
    assert sorted(message.to for message in mailoutbox) == sorted([duty.sent_to] for duty in emailed)
    links = public_links(report)
    assert all(links["pdf_url"] in message.body and links["page_url"] in message.body for message in mailoutbox)

    # 2023/24 is still being written, with parts late.
    next_report = AnnualReport.objects.get(year=THIS_YEAR)
    assert next_report.status == ReportStatus.DRAFT and not next_report.builds.exists()
    today = timezone.localdate()
    statuses = [narrative.contribution_status(today=today) for narrative in next_report.narratives.all()]
    assert ContributionStatus.LATE in statuses

    # The public sees it, with no account: listed, with its PDF, its web edition and the version for young people.
    listing = client.get(reverse("reports:list")).content.decode()
    assert report.get_absolute_url() in listing and reverse("reports:published_pdf", args=[LAST_YEAR]) in listing
    assert next_report.get_absolute_url() not in listing
    page = client.get(report.get_absolute_url()).content.decode()
    for name in ("reports:published_pdf", "reports:published_edition", "reports:published_young_people_pdf"):
        url = reverse(name, args=[LAST_YEAR])
        assert f'href="{url}"' in page, name
        assert client.get(url).status_code == 200, name

    # Running it again (`make demo` a second time) says so and changes nothing, and sends nothing.
    before, sent = what_was_recorded(), len(mailoutbox)
    assert "already published" in publish_demo_report()
    assert what_was_recorded() == before and len(mailoutbox) == sent


def test_it_asks_for_the_demo_to_be_loaded_first():
    with pytest.raises(CommandError, match="load the demo first"):
        publish_demo_report()


def test_it_refuses_to_run_with_debug_off_unless_told_to(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=true"):
        call_command("publish_demo_report", stdout=io.StringIO())
