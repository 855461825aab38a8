"""Reads and aggregates for the governance records and their chapters, done in the database."""

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from lscp.financial_year import FinancialYear


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
    """A row of the 2022/23 report's appendix table: one line's amount in each borough of the statement, and in all."""

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

    from partnership.models import LocalAuthority

    from .models import Contribution, ExpenditureCategory, ExpenditureLine, ReservesBroughtForward

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


def finance_totals(*, year):
    """The year's income and expenditure, all boroughs together (two queries), or None when the year has no line of
    either: what the finance appendix sets this year's totals beside."""
    from django.db.models import Sum

    from .models import Contribution, ExpenditureLine

    income = Contribution.objects.filter(year=year).aggregate(total=Sum("amount"), lines=Count("pk"))
    spent = ExpenditureLine.objects.filter(year=year).aggregate(total=Sum("amount"), lines=Count("pk"))
    if not income["lines"] and not spent["lines"]:
        return None
    return FinanceTotals(
        income=_pounds(income["total"]), expenditure=_pounds(spent["total"]), reserves_brought_forward=None
    )


def priorities_for_year(*, year):
    """The priorities whose plan covers the year, with their activities, leads and metrics, in three queries. An
    activity that started after the year is not part of it."""
    from .models import Priority, PriorityActivity

    activities = (
        PriorityActivity.objects.filter(Q(start_date__isnull=True) | Q(start_date__lte=year.end))
        .select_related("lead_body", "lead_agency")
        .prefetch_related("metrics")
    )
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


def action_statuses_by_activity(*, activity_ids):
    """{activity id: Counter of the statuses of the actions raised from it}, counted by the database in one
    query (the content type is cached)."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Action, PriorityActivity

    rows = (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(PriorityActivity), source_id__in=activity_ids
        )
        .values("source_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        counts.setdefault(row["source_id"], Counter())[row["status"]] = row["count"]
    return counts


def engagement_activities(*, year):
    """The year's engagement with children and young people, by date, with their boroughs (one query)."""
    from .models import EngagementActivity

    return list(EngagementActivity.objects.in_year(year).select_related("borough").order_by("date"))


def you_said_we_did(*, year):
    """The year's "you said, we did" table in its order (one query)."""
    from .models import YouSaidWeDid

    return list(YouSaidWeDid.objects.filter(year=year).order_by("order", "pk"))


def published_challenge_examples(*, year):
    """The challenges raised in the year that the business manager chose to publish as examples (one query)."""
    from .models import ChallengeLogEntry

    return list(
        ChallengeLogEntry.objects.in_year(year)
        .filter(publish_as_example=True)
        .select_related("raised_by_agency", "agency_challenged")
        .order_by("raised_on")
    )


def accepted_statements(*, year):
    """Partners' statements for the year as the business manager accepted them, statutory partners first, with
    the inspections of the year they report (two queries)."""
    from .models import AgencyStatement, Inspection, StatementStatus

    inspections = Inspection.objects.filter(date__range=(year.start, year.end)).select_related("borough")
    return list(
        AgencyStatement.objects.filter(year=year, status=StatementStatus.ACCEPTED)
        .select_related("agency")
        .prefetch_related(Prefetch("inspections", queryset=inspections.order_by("date")))
        .order_by("-agency__statutory_partner", "agency__name")
    )


@dataclass(frozen=True)
class StatementOnBoard:
    """One agency's statement of a year on the contributions board: asked for or not, started or not."""

    agency: object
    statement: object  # AgencyStatement or None
    request: object  # StatementRequest or None: not asked yet
    writers: list  # the agency's partner representatives (Person, user loaded)
    progress: object  # StatementProgress

    @property
    def writer_names(self):
        return [person.user.get_full_name() or person.user.username for person in self.writers]


def statements_for_the_board(*, year, today):
    """Every active agency (and any other asked for, or with, a statement of the year), by name, with its statement
    and the request for it, its partner representatives and where it stands (four queries, whatever the number of
    agencies). The statement's last change comes from its history: who saved it last, and when."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, Concat, NullIf, Trim

    from partnership.models import Agency

    from .models import AgencyStatement, StatementRequest, statement_progress, statement_writers

    changes = AgencyStatement.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-pk")
    name = Coalesce(
        NullIf(Trim(Concat(F("history_user__first_name"), Value(" "), F("history_user__last_name"))), Value("")),
        F("history_user__username"),
    )
    statements = {
        s.agency_id: s
        for s in AgencyStatement.objects.filter(year=year).annotate(
            last_edited_at=Subquery(changes.values("history_date")[:1]),
            last_edited_by=Subquery(changes.annotate(name=name).values("name")[:1]),
        )
    }
    requests = {
        r.agency_id: r
        for r in StatementRequest.objects.filter(year=year).select_related("assigned_to", "last_chased_by")
    }
    agencies = list(Agency.objects.filter(Q(active=True) | Q(pk__in=[*statements, *requests])).order_by("name", "pk"))
    writers = {}
    for person in statement_writers([a.pk for a in agencies]):
        writers.setdefault(person.agency_id, []).append(person)
    rows = []
    for agency in agencies:
        statement, request = statements.get(agency.pk), requests.get(agency.pk)
        progress = statement_progress(statement, due_on=request.due_on if request else None, today=today)
        rows.append(StatementOnBoard(agency, statement, request, writers.get(agency.pk, []), progress))
    return rows


def statement_request_for(*, agency_id, year):
    """The request for this agency's statement of `year`, if it was asked for (one query)."""
    from .models import StatementRequest

    return (
        StatementRequest.objects.filter(agency_id=agency_id, year=year)
        .select_related("agency", "assigned_to", "last_chased_by")
        .first()
    )


def glossary_terms():
    """Every glossary term, in the glossary's order (one query)."""
    from .models import GlossaryTerm

    return list(GlossaryTerm.objects.all())


def _latest_draft_report_years():
    """The draft annual reports, latest year first: the years the partnership is gathering statements for."""
    from reports.models import AnnualReport, ReportStatus

    return AnnualReport.objects.filter(status=ReportStatus.DRAFT).order_by("-year")


def latest_draft_report_year():
    """The latest draft report's year, as a one-row query of `year` (a subquery, or `.first()`)."""
    return _latest_draft_report_years().values_list("year", flat=True)[:1]


def reporting_year():
    """The year the statements are being written for: the latest draft annual report's (the report being put
    together), or without one the last financial year (statements look back on a year ended). Never a year not yet
    begun. One query."""
    current = FinancialYear.current()
    latest = latest_draft_report_year().first()
    return latest if latest is not None and latest <= current else current.previous


def reporting_year_and_statement(*, agency_id):
    """(the reporting year, this agency's statement for it or None, the date it is due or None when it was not asked
    for), in one query when there is a draft report (the home page's panel: its query count is pinned), three
    otherwise."""
    from .models import AgencyStatement, StatementRequest

    current = FinancialYear.current()
    status_of = AgencyStatement.objects.filter(agency_id=agency_id, year=OuterRef("year")).values("status")[:1]
    due_of = StatementRequest.objects.filter(agency_id=agency_id, year=OuterRef("year")).values("due_on")[:1]
    latest = (
        _latest_draft_report_years()
        .annotate(statement_status=Subquery(status_of), statement_due=Subquery(due_of))
        .values("year", "statement_status", "statement_due")
        .first()
    )
    if latest is not None and latest["year"] <= current:
        status = latest["statement_status"]
        statement = AgencyStatement(agency_id=agency_id, year=latest["year"], status=status) if status else None
        return latest["year"], statement, latest["statement_due"]
    year = current.previous
    statement = AgencyStatement.objects.filter(agency_id=agency_id, year=year).only("status").first()
    due = StatementRequest.objects.filter(agency_id=agency_id, year=year).values_list("due_on", flat=True).first()
    return year, statement, due


# The chapters of schools and early years, inspections, policies and procedures, and the year ahead.

EARLY_YEARS_AND_SCHOOLS = ("education", "early_years")  # partnership.Sector values


def statements_of_schools_and_early_years(statements):
    """The statements (from `accepted_statements`) of education and early years agencies: schools, colleges, the
    local authority's education and early years services. No query."""
    return [statement for statement in statements if statement.agency.sector in EARLY_YEARS_AND_SCHOOLS]


def inspections_in(*, year):
    """The inspections partners reported in their accepted statements that took place in the year, by date, with
    the agency inspected and the borough (one query)."""
    from .models import Inspection, StatementStatus

    return list(
        Inspection.objects.filter(date__range=(year.start, year.end), statement__status=StatementStatus.ACCEPTED)
        .select_related("statement__agency", "borough")
        .order_by("date", "pk")
    )


def policy_changes_in(*, year):
    """The changes to policies and procedures in force from a day of the year, by date (one query)."""
    from .models import PolicyChange

    return list(
        PolicyChange.objects.filter(changed_on__range=(year.start, year.end))
        .select_related("agency")
        .order_by("changed_on", "title")
    )


def next_steps_by_priority(*, year):
    """For each priority of the year's plan, its activities that say what comes next ("What next?" filled in), in
    the priority's order, with their leads: [(priority, [activity])] (one query)."""
    from .models import PriorityActivity

    activities = (
        PriorityActivity.objects.filter(priority__first_year__lte=year, priority__last_year__gte=year)
        .exclude(what_next="")
        .select_related("priority", "lead_body", "lead_agency")
        .order_by("priority__number", "order", "pk")
    )
    grouped = {}
    for activity in activities:
        grouped.setdefault(activity.priority, []).append(activity)
    return list(grouped.items())


def actions_due_in(*, year):
    """The tracker's open actions due during the year, by due date, with their owners (one query; what each comes
    from is named from the source registry's kinds, without loading the records)."""
    from .models import Action

    return list(
        Action.objects.open()
        .filter(due_date__range=(year.start, year.end))
        .select_related("owner_agency", "source_type")
        .order_by("due_date", "pk")
    )
