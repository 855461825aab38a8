"""Reads of the audit records for the Quality Assurance pages and the "Scrutiny and challenge" chapter, done in the
database and returned evaluated: the lists of multi-agency and single-agency audits, one audit's page (with the
grade distribution and the change since the audit it repeats), and the
year's audits, action status and Section 11 results for the report. Each costs a fixed number of queries however
many audits, cases or returns there are."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from governance.models import CLOSED_STATUSES, Action, ActionStatus
from lscp.comparisons import Kind, YearOnYear
from lscp.percentages import ROUNDING_NOTE, needs_rounding_note, share
from lscp.subqueries import row_count

from ..models import (
    GRADE_ORDER,
    NOT_FULLY_MET,
    AuditParticipation,
    AuditRecommendation,
    CaseJudgement,
    Cycle,
    Grade,
    MultiAgencyAudit,
    Rating,
    Return,
    SingleAgencyAudit,
    Standard,
    StandardResponse,
)
from .section11 import DRAFT_STATUSES, returns_by_status


def _percent(part, whole):
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class GradeShare:
    grade: str
    label: str
    count: int
    percent: Decimal | None  # of the cases graded; None when none were


@dataclass(frozen=True)
class GradeDistribution:
    shares: list  # [GradeShare], best grade first
    total: int

    def share(self, grade):
        return next(share for share in self.shares if share.grade == grade)


def _distributions(audit_ids):
    """{audit id: GradeDistribution} for the audits, in one query."""
    counts = {audit_id: {} for audit_id in audit_ids}
    rows = CaseJudgement.objects.filter(audit_id__in=audit_ids).values_list("audit_id", "grade").annotate(n=Count("pk"))
    for audit_id, grade, n in rows.order_by():
        counts[audit_id][grade] = n
    found = {}
    for audit_id, by_grade in counts.items():
        total = sum(by_grade.values())
        shares = [
            GradeShare(grade, Grade(grade).label, by_grade.get(grade, 0), _percent(by_grade.get(grade, 0), total))
            for grade in GRADE_ORDER
        ]
        found[audit_id] = GradeDistribution(shares, total)
    return found


def grade_distribution(audit):
    """How many of the audit's cases got each grade, and what share of the cases graded that is."""
    return _distributions([audit.pk])[audit.pk]


@dataclass(frozen=True)
class GradeChange:
    grade: str
    label: str
    earlier: GradeShare
    now: GradeShare

    @property
    def points(self):
        """The change in the grade's share, in percentage points (None when either audit graded no case)."""
        if self.earlier.percent is None or self.now.percent is None:
            return None
        return self.now.percent - self.earlier.percent


def reaudit_change(audit):
    """For a re-audit: each grade's share in the audit it repeats and now, and the change (one query). None for an
    audit that repeats none."""
    if audit.earlier_audit_id is None:
        return None
    found = _distributions([audit.pk, audit.earlier_audit_id])
    now, earlier = found[audit.pk], found[audit.earlier_audit_id]
    return [GradeChange(grade, Grade(grade).label, earlier.share(grade), now.share(grade)) for grade in GRADE_ORDER]


# Section 11 / 175.


def _per_audit(model, **filters):
    return Coalesce(
        Subquery(
            model.objects.filter(audit=OuterRef("pk"), **filters)
            .order_by()
            .values("audit")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def multi_agency_audits():
    """Every multi-agency audit, latest first, with `agencies_taking_part`, `cases_graded`, `recommendation_count`
    and `distribution` (its GradeDistribution). Two queries."""
    audits = list(
        MultiAgencyAudit.objects.select_related("priority", "earlier_audit").annotate(
            agencies_taking_part=_per_audit(AuditParticipation),
            cases_graded=_per_audit(CaseJudgement),
            recommendation_count=_per_audit(AuditRecommendation),
        )
    )
    distributions = _distributions([audit.pk for audit in audits])
    for audit in audits:
        audit.distribution = distributions[audit.pk]
    return audits


def participations(audit):
    """The agencies taking part, each with `cases_graded`. One query."""
    graded = CaseJudgement.objects.filter(audit=audit, agency=OuterRef("agency"))
    return list(
        AuditParticipation.objects.filter(audit=audit)
        .select_related("agency")
        .annotate(cases_graded=row_count(graded, "agency"))
        .order_by("agency__name")
    )


def judgements(audit, *, agency=None):
    found = CaseJudgement.objects.filter(audit=audit).select_related("agency")
    if agency is not None:
        found = found.filter(agency=agency)
    return list(found.order_by("agency__name", "case_reference"))


def recommendations(audit):
    """The audit's recommendations with their actions in the tracker (owner loaded) and `actions_open`."""
    return list(
        AuditRecommendation.objects.filter(audit=audit)
        .select_related("agency")
        .prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("owner_agency").order_by("due_date", "pk"))
        )
        .annotate(actions_open=Count("actions", filter=~Q(actions__status__in=CLOSED_STATUSES)))
        .order_by("number")
    )


def single_agency_audits():
    """Every single-agency audit, latest first, with its agency, body and meeting. One query."""
    return list(
        SingleAgencyAudit.objects.select_related("agency", "presented_to", "presented_at").order_by(
            "-date", "agency__name", "topic"
        )
    )


# The "Scrutiny and challenge" chapter.


def single_agency_audits_in(*, year):
    """The single-agency audits completed in the financial year, by agency. One query."""
    return list(
        SingleAgencyAudit.objects.filter(date__range=(year.start, year.end))
        .select_related("agency")
        .order_by("agency__name", "date", "topic")
    )


@dataclass(frozen=True)
class AuditInYear:
    audit: object
    agencies: list  # the agencies' names
    cases_audited: int
    distribution: object  # GradeDistribution
    recommendations: list  # AuditRecommendation, each with `action_counts` [(label, n)] and `action_total`


def multi_agency_audits_in(*, year):
    """The multi-agency audits held in the year (or planned in it, if not held yet), each with the agencies taking
    part, their grade distribution and the state of the actions raised from their recommendations. Five queries
    however many audits."""
    window = (year.start, year.end)
    audits = list(
        MultiAgencyAudit.objects.filter(Q(held_on__range=window) | Q(held_on__isnull=True, planned_on__range=window))
        .select_related("priority", "earlier_audit")
        .prefetch_related(
            Prefetch("participations", queryset=AuditParticipation.objects.select_related("agency")),
            Prefetch("recommendations", queryset=AuditRecommendation.objects.select_related("agency")),
        )
        .order_by("held_on", "planned_on", "theme")
    )
    ids = [audit.pk for audit in audits]
    distributions = _distributions(ids)
    statuses = action_statuses_by_recommendation(audit_ids=ids)
    labels = dict(ActionStatus.choices)
    found = []
    for audit in audits:
        taking_part = list(audit.participations.all())
        recommendations = list(audit.recommendations.all())
        for recommendation in recommendations:
            counts = statuses.get(recommendation.pk, {})
            recommendation.action_counts = [(labels[s], counts[s]) for s in ActionStatus.values if counts.get(s)]
            recommendation.action_total = sum(counts.values())
        found.append(
            AuditInYear(
                audit=audit,
                agencies=[p.agency.name for p in taking_part],
                cases_audited=sum(p.cases_audited for p in taking_part),
                distribution=distributions[audit.pk],
                recommendations=recommendations,
            )
        )
    return found


def action_statuses_by_recommendation(*, audit_ids):
    """{recommendation id: {status: count}} for the actions raised from the audits' recommendations. One query."""
    from django.contrib.contenttypes.models import ContentType

    rows = (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(AuditRecommendation),
            source_id__in=AuditRecommendation.objects.filter(audit_id__in=audit_ids).values("pk"),
        )
        .order_by()
        .values_list("source_id", "status")
        .annotate(n=Count("pk"))
    )
    found = {}
    for source_id, status, n in rows:
        found.setdefault(source_id, {})[status] = n
    return found


@dataclass(frozen=True)
class StandardResult:
    number: int
    title: str
    fully_met: int
    partially_met: int
    not_met: int
    rated: int  # fully, partially or not met (not applicable left out)
    # The previous cycle's returns on the standard of the same title: the share rated fully met then and now, or
    # None when the previous cycle has no rating of it.
    fully_met_compared: YearOnYear | None = None

    def percent(self, count):
        return _percent(count, self.rated)

    @property
    def fully_met_percent(self):
        return self.percent(self.fully_met)

    @property
    def partially_met_percent(self):
        return self.percent(self.partially_met)

    @property
    def not_met_percent(self):
        return self.percent(self.not_met)


@dataclass(frozen=True)
class Section11Results:
    cycle: object
    by_status: list  # [(status, label, count)]
    returns_in_scope: int
    standards: list  # [StandardResult]
    not_fully_met: int  # ratings partially or not met, across every standard
    # The share of every rating that was fully met, beside the previous cycle's (of the same kind: Section 11 or 175),
    # or None when that cycle has no rating.
    fully_met_compared: YearOnYear | None = None
    # The previous cycle's first day: its name is not printed, as it is not the year's record.
    previous_cycle_opened: object = None

    @property
    def compared(self):
        return self.fully_met_compared is not None

    @property
    def rounding_note(self):
        """The note the ratings table needs when a standard's three shares, each rounded, do not add up to 100."""
        rows = ([s.fully_met, s.partially_met, s.not_met] for s in self.standards)
        return ROUNDING_NOTE if any(needs_rounding_note(row) for row in rows) else ""


def cycles_run_in(year):
    """The Section 11 / 175 cycles the partnership ran in the financial year: open on some day of it, or with a
    return submitted in it (a cycle closing in March is scrutinised in the months after)."""
    start, end = year.datetime_range()
    submitted = Return.objects.filter(cycle=OuterRef("pk"), submitted_at__gte=start, submitted_at__lt=end)
    return Cycle.objects.filter(opens_on__lte=year.end).filter(Q(closes_on__gte=year.start) | Exists(submitted))


_RATED = (Rating.FULLY_MET, Rating.PARTIALLY_MET, Rating.NOT_MET)


def _fully_met_share(ratings):
    """The share of the ratings fully met (not applicable left out), or None with none rated."""
    return share(ratings.get(Rating.FULLY_MET, 0), sum(ratings.get(r, 0) for r in _RATED))


def section11_results(*, year):
    """The latest Section 11 / 175 cycle run in the year (`cycles_run_in`): its returns by status and, per standard,
    how many of the returns the agencies submitted rated it fully, partially or not met (drafts left out), with the
    share fully met beside the previous cycle's of the same kind (its ratings read by the same query, the standards
    matched by title). None when no cycle ran in the year. Four queries."""
    cycle = cycles_run_in(year).select_related("standard_set").order_by("-opens_on", "-pk").first()
    if cycle is None:
        return None
    by_status = returns_by_status(cycle)
    previous = (
        Cycle.objects.filter(standard_set__kind=cycle.standard_set.kind)
        .filter(Q(opens_on__lt=cycle.opens_on) | Q(opens_on=cycle.opens_on, pk__lt=cycle.pk))
        .order_by("-opens_on", "-pk")
        .values("pk")[:1]
    )
    counts, earlier, previous_opened = {}, {}, None
    for cycle_id, opened, standard_id, title, rating, n in (
        StandardResponse.objects.filter(Q(agency_return__cycle=cycle) | Q(agency_return__cycle=Subquery(previous)))
        .exclude(agency_return__status__in=DRAFT_STATUSES)
        .order_by()
        .values_list(
            "agency_return__cycle_id", "agency_return__cycle__opens_on", "standard_id", "standard__title", "rating"
        )
        .annotate(n=Count("pk"))
    ):
        if cycle_id == cycle.pk:
            counts.setdefault(standard_id, {})[rating] = n
        else:
            earlier.setdefault(title.casefold(), {})[rating] = earlier.get(title.casefold(), {}).get(rating, 0) + n
            previous_opened = opened
    standards = []
    for standard in Standard.objects.filter(standard_set_id=cycle.standard_set_id).order_by("number"):
        mine = counts.get(standard.pk, {})
        fully, partially, not_met = (mine.get(r, 0) for r in _RATED)
        then = _fully_met_share(earlier.get(standard.title.casefold(), {}))
        compared = YearOnYear(_fully_met_share(mine), then, Kind.RATE) if then is not None else None
        standards.append(
            StandardResult(
                standard.number, standard.title, fully, partially, not_met, fully + partially + not_met, compared
            )
        )
    this_cycle, last_cycle = {}, {}
    for target, ratings in ((this_cycle, counts.values()), (last_cycle, earlier.values())):
        for by_rating in ratings:
            for rating, n in by_rating.items():
                target[rating] = target.get(rating, 0) + n
    then = _fully_met_share(last_cycle)
    return Section11Results(
        cycle=cycle,
        by_status=by_status,
        returns_in_scope=sum(count for _, _, count in by_status),
        standards=standards,
        not_fully_met=sum(n for ratings in counts.values() for rating, n in ratings.items() if rating in NOT_FULLY_MET),
        fully_met_compared=YearOnYear(_fully_met_share(this_cycle), then, Kind.RATE) if then is not None else None,
        previous_cycle_opened=previous_opened,
    )


def section11_returns_submitted(*, year):
    """How many Section 11 / 175 returns agencies submitted during the year (the report's key figures). One query."""
    start, end = year.datetime_range()
    return Return.objects.filter(submitted_at__gte=start, submitted_at__lt=end).count()
