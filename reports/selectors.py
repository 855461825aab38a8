"""Reads for the annual report: its chapters as the registry lists them, who writes which, the meetings
that may approve it, and the duties its publication started."""

from django.contrib.auth.models import User
from django.db.models import Case, CharField, Count, Q, Value, When
from django.utils import timezone

from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.models import BodyKind, Meeting, MeetingStatus, Membership

from .models import DutyStatus, NarrativeSection, ReportDuty, ReportStatus, possible_contributors
from .sections import contribution_sources, narrative_sections

# The bodies whose meeting approves the annual report (the 2019 partnership arrangements: the Executive of the
# lead safeguarding partners, or the wider Partnership).
APPROVING_BODY_KINDS = (BodyKind.PARTNERSHIP, BodyKind.EXECUTIVE)


def report_chapters(report):
    """Every narrative chapter the registry asks for now, in report order, each with the report's row for it
    (None until `services.ensure_narratives` has made it). Rows of chapters no longer registered are left out:
    they are not printed, so they neither block approval nor show on the report page."""
    rows = {n.key: n for n in report.narratives.select_related("written_by", "last_edited_by", "assigned_to")}
    return [(section, rows.get(section.key)) for section in narrative_sections()]


def chapters_to_write(roles):
    """The draft reports' chapters this user writes, newest year first and in report order: the chapters of
    the bodies a chair chairs and those the business manager asked them to write by name, or every chapter for the
    business manager. A list of (section, narrative); one query."""
    sections = {section.key: (index, section) for index, section in enumerate(narrative_sections())}
    narratives = NarrativeSection.objects.filter(report__status=ReportStatus.DRAFT, key__in=sections).select_related(
        "report", "written_by", "last_edited_by", "assigned_to"
    )
    if not roles.is_manager:
        narratives = narratives.filter(Q(written_by_id__in=roles.chaired_body_ids) | Q(assigned_to_id=roles.user_id))
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


def chairs_of_bodies(body_ids, *, today):
    """{body id: [the users of its current chairs (chair, co-chair, independent chair) who can sign in]}, each body's
    chairs by name. One query, however many bodies."""
    found = {}
    memberships = (
        Membership.objects.current(on=today)
        .chairs()
        .filter(body_id__in=body_ids, person__user__isnull=False, person__user__is_active=True)
        .select_related("person__user")
        .order_by("person__name")
    )
    for membership in memberships:
        users = found.setdefault(membership.body_id, [])
        if membership.person.user not in users:
            users.append(membership.person.user)
    return found


class Contribution:
    """One chapter of a report on the contributions board: who writes it (the person named, else the chairs of its
    body, else the business manager), when it is due, its status and who last changed it."""

    def __init__(self, section, narrative, *, chairs, today):
        self.section, self.narrative = section, narrative
        self.key, self.title = section.key, section.title
        self.status = narrative.contribution_status(today=today)
        self.chairs = chairs

    @property
    def contributors(self):
        """The people reminders and chasing go to."""
        if self.narrative.assigned_to_id is not None:
            return [self.narrative.assigned_to]
        return self.chairs

    @property
    def who(self):
        narrative = self.narrative
        writer = narrative.writer(self.section.writer)
        if narrative.assigned_to_id is None and narrative.written_by_id is not None:
            names = ", ".join(user.get_full_name() or user.username for user in self.chairs)
            return f"{writer} ({names or 'none can sign in'})"
        return writer


def contributions(report, *, today):
    """The contributions board of `report`: every narrative chapter the registry asks for, in report order, as a
    `Contribution`, then the parts other apps hold (`CONTRIBUTIONS` in their report.py, such as the agencies'
    statements). Two queries for the chapters (the rows, their bodies' chairs), and each app's own."""
    rows = {
        n.key: n
        for n in report.narratives.select_related("written_by", "assigned_to", "last_edited_by", "last_chased_by")
    }
    chapters = [(section, rows[section.key]) for section in narrative_sections() if section.key in rows]
    body_ids = {n.written_by_id for _, n in chapters if n.written_by_id is not None and n.assigned_to_id is None}
    chairs = chairs_of_bodies(body_ids, today=today) if body_ids else {}
    found = [Contribution(s, n, chairs=chairs.get(n.written_by_id, []), today=today) for s, n in chapters]
    parts = [part for source in contribution_sources() for part in source(report.year)]
    return found, parts


def contributor_choices():
    """The people the board's and the admin's "contributor" may name (`models.possible_contributors`). One query."""
    return possible_contributors()
