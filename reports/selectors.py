"""Reads for the annual report: its chapters as the registry lists them, who writes which, the meetings
that may approve it, and the duties its publication started."""

from django.contrib.auth.models import User
from django.db.models import Case, CharField, Count, Q, Value, When
from django.utils import timezone

from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.models import BodyKind, Meeting, MeetingStatus

from .models import DutyStatus, NarrativeSection, ReportDuty, ReportStatus
from .sections import narrative_sections

# The bodies whose meeting approves the annual report (the 2019 partnership arrangements: the Executive of the
# lead safeguarding partners, or the wider Partnership).
APPROVING_BODY_KINDS = (BodyKind.PARTNERSHIP, BodyKind.EXECUTIVE)


def report_chapters(report):
    """Every narrative chapter the registry asks for now, in report order, each with the report's row for it
    (None until `services.ensure_narratives` has made it). Rows of chapters no longer registered are left out:
    they are not printed, so they neither block approval nor show on the report page."""
    rows = {n.key: n for n in report.narratives.select_related("written_by", "last_edited_by")}
    return [(section, rows.get(section.key)) for section in narrative_sections()]


def chapters_to_write(roles):
    """The draft reports' chapters this user writes, newest year first and in report order: the chapters of
    the bodies a chair chairs, or every chapter for the business manager. A list of (section, narrative)."""
    sections = {section.key: (index, section) for index, section in enumerate(narrative_sections())}
    narratives = NarrativeSection.objects.filter(report__status=ReportStatus.DRAFT, key__in=sections).select_related(
        "report", "written_by", "last_edited_by"
    )
    if not roles.is_manager:
        narratives = narratives.filter(written_by_id__in=roles.chaired_body_ids)
    found = sorted(narratives, key=lambda n: (-n.report.year.start_year, sections[n.key][0]))
    return [(sections[n.key][1], n) for n in found]


def approving_meetings(report):
    """The meetings that could have agreed `report`, newest first: the Partnership's and the Executive's (joint
    meetings with either included) held since the first day of its year, up to now, not cancelled. One query."""
    approving = Q(body__kind__in=APPROVING_BODY_KINDS) | Q(joint_with__kind__in=APPROVING_BODY_KINDS)
    return (
        Meeting.objects.filter(approving, starts_at__date__gte=report.year.start, starts_at__lte=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "joint_with")
        .order_by("-starts_at")
    )


def report_duties(report, *, today):
    """The report's duties, due first and the national bodies first on a day, each with its `state` (done, due,
    overdue) worked out in the database and its recipient's address. One query, however many."""
    return list(
        report.duties.select_related("recipient", "sent_by").annotate(
            state=Case(
                When(sent_on__isnull=False, then=Value(DutyStatus.DONE)),
                When(due_on__lt=today, then=Value(DutyStatus.OVERDUE)),
                default=Value(DutyStatus.DUE),
                output_field=CharField(),
            )
        )
    )


def open_duties_by_report(*, today):
    """For each report with duties not done: its year, how many are open and how many overdue, newest year first.
    One query (the home page's flag)."""
    return list(
        ReportDuty.objects.open()
        .values("report__year")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
        .order_by("-report__year")
    )


def business_manager_addresses():
    """Where the business managers' reminders go: every active member of staff in the Business managers group with
    an address, each address once whatever its case. One query."""
    addresses = (
        User.objects.filter(is_active=True, is_staff=True, groups__name=BUSINESS_MANAGERS_GROUP)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    seen, unique = set(), []
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique
