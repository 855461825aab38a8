"""The partnership's data set: indicators, and their values per borough and period (the 2019 partnership arrangements'
core data set, the annual report's "our children and young people data" table, and the LADO and child death review
figures).

An indicator with categories (LADO allegations by outcome, child deaths by category) is stored as one count per
category, never as a total or a percentage: totals and percentages are computed, so they always add up. An
observation is unique per indicator, borough, period and category, an indicator without categories counting as
one category (NULL), which the constraint treats as equal to itself.
"""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date, record_date
from lscp.fields import LimitedTextField
from partnership.models import LocalAuthority

__all__ = [
    "Unit",
    "ReportTable",
    "Indicator",
    "IndicatorCategory",
    "PeriodKind",
    "Observation",
    "period_end_for",
    "OBSERVATION_NEEDS_CATEGORY",
    "OBSERVATION_HAS_NO_CATEGORIES",
    "OBSERVATION_CATEGORY_OF_ANOTHER_INDICATOR",
    "OBSERVATION_PERIOD_ENDS_BEFORE_START",
    "OBSERVATION_PERIOD_DOES_NOT_FIT",
    "OBSERVATION_TWICE",
    "INDICATOR_SHARE_DOES_NOT_ADD_UP",
    "INDICATOR_DENOMINATOR_ITSELF",
    "INDICATOR_DENOMINATOR_NOT_A_COUNT",
    "INDICATOR_SHARE_OF_A_RATE",
]

OBSERVATION_NEEDS_CATEGORY = "“%(indicator)s” is counted by category: choose one of %(categories)s."
OBSERVATION_HAS_NO_CATEGORIES = "“%(indicator)s” has no categories: leave the category empty."
OBSERVATION_CATEGORY_OF_ANOTHER_INDICATOR = "“%(category)s” is a category of “%(other)s”, not of “%(indicator)s”."
OBSERVATION_PERIOD_ENDS_BEFORE_START = "The period cannot end before it starts."
OBSERVATION_PERIOD_DOES_NOT_FIT = (
    "A %(kind)s starting on %(start)s ends on %(expected)s: correct the end, or leave it empty to have it worked out."
)
INDICATOR_SHARE_DOES_NOT_ADD_UP = (
    "A %(unit)s does not add up across boroughs: leave this unticked (to show a share, choose what it is a share of)."
)
INDICATOR_DENOMINATOR_ITSELF = "An indicator cannot be a share of itself."
INDICATOR_DENOMINATOR_NOT_A_COUNT = "“%(denominator)s” is not a count: an indicator can only be a share of a count."
INDICATOR_SHARE_OF_A_RATE = "Only a count or a percentage can be a share of another indicator, not a %(unit)s."
OBSERVATION_TWICE = (
    "There is already a value for this indicator, borough, period and category: change that one instead."
)


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE = "rate", "Rate (per 10,000 children)"
    MONEY = "money", "Money (£)"


class ReportTable(models.TextChoices):
    """Which table of the annual report shows an indicator without categories (the 2022/23 report's "Borough
    Profiles" and "Our children and young people data"). Indicators with categories have tables of their own (LADO,
    CDOP)."""

    CHILDREN_DATA = "children_data", "Our children and young people data"
    BOROUGH_PROFILE = "borough_profile", "Borough profiles"
    NONE = "none", "Not in the annual report"


class Indicator(models.Model):
    name = models.CharField(max_length=200, unique=True)
    definition = LimitedTextField(blank=True, help_text="What is counted, and how: as the source defines it.")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    source = models.CharField(
        "source of new values",
        max_length=200,
        blank=True,
        help_text="Where its values usually come from, for example: Children's Services, LADO, CDOP. A value recorded "
        "without a source of its own takes this one; each value keeps its own, and the report prints the value's.",
    )
    higher_is_better = models.BooleanField(
        null=True,
        blank=True,
        help_text="Yes if a rise is good news, No if a fall is; leave empty when neither (a count of referrals).",
    )
    london_comparator = models.BooleanField("London comparator available", default=False)
    england_comparator = models.BooleanField("England comparator available", default=False)
    report_table = models.CharField(
        "table in the annual report",
        max_length=20,
        choices=ReportTable.choices,
        default=ReportTable.CHILDREN_DATA,
        help_text="Where the annual report shows its latest value in each borough. Indicators counted by category "
        "(LADO outcomes, child deaths) have their own tables whatever this says.",
    )
    adds_up = models.BooleanField(
        "values add up across boroughs",
        default=False,
        help_text="Yes for a count or an amount of money: the annual report gives the partnership's total beside "
        "the boroughs' values. No for a percentage, a rate or an average, which do not add up.",
    )
    denominator = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="numerators",
        verbose_name="share of",
        help_text="The count this indicator is a part of (children aged 0 to 15 are a part of the total "
        "population): the annual report shows each borough's value as a share of it, and the partnership's share. "
        "For a percentage, the count it is a percentage of, which weighs each borough's figure in the partnership's.",
    )
    tolerance_percent = models.DecimalField(
        "tolerance for exceptions (%)",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="A value that moved more than this percentage since the same period a year earlier is an "
        "exception for the Quality Assurance subgroup. Empty: never an exception.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tolerance_percent__isnull=True) | Q(tolerance_percent__gte=0),
                name="indicator_tolerance_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.adds_up and self.unit in (Unit.PERCENTAGE, Unit.RATE):
            errors["adds_up"] = INDICATOR_SHARE_DOES_NOT_ADD_UP % {"unit": self.get_unit_display().lower()}
        denominator = self.denominator
        if denominator is not None:
            if self.pk and denominator.pk == self.pk:
                errors["denominator"] = INDICATOR_DENOMINATOR_ITSELF
            elif denominator.unit != Unit.COUNT:
                errors["denominator"] = INDICATOR_DENOMINATOR_NOT_A_COUNT % {"denominator": denominator}
            elif self.unit not in (Unit.COUNT, Unit.PERCENTAGE):
                errors["denominator"] = INDICATOR_SHARE_OF_A_RATE % {"unit": self.get_unit_display().lower()}
        if errors:
            raise ValidationError(errors)


class IndicatorCategory(models.Model):
    """One category an indicator is counted by (a LADO outcome, a child protection plan category)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in tables: lowest first.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "order", "name"]
        verbose_name = "category"
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["indicator", "name"], name="indicator_category_once"),
        ]

    def __str__(self):
        return self.name


class PeriodKind(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"
    DATE = "date", "A date (a snapshot)"


_PERIOD_MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}


def period_end_for(kind, start):
    """The day before the next period starts (31 March for a year from 1 April); `start` itself for a date. A period
    that would end past the calendar's last day (one starting in 9999) ends on it."""
    months = _PERIOD_MONTHS.get(kind)
    if months is None:
        return start
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        return date.max
    following = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return following - timedelta(days=1)


class Observation(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    borough = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="observations")
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField(
        help_text="The first day of the period; for a snapshot, its date.", validators=past_date()
    )
    period_end = models.DateField(
        blank=True, help_text="Leave empty to have it worked out from the start.", validators=record_date()
    )
    category = models.ForeignKey(
        IndicatorCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="observations"
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    london = models.DecimalField("London comparator", max_digits=14, decimal_places=2, null=True, blank=True)
    england = models.DecimalField("England comparator", max_digits=14, decimal_places=2, null=True, blank=True)
    # The source belongs to the value, not to the indicator: a mid-2021 estimate and a mid-2022 one of the same
    # indicator come from different publications, and a report labels each year's figures with their own.
    source = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where this value comes from, as the report prints it beside the figure, for example: Joint "
        "Strategic Needs Assessment 2023. Left empty, it takes the indicator's source.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "borough", "-period_start"]
        indexes = [models.Index(fields=["indicator", "period_start"], name="observation_indicator_period")]
        constraints = [
            # Coalesce, not nulls_distinct: the same rule on PostgreSQL and on the demo's SQLite.
            models.UniqueConstraint(
                "indicator",
                "borough",
                "period_kind",
                "period_start",
                Coalesce("category", Value(0)),
                name="observation_once_per_period_and_category",
                violation_error_message=OBSERVATION_TWICE,
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="observation_period_in_order"
            ),
        ]

    def __str__(self):
        category = f" – {self.category}" if self.category_id else ""
        return f"{self.indicator}{category}, {self.borough}, {long_date(self.period_start)}"

    def clean(self):
        errors = {}
        if self.period_kind and self.period_start:
            expected = period_end_for(self.period_kind, self.period_start)
            if self.period_end is None:
                self.period_end = expected
            elif self.period_end < self.period_start:
                errors["period_end"] = OBSERVATION_PERIOD_ENDS_BEFORE_START
            elif self.period_end != expected:
                errors["period_end"] = OBSERVATION_PERIOD_DOES_NOT_FIT % {
                    "kind": self.get_period_kind_display().lower(),
                    "start": long_date(self.period_start),
                    "expected": long_date(expected),
                }
        self.source = (self.source or "").strip()
        if self.indicator_id and not self.source:
            self.source = self.indicator.source
        if self.indicator_id:
            # .all(), not a values query: an import prefetches each indicator's categories once for all its rows.
            categories = [(category.pk, category.name) for category in self.indicator.categories.all()]
            if self.category_id:
                if self.category.indicator_id != self.indicator_id:
                    errors["category"] = OBSERVATION_CATEGORY_OF_ANOTHER_INDICATOR % {
                        "category": self.category,
                        "other": self.category.indicator,
                        "indicator": self.indicator,
                    }
                elif not categories:
                    errors["category"] = OBSERVATION_HAS_NO_CATEGORIES % {"indicator": self.indicator}
            elif categories:
                errors["category"] = OBSERVATION_NEEDS_CATEGORY % {
                    "indicator": self.indicator,
                    "categories": ", ".join(f"“{name}”" for _, name in categories),
                }
        if errors:
            raise ValidationError(errors)
