"""Reads and aggregates for the partnership's pages and reports, done in the database."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from .models import (
    ATTENDED,
    EXPECTED,
    Agency,
    Attendance,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
)

_ATTENDED = Q(attendances__status__in=ATTENDED)
_EXPECTED = Q(attendances__status__in=EXPECTED)


@dataclass(frozen=True)
class AttendanceRate:
    """How often a group (an agency, a role, a member) was there when it was expected."""

    key: object
    label: str
    expected: int
    attended: int
    threshold: int

    @property
    def missed(self):
        return self.expected - self.attended

    @property
    def percentage(self):
        if not self.expected:
            return None
        return (Decimal(self.attended) * 100 / Decimal(self.expected)).quantize(Decimal("1"), ROUND_HALF_UP)

    @property
    def flagged(self):
        """Poor attendance the independent scrutineer should challenge."""
        return self.expected > 0 and Decimal(self.attended) * 100 < Decimal(self.threshold) * self.expected


def challenge_threshold():
    """The attendance percentage under which the independent scrutineer challenges a partner."""
    return settings.ATTENDANCE_CHALLENGE_THRESHOLD


def _threshold(threshold):
    return challenge_threshold() if threshold is None else threshold


def _held_in_year(year, body=None):
    meetings = Meeting.objects.held().in_year(year)
    return meetings.filter(body=body) if body is not None else meetings


def _year_filter(year, body, prefix):
    start, end = year.datetime_range()
    conditions = {
        f"{prefix}meeting__status": MeetingStatus.HELD,
        f"{prefix}meeting__starts_at__gte": start,
        f"{prefix}meeting__starts_at__lt": end,
    }
    if body is not None:
        conditions[f"{prefix}meeting__body"] = body
    return Q(**conditions)


def attendance_by_agency(*, year, body=None, threshold=None):
    """Rates per represented agency over the financial year's held meetings, in one query."""
    threshold = _threshold(threshold)
    in_year = _year_filter(year, body, "memberships__attendances__")
    rows = (
        Agency.objects.annotate(
            expected=Count(
                "memberships__attendances", filter=in_year & Q(memberships__attendances__status__in=EXPECTED)
            ),
            attended=Count(
                "memberships__attendances", filter=in_year & Q(memberships__attendances__status__in=ATTENDED)
            ),
        )
        .filter(expected__gt=0)
        .order_by("name")
        .values("pk", "name", "expected", "attended")
    )
    return [AttendanceRate(r["pk"], r["name"], r["expected"], r["attended"], threshold) for r in rows]


def attendance_by_role(*, year, body=None, threshold=None):
    """Rates per membership role, in one query."""
    threshold = _threshold(threshold)
    rows = (
        Attendance.objects.filter(_year_filter(year, body, ""))
        .values("membership__role")
        .annotate(
            expected=Count("pk", filter=Q(status__in=EXPECTED)),
            attended=Count("pk", filter=Q(status__in=ATTENDED)),
        )
        .filter(expected__gt=0)
        .order_by("membership__role")
    )
    labels = dict(MembershipRole.choices)
    return [
        AttendanceRate(
            r["membership__role"],
            labels.get(r["membership__role"], r["membership__role"]),
            r["expected"],
            r["attended"],
            threshold,
        )
        for r in rows
    ]


def attendance_by_member(*, year, body=None, threshold=None):
    """Rates per membership (person on a body), to name the members to challenge."""
    threshold = _threshold(threshold)
    rows = (
        Attendance.objects.filter(_year_filter(year, body, ""))
        .values("membership", "membership__person__name", "membership__body__name", "membership__agency__name")
        .annotate(
            expected=Count("pk", filter=Q(status__in=EXPECTED)),
            attended=Count("pk", filter=Q(status__in=ATTENDED)),
        )
        .filter(expected__gt=0)
        .order_by("membership__body__name", "membership__person__name")
    )
    return [
        AttendanceRate(
            r["membership"],
            f"{r['membership__person__name']} ({r['membership__agency__name']}), {r['membership__body__name']}",
            r["expected"],
            r["attended"],
            threshold,
        )
        for r in rows
    ]


@dataclass
class AttendanceMatrix:
    """The seeds' appendix: one row per member, one column per held meeting, cells y / x / o."""

    body: Body
    meetings: list
    rows: list  # [(membership, [code per meeting])]


def attendance_matrix(*, year, body):
    matrices = attendance_matrices(year=year, bodies=Body.objects.filter(pk=body.pk))
    return matrices[0] if matrices else AttendanceMatrix(body=body, meetings=[], rows=[])


def attendance_matrices(*, year, bodies):
    """One matrix per body that held meetings in the year, in two queries whatever the number of bodies."""
    meetings = list(
        _held_in_year(year).filter(body__in=bodies).select_related("body").order_by("body__name", "starts_at")
    )
    matrices, column = {}, {}
    for meeting in meetings:
        matrix = matrices.setdefault(meeting.body_id, AttendanceMatrix(body=meeting.body, meetings=[], rows=[]))
        column[meeting.pk] = (matrix, len(matrix.meetings))
        matrix.meetings.append(meeting)
    attendances = (
        Attendance.objects.filter(meeting__in=[m.pk for m in meetings])
        .select_related("membership__person", "membership__agency")
        .order_by("membership__person__name", "membership_id")
    )
    cells_of = {}
    for attendance in attendances:
        matrix, index = column[attendance.meeting_id]
        key = (matrix.body.pk, attendance.membership_id)
        if key not in cells_of:
            cells_of[key] = [""] * len(matrix.meetings)
            matrix.rows.append((attendance.membership, cells_of[key]))
        cells_of[key][index] = attendance.code
    return list(matrices.values())


def bodies_with_meetings(*, year):
    """Bodies that held at least one meeting in the year, the Partnership first."""
    start, end = year.datetime_range()
    kind_order = {kind: i for i, kind in enumerate(BodyKind.values)}
    bodies = list(
        Body.objects.filter(
            meetings__status=MeetingStatus.HELD, meetings__starts_at__gte=start, meetings__starts_at__lt=end
        ).distinct()
    )
    return sorted(bodies, key=lambda b: (kind_order.get(b.kind, 99) != 0, kind_order.get(b.kind, 99), b.name))


def body_tree():
    """Every body with its current chairs and member count, parents before children, in two queries."""
    from django.utils import timezone

    today = timezone.localdate()
    bodies = list(
        Body.objects.select_related("parent", "borough")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__start__lte=today)
                & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=today)),
            )
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current(on=today).chairs().select_related("person", "agency"),
                to_attr="current_chairs",
            )
        )
    )
    children = {}
    for body in bodies:
        children.setdefault(body.parent_id, []).append(body)
    ordered = []

    def walk(parent_id, depth):
        for body in sorted(children.get(parent_id, []), key=lambda b: (BodyKind.values.index(b.kind), b.name)):
            body.depth = depth
            ordered.append(body)
            walk(body.pk, depth + 1)

    walk(None, 0)
    return ordered


def agency_directory(*, search=""):
    agencies = Agency.objects.prefetch_related("boroughs").annotate(people_count=Count("people", distinct=True))
    if search:
        agencies = agencies.filter(Q(name__icontains=search) | Q(people__name__icontains=search)).distinct()
    return agencies.order_by("-statutory_partner", "name")


def meetings_held_count(*, year):
    return _held_in_year(year).count()


# The partnership proper: the bodies whose members seed 000's appendix 1 lists ("LSCP Executive" and "Members
# of and advisers to the LSCP"), and whose attendance the appendix sets out meeting by meeting, as the seeds'
# board attendance tables do. Subgroups and linked boards have their own records and pages.
PARTNERSHIP_KINDS = (BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP)


def _active_in(year):
    return Body.objects.filter(Q(active_from__isnull=True) | Q(active_from__lte=year.end)).filter(
        Q(active_to__isnull=True) | Q(active_to__gte=year.start)
    )


def bodies_active_in(*, year):
    """The bodies that existed at some time in the financial year, by name (one query)."""
    return list(_active_in(year).order_by("name"))


def partnership_member_groups(*, year):
    """Seed 000's appendix 1: everyone who was a member of the partnership proper during the year, as
    [(body, [membership by person's name])], the Executive first (one query)."""
    memberships = list(
        Membership.objects.overlapping(start=year.start, end=year.end)
        .filter(body__in=_active_in(year).filter(kind__in=PARTNERSHIP_KINDS))
        .select_related("person", "agency", "body")
        .order_by("body__name", "person__name")
    )
    kind_order = {kind: i for i, kind in enumerate(BodyKind.values)}
    groups = {}
    for membership in memberships:
        groups.setdefault(membership.body, []).append(membership)
    return sorted(groups.items(), key=lambda item: (kind_order.get(item[0].kind, 99), item[0].name))
