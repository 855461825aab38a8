"""Reads and aggregates for the partnership's pages and reports, done in the database."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from .models import (
    ATTENDED,
    CHAIRING_ROLES,
    EXPECTED,
    MATRIX_CODES,
    Agency,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
)

_ATTENDED = Q(attendances__status__in=ATTENDED)
_EXPECTED = Q(attendances__status__in=EXPECTED)


ONE_DECIMAL = Decimal("0.1")


def rate_percentage(*, attended, expected):
    """The attendance rate as a percentage to one decimal place (74.3), rounded half up from the counts,
    or None when nobody was expected."""
    if not expected:
        return None
    return (Decimal(attended) * 100 / Decimal(expected)).quantize(ONE_DECIMAL, ROUND_HALF_UP)


@dataclass(frozen=True)
class AttendanceRate:
    """How often a group (an agency, a role, a member, a body, the year) was there when it was expected."""

    key: object
    label: str
    expected: int
    attended: int
    threshold: int

    @property
    def missed(self):
        return self.expected - self.attended

    @cached_property
    def percentage(self):
        return rate_percentage(attended=self.attended, expected=self.expected)

    @cached_property
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
    """Rates per represented agency over the financial year's held meetings, in one query over the year's
    attendances (not every agency's every attendance)."""
    threshold = _threshold(threshold)
    rows = (
        Attendance.objects.filter(_year_filter(year, body, ""))
        .values("membership__agency", "membership__agency__name")
        .annotate(
            expected=Count("pk", filter=Q(status__in=EXPECTED)),
            attended=Count("pk", filter=Q(status__in=ATTENDED)),
        )
        .filter(expected__gt=0)
        .order_by("membership__agency__name", "membership__agency")
    )
    return [
        AttendanceRate(r["membership__agency"], r["membership__agency__name"], r["expected"], r["attended"], threshold)
        for r in rows
    ]


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


def attendance_overall(*, year, threshold=None):
    """The year as one line: every expected attendance at every held meeting, in one query."""
    totals = Attendance.objects.filter(_year_filter(year, None, "")).aggregate(
        expected=Count("pk", filter=Q(status__in=EXPECTED)),
        attended=Count("pk", filter=Q(status__in=ATTENDED)),
    )
    return AttendanceRate(None, "All meetings held", totals["expected"], totals["attended"], _threshold(threshold))


def attendance_by_body(*, year, threshold=None):
    """Rates per body over its held meetings in the year, in one query."""
    threshold = _threshold(threshold)
    rows = (
        Attendance.objects.filter(_year_filter(year, None, ""))
        .values("meeting__body", "meeting__body__name")
        .annotate(
            expected=Count("pk", filter=Q(status__in=EXPECTED)),
            attended=Count("pk", filter=Q(status__in=ATTENDED)),
        )
        .filter(expected__gt=0)
        .order_by("meeting__body__name")
    )
    return [
        AttendanceRate(r["meeting__body"], r["meeting__body__name"], r["expected"], r["attended"], threshold)
        for r in rows
    ]


ATTENDED_CODE, MISSED_CODE, NOT_EXPECTED_CODE, NOT_RECORDED_CODE = "y", "x", "o", ""
CODE_MEANINGS = {
    ATTENDED_CODE: "attended (the member or a deputy)",
    MISSED_CODE: "nobody attended",
    NOT_EXPECTED_CODE: "not expected",
    NOT_RECORDED_CODE: "not recorded",
}


@dataclass
class MatrixRow:
    """One member of the body (a role, as the published appendix calls it) across the year's meetings."""

    membership: Membership
    cells: list

    @property
    def role(self):
        """What the appendix's first column says: the member's job title, or their role on the body."""
        return self.membership.person.job_title or self.membership.get_role_display()

    @property
    def attended(self):
        return self.cells.count(ATTENDED_CODE)

    @property
    def expected(self):
        return self.cells.count(ATTENDED_CODE) + self.cells.count(MISSED_CODE)

    @property
    def percentage(self):
        return rate_percentage(attended=self.attended, expected=self.expected)


@dataclass
class MatrixColumn:
    meeting: Meeting
    present: int = 0
    expected: int = 0

    @property
    def percentage(self):
        return rate_percentage(attended=self.present, expected=self.expected)


@dataclass
class AttendanceMatrix:
    """The seeds' appendix: one row per member, one column per held meeting, cells y / x / o, with each
    row's rate, the number present at each meeting and the body's rate for the year."""

    body: Body
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    @property
    def meetings(self):
        return [column.meeting for column in self.columns]

    @property
    def attended(self):
        return sum(column.present for column in self.columns)

    @property
    def expected(self):
        return sum(column.expected for column in self.columns)

    @property
    def percentage(self):
        return rate_percentage(attended=self.attended, expected=self.expected)


def attendance_matrix(*, year, body):
    matrices = attendance_matrices(year=year, bodies=Body.objects.filter(pk=body.pk))
    return matrices[0] if matrices else AttendanceMatrix(body=body)


_ROLE_ORDER = {role: i for i, role in enumerate(MembershipRole.values)}


def attendance_matrices(*, year, bodies):
    """One matrix per body that held meetings in the year, in three queries whatever the number of bodies (a fourth
    for the other body's members at joint meetings). The register is read as its lines' three values, not as records.

    A cell comes from the register line when there is one. Without a line, it comes from the memberships:
    someone who was not a member on the meeting's date (they joined later, or had left) was not expected
    ("o"); a member with no line was not recorded (an empty cell), and neither counts towards a rate.
    """
    meetings = list(
        _held_in_year(year).filter(body__in=bodies).select_related("body").order_by("body__name", "starts_at")
    )
    if not meetings:
        return []
    matrices, place = {}, {}
    for meeting in meetings:
        matrix = matrices.setdefault(meeting.body_id, AttendanceMatrix(body=meeting.body))
        place[meeting.pk] = (matrix, len(matrix.columns))
        matrix.columns.append(MatrixColumn(meeting))
    members = {
        (membership.body_id, membership.pk): membership
        for membership in Membership.objects.filter(body_id__in=matrices)
        .overlapping(start=year.start, end=year.end)
        .select_related("person", "agency")
    }
    lines, guests = {}, {}
    for meeting_id, membership_id, status in Attendance.objects.filter(
        meeting__in=[m.pk for m in meetings]
    ).values_list("meeting_id", "membership_id", "status"):
        matrix, index = place[meeting_id]
        if (matrix.body.pk, membership_id) not in members:
            # A joint meeting's register may hold the other body's members: they are rows of this matrix too.
            guests.setdefault(membership_id, set()).add(matrix.body.pk)
        lines[(meeting_id, membership_id)] = status
    if guests:
        for membership in Membership.objects.filter(pk__in=guests).select_related("person", "agency"):
            for body_id in guests[membership.pk]:
                members[(body_id, membership.pk)] = membership
    for matrix in matrices.values():
        columns = [(column, column.meeting, column.meeting.date) for column in matrix.columns]
        rows = [m for (body_id, _), m in members.items() if body_id == matrix.body.pk]
        rows.sort(key=lambda m: (_ROLE_ORDER.get(m.role, 99), m.person.name.lower(), m.start, m.pk))
        for membership in rows:
            cells = []
            for column, meeting, day in columns:
                status = lines.get((meeting.pk, membership.pk))
                if status is None or status == AttendanceStatus.NOT_RECORDED:
                    on_body = membership.body_id in (meeting.body_id, meeting.joint_with_id)
                    code = NOT_RECORDED_CODE if on_body and membership.is_current_on(day) else NOT_EXPECTED_CODE
                else:
                    code = MATRIX_CODES[status]
                cells.append(code)
                column.present += code == ATTENDED_CODE
                column.expected += code in (ATTENDED_CODE, MISSED_CODE)
            matrix.rows.append(MatrixRow(membership, cells))
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


# The partnership proper: the bodies whose members the 2022/23 report's appendix 1 lists ("LSCP Executive" and "Members
# of and advisers to the LSCP"), and whose attendance the appendix sets out meeting by meeting, as the published
# reports' board attendance tables do. Subgroups and linked boards have their own records and pages.
PARTNERSHIP_KINDS = (BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP)


def _active_in(year):
    """The bodies that existed at some time in the financial year: those whose dates cover part of it and, for a body
    whose start is not recorded, only a year it had members or held meetings in (a body with no dates is not taken to
    have existed in every year)."""
    start, end = year.datetime_range()
    had_members = Exists(Membership.objects.filter(body=OuterRef("pk")).overlapping(start=year.start, end=year.end))
    met = Exists(Meeting.objects.held().filter(body=OuterRef("pk"), starts_at__gte=start, starts_at__lt=end))
    return (
        Body.objects.filter(Q(active_from__isnull=True) | Q(active_from__lte=year.end))
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=year.start))
        .filter(Q(active_from__isnull=False) | had_members | met)
    )


def bodies_active_in(*, year):
    """The bodies that existed at some time in the financial year (`_active_in`), by name (one query)."""
    return list(_active_in(year).order_by("name"))


# The members' appendix lists each body's chairs first, in this order, then everyone else by name (the 2022/23
# report's appendix 1 opens with the independent chair).
_CHAIRS_FIRST = {role: rank for rank, role in enumerate(CHAIRING_ROLES)}
# The Executive (the lead safeguarding partners) before the wider partnership, as in the 2022/23 report's appendix 1.
_MEMBER_GROUP_ORDER = {BodyKind.EXECUTIVE: 0, BodyKind.PARTNERSHIP: 1}


def partnership_member_groups(*, year):
    """The 2022/23 annual report's appendix 1: everyone who was a member of the partnership proper during the year, as
    [(body, [membership])], the Executive first; in each body its chairs first (the independent chair, then the
    chairs and co-chairs), then the other members by name (one query)."""
    memberships = list(
        Membership.objects.overlapping(start=year.start, end=year.end)
        .filter(body__in=_active_in(year).filter(kind__in=PARTNERSHIP_KINDS))
        .select_related("person", "agency", "body")
        .order_by("body__name", "person__name")
    )
    memberships.sort(key=lambda m: _CHAIRS_FIRST.get(m.role, len(_CHAIRS_FIRST)))  # stable: names stay in order
    groups = {}
    for membership in memberships:
        groups.setdefault(membership.body, []).append(membership)
    return sorted(groups.items(), key=lambda item: (_MEMBER_GROUP_ORDER.get(item[0].kind, 99), item[0].name))


def independent_scrutineers(*, year):
    """The people who were the partnership's independent chair and scrutineer during the year (a membership of the
    partnership or its executive in that role), by name (one query)."""
    memberships = (
        Membership.objects.overlapping(start=year.start, end=year.end)
        .filter(role=MembershipRole.INDEPENDENT_CHAIR, body__in=_active_in(year).filter(kind__in=PARTNERSHIP_KINDS))
        .select_related("person")
        .order_by("person__name", "start")
    )
    people = {}
    for membership in memberships:
        people.setdefault(membership.person_id, membership.person)
    return list(people.values())


def partnership_attendance_matrices(*, year):
    """The appendix's matrices: the partnership proper (the Executive and the Partnership), meeting by meeting."""
    return attendance_matrices(year=year, bodies=Body.objects.filter(kind__in=PARTNERSHIP_KINDS))
