"""Reads of the data set: each observation against the same period a year earlier, the exception flag, the
quarterly exceptions report, and the annual report's tables (children and young people data, LADO outcomes, child
death reviews). The arithmetic is done by the database (the year-earlier value, the change and the flag are
annotations; totals are sums), so each read costs the same few queries however many observations there are.

The change is relative: (this period − a year earlier) ÷ a year earlier × 100, for every unit (a percentage that
went from 10% to 11% changed by +10%). An observation is an **exception** when its indicator has a tolerance and
the change is beyond it in the unfavourable direction: a fall of more than the tolerance where higher is better, a
rise of more than it where lower is better, either where neither is set. Exactly at the tolerance is not an
exception. From a year-earlier value of 0, any rise is an exception unless higher is better.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from lscp import figures
from lscp.comparisons import YearOnYear
from lscp.dates import earliest, latest, long_date
from lscp.financial_year import FinancialYear
from lscp.percentages import ROUNDING_NOTE, Share, needs_rounding_note, share

from ..models import IndicatorCategory, Observation, PeriodKind, ReportTable, Unit, period_end_for

# The indicators the report's LADO and child death review chapters read, by name (the demo creates them; a
# partnership that imports its own figures names its indicators so).
LADO_OUTCOMES = "LADO allegations by outcome"
LADO_REFERRAL_SOURCES = "LADO allegations by referral source"
CHILD_DEATHS_BY_CATEGORY = "Child deaths reviewed by category"
CHILD_DEATHS_BY_EXPECTATION = "Child deaths reviewed, expected or unexpected"
CHILD_DEATHS_BY_MODIFIABLE_FACTORS = "Child deaths reviewed, with or without modifiable factors"
UNEXPECTED = "Unexpected"
MODIFIABLE_FACTORS = "Modifiable factors identified"

_CHANGE = DecimalField(max_digits=20, decimal_places=4)


class YearEarlier(Func):
    """The same day a year earlier (29 February goes to 28 February on PostgreSQL, 1 March on SQLite)."""

    output_field = DateField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s - interval '1 year')::date")

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="date(%(expressions)s, '-1 year')")


class Hundredfold(Func):
    """× 100, as a decimal on SQLite too (where 100 × a whole-number column would make the division a whole one)."""

    template = "(%(expressions)s * 100)"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s * 100.0)")


def _flag(condition):
    return ExpressionWrapper(condition, output_field=BooleanField())


def with_trend(observations):
    """`observations` annotated with `year_earlier` (the value for the same indicator, borough, period and category
    a year earlier, or None), `change_percent` (None without a year-earlier value, or from 0) and `is_exception`."""
    earlier = (
        Observation.objects.annotate(category_key=Coalesce("category", Value(0)))
        .filter(
            indicator=OuterRef("indicator"),
            borough=OuterRef("borough"),
            period_kind=OuterRef("period_kind"),
            period_start=YearEarlier(OuterRef("period_start")),
            category_key=OuterRef("category_key"),
        )
        .values("value")[:1]
    )
    tolerance = F("indicator__tolerance_percent")
    higher_is_better = "indicator__higher_is_better"
    return (
        observations.annotate(category_key=Coalesce("category", Value(0)))
        .annotate(year_earlier=Subquery(earlier, output_field=DecimalField(max_digits=14, decimal_places=2)))
        .annotate(
            change_percent=Case(
                When(Q(year_earlier__isnull=True) | Q(year_earlier=0), then=Value(None, output_field=_CHANGE)),
                default=ExpressionWrapper(
                    Hundredfold(F("value") - F("year_earlier")) / F("year_earlier"), output_field=_CHANGE
                ),
                output_field=_CHANGE,
            )
        )
        .annotate(
            is_exception=Case(
                When(Q(indicator__tolerance_percent__isnull=True) | Q(year_earlier__isnull=True), then=Value(False)),
                # From nothing: any rise is news, unless a rise is good news.
                When(Q(year_earlier=0), then=_flag(Q(value__gt=0) & ~Q(**{higher_is_better: True}))),
                When(Q(**{higher_is_better: True}), then=_flag(Q(change_percent__lt=-tolerance))),
                When(Q(**{higher_is_better: False}), then=_flag(Q(change_percent__gt=tolerance))),
                default=_flag(Q(change_percent__gt=tolerance) | Q(change_percent__lt=-tolerance)),
                output_field=BooleanField(),
            )
        )
    )


# Quarters: the financial year's, Q1 April to June … Q4 January to March.


@dataclass(frozen=True)
class Quarter:
    start: date

    @classmethod
    def containing(cls, day):
        month = (day.month - 1) // 3 * 3 + 1
        return cls(date(day.year, month, 1))

    @classmethod
    def parse(cls, text):
        """From its first day, 2023-01-01, within the range the records may hold; ValueError for anything else."""
        day = date.fromisoformat(text)
        if day.day != 1 or day.month not in (1, 4, 7, 10):
            raise ValueError("Not the first day of a quarter.")
        if not earliest() <= day <= latest():
            raise ValueError("A quarter outside the range the records may hold.")
        return cls(day)

    @property
    def end(self):
        return period_end_for(PeriodKind.QUARTER, self.start)

    @property
    def number(self):
        return (self.start.month - 4) % 12 // 3 + 1

    @property
    def year(self):
        return FinancialYear.for_date(self.start)

    @property
    def label(self):
        return f"Q{self.number} {self.year.label} ({self.start:%B} to {self.end:%B %Y})"

    @property
    def slug(self):
        return self.start.isoformat()

    def __str__(self):
        return self.label


def quarters_with_observations():
    """The quarters some observation lies wholly within (the quarters `quarterly_exceptions` has rows for: a year's
    or a half-year's figure belongs to no quarter), latest first. One query, over the distinct periods, not the
    observations. Only those within the range the records may hold (lscp.dates): a value stored with a date outside
    it (year 1, say, imported before the rule) belongs to no financial year the report could name, and is left to be
    corrected in the admin."""
    periods = (
        Observation.objects.filter(period_start__gte=earliest(), period_start__lte=latest())
        .values_list("period_start", "period_end")
        .distinct()
    )
    quarters = {Quarter.containing(start) for start, end in periods if end <= Quarter.containing(start).end}
    return sorted(quarters, key=lambda quarter: quarter.start, reverse=True)


@dataclass
class ExceptionRow:
    indicator: str
    category: str
    unit: str
    borough: str
    period: str
    value: Decimal
    year_earlier: Decimal | None
    change_percent: Decimal | None
    london: Decimal | None
    england: Decimal | None
    is_exception: bool
    higher_is_better: bool | None
    tolerance_percent: Decimal | None
    period_start: date | None = None

    @property
    def name(self):
        return f"{self.indicator}: {self.category}" if self.category else self.indicator


def period_label(kind, start, end):
    if kind == PeriodKind.MONTH:
        return f"{start:%B %Y}"
    if kind == PeriodKind.QUARTER:
        return (
            Quarter(start).label if start.day == 1 and start.month in (1, 4, 7, 10) else f"{long_date(start)} quarter"
        )
    if kind == PeriodKind.YEAR:
        if start.month == 4 and start.day == 1:
            return FinancialYear(start.year).label
        return f"year from {long_date(start)}"
    return long_date(start)


def quarterly_exceptions(*, quarter):
    """Every observation whose period lies within the quarter (its quarter, its months, snapshots taken in it),
    with its trend: exceptions first, then by indicator, category and borough. One query."""
    observations = with_trend(
        Observation.objects.filter(period_start__gte=quarter.start, period_end__lte=quarter.end)
    ).select_related("indicator", "borough", "category")
    observations = observations.order_by(
        "-is_exception", "indicator__name", "category__order", "category__name", "borough__name", "period_start"
    )
    return [
        ExceptionRow(
            indicator=o.indicator.name,
            category=o.category.name if o.category_id else "",
            unit=o.indicator.unit,
            borough=o.borough.name,
            period=period_label(o.period_kind, o.period_start, o.period_end),
            value=o.value,
            year_earlier=o.year_earlier,
            change_percent=o.change_percent,
            london=o.london,
            england=o.england,
            is_exception=o.is_exception,
            higher_is_better=o.indicator.higher_is_better,
            tolerance_percent=o.indicator.tolerance_percent,
            period_start=o.period_start,
        )
        for o in observations
    ]


# The annual report's children and young people data.


@dataclass
class DataTableCell:
    value: Decimal | None = None
    year_earlier: Decimal | None = None
    change_percent: Decimal | None = None


@dataclass
class DataTableRow:
    indicator: str
    unit: str
    period: str
    source: str  # the sources of the values shown, each once, in the boroughs' order
    cells: list = field(default_factory=list)  # a DataTableCell per borough, in the table's borough order
    london: Decimal | None = None
    period_start: date | None = None
    indicator_id: int | None = None
    adds_up: bool = False
    denominator_id: int | None = None
    # The partnership's figure (`with_partnership_figures`): its value and a year earlier (a sum where the values
    # add up, a percentage weighted by its denominator), and each borough's share of the denominator and the
    # partnership's (Shares, for a count with a denominator).
    total: DataTableCell | None = None
    shares: list = field(default_factory=list)
    total_share: Share | None = None
    denominator_name: str = ""  # set where the row shows shares of it

    @property
    def has_total(self):
        return self.total is not None


@dataclass
class DataTable:
    boroughs: list  # (code, name)
    rows: list


def children_data_table(*, year):
    """Each indicator without categories shown in "Our children and young people data", at its latest period
    ending within the year (or, with none, the year before: see `_latest_values_table`): its value in each borough,
    the London comparator and the change since the same period a year earlier. Indicators in the order they were
    added. One query."""
    return _latest_values_table(year=year, table=ReportTable.CHILDREN_DATA)


def borough_profile_table(*, year):
    """The borough profiles' figures (population, children's share, poverty, unemployment): each indicator shown in
    "Borough profiles" at its latest period ending within the year (or the year before), in each borough. One
    query."""
    return _latest_values_table(year=year, table=ReportTable.BOROUGH_PROFILE)


LATEST_AVAILABLE = "%(period)s, the latest available"


def _latest_values_table(*, year, table):
    """Each indicator at its latest period ending within the year. An indicator with none is shown at its latest
    period ending in the year before, labelled the latest available: a figure published once a year or less often
    (a mid-year population estimate dated June of the year before) would otherwise vanish from the report. Nothing
    older, and nothing after the year, is read. Each row names the sources of its own values."""
    look_back_to = (year.previous or year).start
    observations = with_trend(
        Observation.objects.filter(
            indicator__categories__isnull=True,
            indicator__report_table=table,
            period_end__gte=look_back_to,
            period_end__lte=year.end,
        )
    ).select_related("indicator", "borough")
    # The year's own periods before any of the year before, whatever their starts.
    in_year = Case(When(period_end__gte=year.start, then=Value(0)), default=Value(1))
    latest, boroughs = {}, {}
    for o in observations.order_by("indicator_id", in_year, "-period_start", "borough__name"):
        latest.setdefault(o.indicator_id, {"start": o.period_start, "rows": []})
        if latest[o.indicator_id]["start"] == o.period_start:
            latest[o.indicator_id]["rows"].append(o)
            boroughs[o.borough_id] = (o.borough.name, o.borough.code)
    borough_ids = sorted(boroughs, key=lambda pk: boroughs[pk])
    rows = []
    for found in latest.values():
        first = found["rows"][0]
        by_borough = {o.borough_id: o for o in found["rows"]}
        period = period_label(first.period_kind, first.period_start, first.period_end)
        if first.period_end < year.start:
            period = LATEST_AVAILABLE % {"period": period}
        in_order = sorted(found["rows"], key=lambda o: boroughs[o.borough_id])
        sources = list(dict.fromkeys(o.source.strip() for o in in_order if o.source.strip()))
        rows.append(
            DataTableRow(
                indicator=first.indicator.name,
                unit=first.indicator.unit,
                period=period,
                source="; ".join(sources),
                cells=[
                    DataTableCell(o.value, o.year_earlier, o.change_percent)
                    if (o := by_borough.get(pk))
                    else DataTableCell()
                    for pk in borough_ids
                ],
                london=next((o.london for o in found["rows"] if o.london is not None), None),
                period_start=first.period_start,
                indicator_id=first.indicator_id,
                adds_up=first.indicator.adds_up,
                denominator_id=first.indicator.denominator_id,
            )
        )
    return with_partnership_figures(
        DataTable(boroughs=[(boroughs[pk][1], boroughs[pk][0]) for pk in borough_ids], rows=rows), year=year
    )


def with_partnership_figures(table, *, year):
    """The table with the partnership's figure on each row that has one, and the boroughs' shares.

    - Values that add up across boroughs (counts, money) get their total, this year and a year earlier (a year
      earlier only when every borough has one: a total of some boroughs is no total).
    - A count with a denominator gets each borough's share of it, and the partnership's (total ÷ total).
    - A percentage with a denominator gets the partnership's percentage: each borough's weighed by its denominator.
    Denominators are read from the table's own rows; those shown elsewhere (or nowhere) cost one more query."""
    by_indicator = {row.indicator_id: row for row in table.rows}
    missing = {
        row.denominator_id for row in table.rows if row.denominator_id and row.denominator_id not in by_indicator
    }
    if missing:
        codes = [code for code, _ in table.boroughs]
        for row in _denominator_rows(missing, year=year, codes=codes):
            by_indicator.setdefault(row.indicator_id, row)
    for row in table.rows:
        values = [cell.value for cell in row.cells]
        present = [value for value in values if value is not None]
        denominator = by_indicator.get(row.denominator_id) if row.denominator_id else None
        whole = [cell.value for cell in denominator.cells] if denominator else [None] * len(values)
        if row.adds_up and present:
            earlier = [cell.year_earlier for cell in row.cells]
            complete = None not in earlier and None not in values
            row.total = DataTableCell(sum(present), sum(earlier) if complete else None)
        if denominator is None:
            continue
        pairs = [(value, of) for value, of in zip(values, whole, strict=True) if value is not None and of]
        if row.unit == Unit.COUNT:
            row.shares = [share(value, of) for value, of in zip(values, whole, strict=True)]
            row.denominator_name = denominator.indicator
            if row.total is not None and pairs and len(pairs) == len(present):
                row.total_share = share(sum(value for value, _ in pairs), sum(of for _, of in pairs))
        elif row.unit == Unit.PERCENTAGE and pairs and len(pairs) == len(values):
            row.total = DataTableCell(sum(value * of for value, of in pairs) / sum(of for _, of in pairs))
    return table


def _denominator_rows(indicator_ids, *, year, codes):
    """Rows (as `_latest_values_table` makes them, borough columns in `codes` order) for denominators shown in
    another table of the report, or in none. One query."""
    observations = Observation.objects.filter(
        indicator_id__in=indicator_ids, period_end__gte=year.start, period_end__lte=year.end, category__isnull=True
    ).select_related("borough", "indicator")
    latest = {}
    for o in observations.order_by("indicator_id", "-period_start"):
        found = latest.setdefault(o.indicator_id, {"start": o.period_start, "name": o.indicator.name, "values": {}})
        if found["start"] == o.period_start:
            found["values"][o.borough.code] = o.value
    return [
        DataTableRow(
            indicator=found["name"],
            unit=Unit.COUNT,
            period="",
            source="",
            cells=[DataTableCell(found["values"].get(code)) for code in codes],
            indicator_id=indicator_id,
        )
        for indicator_id, found in latest.items()
    ]


# Counts by category: LADO outcomes and referral sources, child deaths.


@dataclass
class CategoryTable:
    indicator: str
    boroughs: list  # (code, name)
    rows: list  # (category name, [(count, Share) per borough], (count, Share) for all boroughs, last year)
    totals: list  # count per borough
    total: int
    # Last year's counts, all boroughs together, when it has any of this indicator's values: a YearOnYear per row
    # (the fourth of each row; None otherwise) and for the total.
    last_year_total: YearOnYear | None = None

    @property
    def is_empty(self):
        return not self.total

    @property
    def compared(self):
        return self.last_year_total is not None

    @property
    def needs_rounding_note(self):
        """Whether a column's shares, each rounded by the one rule (lscp/percentages.py), print as anything but 100."""
        columns = [[cells[index][0] for _, cells, _, _ in self.rows] for index in range(len(self.boroughs))]
        columns.append([total[0] for _, _, total, _ in self.rows])
        return any(needs_rounding_note(column) for column in columns)

    @property
    def rounding_note(self):
        return ROUNDING_NOTE if self.needs_rounding_note else ""


def category_tables(*, year, names):
    """{indicator name: CategoryTable}: for each named indicator counted by category, the counts of the observations
    whose period ends within the year, summed by category and borough in the database, with each count's share of
    its column (a Share: whole per cents rounded half up, so one fraction prints the same in every column; the
    table says when rounding keeps a column from adding up to 100), and each category's count of the year before
    (all boroughs) beside it when that year has values. Two queries whatever the data."""
    categories = list(
        IndicatorCategory.objects.filter(indicator__name__in=names)
        .select_related("indicator")
        .order_by("indicator__name", "order", "name")
    )
    last_year = year.previous or year
    in_year, before = Q(period_end__gte=year.start), Q(period_end__lt=year.start)
    sums = (
        Observation.objects.filter(
            indicator__name__in=names,
            period_end__gte=last_year.start,
            period_end__lte=year.end,
            category__isnull=False,
        )
        .values("category_id", "borough_id", "borough__name", "borough__code")
        .annotate(
            count=Sum("value", filter=in_year), last=Sum("value", filter=before), lines=Count("pk", filter=before)
        )
        .order_by()
    )
    counts, boroughs, last_counts, last_lines = {}, {}, {}, {}
    for line in sums:
        counts[(line["category_id"], line["borough_id"])] = int(line["count"] or 0)
        if line["count"] is not None:
            boroughs[line["borough_id"]] = (line["borough__name"], line["borough__code"])
        last_counts[line["category_id"]] = last_counts.get(line["category_id"], 0) + int(line["last"] or 0)
        last_lines[line["category_id"]] = last_lines.get(line["category_id"], 0) + line["lines"]
    borough_ids = sorted(boroughs, key=lambda pk: boroughs[pk])
    tables = {}
    for name in names:
        own = [category for category in categories if category.indicator.name == name]
        grid = [[counts.get((category.pk, pk), 0) for pk in borough_ids] for category in own]
        columns = list(zip(*grid, strict=True)) if grid else [() for _ in borough_ids]
        # Boroughs with none of this indicator's counts have no column.
        keep = [index for index, column in enumerate(columns) if sum(column)]
        row_totals = [sum(grid[row][index] for index in keep) for row in range(len(own))]
        column_totals = {index: sum(columns[index]) for index in keep}
        grand_total = sum(row_totals)
        compared = last_year != year and any(last_lines.get(category.pk) for category in own)
        tables[name] = CategoryTable(
            indicator=name,
            boroughs=[(boroughs[borough_ids[index]][1], boroughs[borough_ids[index]][0]) for index in keep],
            rows=[
                (
                    category.name,
                    [(grid[row][index], Share(grid[row][index], column_totals[index])) for index in keep],
                    (row_totals[row], share(row_totals[row], grand_total)),
                    YearOnYear(row_totals[row], last_counts.get(category.pk, 0)) if compared else None,
                )
                for row, category in enumerate(own)
            ],
            totals=[sum(columns[index]) for index in keep],
            total=sum(row_totals),
            last_year_total=(
                YearOnYear(sum(row_totals), sum(last_counts.get(category.pk, 0) for category in own))
                if compared
                else None
            ),
        )
    return tables


def count_of(table, category):
    """(count, its Share of the total) of one category of a CategoryTable, over every borough; (0, None) when the
    table counts nothing in it."""
    for name, _, (count, percent), _ in table.rows:
        if name == category:
            return count, percent
    return 0, None


def last_year_of(table, category):
    """One category's YearOnYear (this year's count beside last year's, all boroughs), or None when the table is not
    compared with last year."""
    return next((last for name, _, _, last in table.rows if name == category), None)


def format_value(value, unit):
    """A value as the quarterly exceptions report and the charts' scales print it, to the tenth its source gives:
    24,310 · 9.9% · £1,611.21 · 12.5. The annual report's tables print whole per cents (lscp/figures.py)."""
    if value is None:
        return ""
    if unit == Unit.PERCENTAGE:
        return f"{value.normalize():f}%" if value == value.to_integral() else f"{value:.1f}%"
    if unit == Unit.MONEY:
        return figures.format_money(value)
    return figures.format_count(value)


def format_change(change_percent=None, *, year_earlier, value=None, unit=Unit.COUNT):
    """The trend in words, in numbers and in per cent (lscp/figures.py): "up 580 (2%)", "down 0.5 points", "no
    change", "up 5 (from none)" or "no figure a year earlier". Given only `change_percent` (the older call, which
    the quarterly exceptions report keeps: its tolerances are relative changes to a tenth of a per cent), the per
    cent alone: "up 4.2%"."""
    if value is not None:
        return figures.format_change(value, year_earlier, unit=unit)
    if year_earlier is None:
        return "no figure a year earlier"
    if change_percent is None:
        return "new"
    if change_percent == 0:
        return "no change"
    return f"{'up' if change_percent > 0 else 'down'} {abs(change_percent):.1f}%"
