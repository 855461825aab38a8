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


# Governance records. The imports sit inside the functions so this part can be read (and moved) on its own.


@dataclass(frozen=True)
class FinanceTotals:
    """Income and expenditure for a borough (or all of them) in a year; the rest is derived, never stored."""

    income: Decimal
    expenditure: Decimal
    reserves_brought_forward: Decimal | None  # None: not recorded, so the reserves carried forward are unknown

    @property
    def variance(self):
        """Income − expenditure: negative is an overspend, shown in brackets in the report."""
        return self.income - self.expenditure

    @property
    def reserves_carried_forward(self):
        if self.reserves_brought_forward is None:
            return None
        return self.reserves_brought_forward + self.variance


@dataclass(frozen=True)
class BoroughFinance(FinanceTotals):
    borough: object
    contributions: list  # Contribution rows in the income table's order
    expenditure_lines: list  # ExpenditureLine rows in the categories' order


@dataclass(frozen=True)
class FinanceRow:
    """A row of seed 000's appendix table: one line's amount in each borough of the statement, and in all."""

    label: str
    amounts: list  # Decimal per borough, in FinanceStatement.boroughs' order (0.00 where it has no such line)
    total: Decimal


@dataclass(frozen=True)
class FinanceStatement:
    year: object
    boroughs: list  # [BoroughFinance], by borough name
    income_rows: list  # [FinanceRow] by the lines' order, then label
    expenditure_rows: list  # [FinanceRow] in ExpenditureCategory's order
    total: FinanceTotals  # all boroughs together

    @property
    def is_empty(self):
        return not self.boroughs


_PENNY = Decimal("0.01")


def _pounds(value):
    return (value or Decimal(0)).quantize(_PENNY, ROUND_HALF_UP)


def finance_statement(*, year):
    """The year's income, expenditure, variance and reserves per borough and in total, summed by the
    database (a constant eleven queries, whatever the number of lines)."""
    from django.db.models import Case, IntegerField, Min, Sum, Value, When
    from django.db.models.functions import Coalesce, NullIf

    from .models import Contribution, ExpenditureCategory, ExpenditureLine, LocalAuthority, ReservesBroughtForward

    contributions = Contribution.objects.filter(year=year)
    expenditure = ExpenditureLine.objects.filter(year=year)
    reserves = ReservesBroughtForward.objects.filter(year=year)
    boroughs = list(
        LocalAuthority.objects.filter(
            Q(pk__in=contributions.values("borough"))
            | Q(pk__in=expenditure.values("borough"))
            | Q(pk__in=reserves.values("borough"))
        ).order_by("name")
    )
    category_order = Case(
        *[When(category=value, then=Value(i)) for i, value in enumerate(ExpenditureCategory.values)],
        default=Value(len(ExpenditureCategory.values)),
        output_field=IntegerField(),
    )

    lines_of = {b.pk: ([], []) for b in boroughs}
    for line in contributions.select_related("agency").order_by("order", "id"):
        lines_of[line.borough_id][0].append(line)
    for line in expenditure.annotate(category_order=category_order).order_by("category_order", "note", "id"):
        lines_of[line.borough_id][1].append(line)
    income_by = dict(contributions.values("borough").annotate(total=Sum("amount")).values_list("borough", "total"))
    spent_by = dict(expenditure.values("borough").annotate(total=Sum("amount")).values_list("borough", "total"))
    reserves_by = dict(reserves.values_list("borough", "amount"))

    per_borough = [
        BoroughFinance(
            income=_pounds(income_by.get(b.pk)),
            expenditure=_pounds(spent_by.get(b.pk)),
            reserves_brought_forward=_pounds(reserves_by[b.pk]) if b.pk in reserves_by else None,
            borough=b,
            contributions=lines_of[b.pk][0],
            expenditure_lines=lines_of[b.pk][1],
        )
        for b in boroughs
    ]

    column = {b.pk: i for i, b in enumerate(boroughs)}

    def pivot(cells, key, label_of):
        """Lays the database's (line, borough) sums out as table rows; a row's total adds its few cells."""
        rows = {}
        for cell in cells:
            amounts = rows.setdefault(cell[key], [Decimal("0.00")] * len(boroughs))
            amounts[column[cell["borough"]]] = _pounds(cell["amount"])
        return [FinanceRow(label_of(k), amounts, _pounds(sum(amounts, Decimal(0)))) for k, amounts in rows.items()]

    income_cells = (
        contributions.annotate(line=Coalesce(NullIf("label", Value("")), "agency__name"))
        .values("line", "borough")
        .annotate(amount=Sum("amount"), first=Min("order"))
        .order_by("first", "line")
    )
    expenditure_cells = (
        expenditure.annotate(category_order=category_order)
        .values("category", "category_order", "borough")
        .annotate(amount=Sum("amount"))
        .order_by("category_order")
    )
    labels = dict(ExpenditureCategory.choices)

    income_total = contributions.aggregate(total=Sum("amount"))["total"]
    spent_total = expenditure.aggregate(total=Sum("amount"))["total"]
    reserves_total = reserves.aggregate(total=Sum("amount"), boroughs=Count("borough", distinct=True))
    known_reserves = bool(boroughs) and reserves_total["boroughs"] == len(boroughs)
    return FinanceStatement(
        year=year,
        boroughs=per_borough,
        income_rows=pivot(income_cells, "line", str),
        expenditure_rows=pivot(expenditure_cells, "category", lambda c: labels.get(c, c)),
        total=FinanceTotals(
            income=_pounds(income_total),
            expenditure=_pounds(spent_total),
            reserves_brought_forward=_pounds(reserves_total["total"]) if known_reserves else None,
        ),
    )


def priorities_for_year(*, year):
    """The priorities whose plan covers the year, with their activities, leads and metrics, in three queries."""
    from .models import Priority, PriorityActivity

    activities = PriorityActivity.objects.select_related("lead_body", "lead_agency").prefetch_related("metrics")
    return list(
        Priority.objects.for_year(year)
        .order_by("first_year", "number")
        .prefetch_related(Prefetch("activities", queryset=activities))
    )


@dataclass(frozen=True)
class ChallengeStageCount:
    stage: str
    label: str
    raised: int
    closed: int

    @property
    def still_open(self):
        return self.raised - self.closed


def challenge_summary(*, year):
    """Challenges raised in the year by the stage they reached, every stage listed, in one query."""
    from .models import ChallengeLogEntry, ChallengeStage

    counts = {
        row["stage"]: row
        for row in ChallengeLogEntry.objects.in_year(year)
        .values("stage")
        .annotate(raised=Count("pk"), closed=Count("pk", filter=Q(closed_on__isnull=False)))
        .order_by()
    }
    return [
        ChallengeStageCount(
            stage, label, counts.get(stage, {}).get("raised", 0), counts.get(stage, {}).get("closed", 0)
        )
        for stage, label in ChallengeStage.choices
    ]


@dataclass(frozen=True)
class ChallengeOutcomeCount:
    resolution: str
    label: str
    count: int


def challenge_outcomes(*, year):
    """Challenges raised in the year by how they were settled (still open last), every outcome listed, in one
    query."""
    from .models import ChallengeLogEntry, ChallengeResolution

    counts = dict(
        ChallengeLogEntry.objects.in_year(year)
        .values("resolution")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("resolution", "count")
    )
    rows = [ChallengeOutcomeCount(value, label, counts.get(value, 0)) for value, label in ChallengeResolution.choices]
    return rows + [ChallengeOutcomeCount("", "Still open", counts.get("", 0))]
