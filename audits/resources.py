"""The data set's spreadsheet: observations in and out as CSV or Excel, on the shared framework (lscp/spreadsheets,
docs/imports.md "Observations (the data set)").

A row is one value: an indicator (by its name), a borough (by its code), a period (2022/23 · Q4 2022/23 · March
2023 · 31/03/2023), a category where the indicator has them, the value and the London and England comparators.
A row without an ID whose indicator, borough, period and category already have a value **updates** that value
(a re-import of a quarter replaces its figures rather than adding a second set); the same four twice in one file
are refused. As every import here: each row checked, nothing imported if any row fails, problems by row.
"""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from import_export import widgets

from lscp.financial_year import FinancialYear
from lscp.spreadsheets import ByKey, Column, Day, SpreadsheetResource, cell_text, listing
from partnership.models import LocalAuthority
from partnership.resources import BoroughCode

from .models import (
    OBSERVATION_HAS_NO_CATEGORIES,
    Indicator,
    IndicatorCategory,
    Observation,
    PeriodKind,
    Unit,
    period_end_for,
)

NO_SUCH_INDICATOR = "There is no indicator called “%(value)s”: add it in the admin first, or check its spelling."
NOT_A_PERIOD = (
    "“%(value)s” is not a period: write a year as 2022/23, a quarter as Q4 2022/23 (Q1 is April to June), a "
    "month as March 2023, or a date as 31/03/2023."
)
NOT_A_CATEGORY = "“%(value)s” is not a category of “%(indicator)s”: use %(categories)s."
NOT_A_NUMBER = "“%(value)s” is not a number: write it as a plain number such as 726 or 9.9, with no commas."
TOO_PRECISE = "“%(value)s” has more than two decimal places."
NEGATIVE = "“%(indicator)s” cannot be negative."
OVER_100 = "“%(indicator)s” is a percentage: %(value)s is more than 100."
ROW_TWICE = "This indicator, borough, period and category are also on row %(row)s: a value can appear only once."

_QUARTER = re.compile(r"(?:q([1-4])\s+(\S+)|(\S+)\s+q([1-4]))")
_MONTH = re.compile(r"([a-z]+)\s+(\d{4})")
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (date(2000, number, 1).strftime("%B").lower(), date(2000, number, 1).strftime("%b").lower())
}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def parse_period(value):
    """(PeriodKind, first day) from a cell; ValueError with NOT_A_PERIOD otherwise."""
    if isinstance(value, datetime | date):
        return PeriodKind.DATE, value.date() if isinstance(value, datetime) else value
    text = cell_text(value)
    key = " ".join(text.lower().split())
    try:
        if match := _QUARTER.fullmatch(key):
            number = int(match.group(1) or match.group(4))
            year = FinancialYear.parse(match.group(2) or match.group(3))
            month = 4 + 3 * (number - 1)
            return PeriodKind.QUARTER, date(year.start_year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if (match := _MONTH.fullmatch(key)) and match.group(1) in _MONTHS:
            return PeriodKind.MONTH, date(int(match.group(2)), _MONTHS[match.group(1)], 1)
        if "/" in key and len(key.split("/")) == 3 or key.count("-") == 2:
            return PeriodKind.DATE, Day().clean(text)
        return PeriodKind.YEAR, FinancialYear.parse(key).start
    except ValueError:
        raise ValueError(NOT_A_PERIOD % {"value": text}) from None


def period_cell(kind, start):
    """How an export writes a period, so that it imports back."""
    if kind == PeriodKind.YEAR and (start.month, start.day) == (4, 1):
        return FinancialYear(start.year).label
    if kind == PeriodKind.QUARTER and start.day == 1 and start.month in (1, 4, 7, 10):
        return f"Q{(start.month - 4) % 12 // 3 + 1} {FinancialYear.for_date(start).label}"
    if kind == PeriodKind.MONTH and start.day == 1:
        return f"{start:%B %Y}"
    return start.strftime("%d/%m/%Y")


class Period(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None or not cell_text(value):
            return None
        return parse_period(value)


class Number(widgets.Widget):
    """A plain number, or a number cell; a percentage may carry its % sign ("9.9%")."""

    def clean(self, value, row=None, **kwargs):
        if value is None or isinstance(value, bool):
            if isinstance(value, bool):
                raise ValueError(NOT_A_NUMBER % {"value": value})
            return None
        if isinstance(value, int | float | Decimal):
            try:
                number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            except InvalidOperation:
                raise ValueError(NOT_A_NUMBER % {"value": value}) from None
            if not number.is_finite():
                raise ValueError(NOT_A_NUMBER % {"value": value})
        else:
            text = cell_text(value)
            if not text:
                return None
            bare = text[:-1].strip() if text.endswith("%") else text
            if not _NUMBER.fullmatch(bare):
                raise ValueError(NOT_A_NUMBER % {"value": text})
            number = Decimal(bare)
        if number != number.quantize(Decimal("0.01")):
            raise ValueError(TOO_PRECISE % {"value": cell_text(value)})
        return number.quantize(Decimal("0.01"))

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
        return value if kwargs.get("force_native_type") else text


class CategoryName(widgets.Widget):
    """The category's name; which indicator's categories it is looked up among is the row's indicator (see
    ObservationResource.import_field)."""

    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name


class Cached(ByKey):
    """ByKey that reads the whole (small) table once per import instead of once per row."""

    def __init__(self, model, key, missing, *, fallback=None):
        super().__init__(model, key, missing)
        self.fallback = fallback
        self.cache = None

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        if self.cache is None:
            self.cache = {}
            for record in self.model._default_manager.all():
                self.cache.setdefault(getattr(record, self.key).casefold(), []).append(record)
        matches = self.cache.get(text.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        return (self.fallback or super()).clean(value, row, **kwargs)

    def missing_message(self, text):
        return self.fallback.missing_message(text) if self.fallback else super().missing_message(text)


class ObservationResource(SpreadsheetResource):
    indicator = Column("indicator", "Indicator", Cached(Indicator, "name", NO_SUCH_INDICATOR), required=True)
    borough = Column(
        "borough", "Borough code", Cached(LocalAuthority, "code", "", fallback=BoroughCode()), required=True
    )
    period = Column("period_start", "Period", Period(), required=True)
    category = Column("category", "Category", CategoryName())
    value = Column("value", "Value", Number(), required=True)
    london = Column("london", "London", Number())
    england = Column("england", "England", Number())

    export_select_related = ("indicator", "borough", "category")

    class Meta(SpreadsheetResource.Meta):
        model = Observation
        name = "Observations (the data set)"
        fields = ("id", "indicator", "borough", "period", "category", "value", "london", "england")

    def before_import(self, dataset, **kwargs):
        for field in (self.fields["indicator"], self.fields["borough"]):
            field.widget.cache = None
        self._categories = None
        self._existing = {}
        return super().before_import(dataset, **kwargs)

    def _categories_of(self, indicator):
        if self._categories is None:
            self._categories = {}
            for category in IndicatorCategory.objects.order_by("order", "name"):
                self._categories.setdefault(category.indicator_id, []).append(category)
        return self._categories.get(indicator.pk, [])

    # The row's cells.

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name not in row:
            return None
        name = self.get_field_name(field)
        if name == "period":
            cleaned = field.clean(row, **kwargs)
            instance.period_kind, instance.period_start = cleaned
            instance.period_end = period_end_for(*cleaned)
            return None
        if name == "category":
            return self._import_category(instance, field.clean(row, **kwargs))
        if name in ("value", "london", "england"):
            number = field.clean(row, **kwargs)
            self._check_number(instance, number)
            setattr(instance, field.attribute, number)
            return None
        return super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def _import_category(self, instance, text):
        if not text:
            instance.category = None
            return
        if instance.indicator_id is None:
            return  # the indicator's own cell says what is wrong
        categories = self._categories_of(instance.indicator)
        if not categories:
            raise ValueError(OBSERVATION_HAS_NO_CATEGORIES % {"indicator": instance.indicator})
        key = " ".join(text.casefold().split())
        for category in categories:
            if " ".join(category.name.casefold().split()) == key:
                instance.category = category
                return
        names = listing(f"“{category.name}”" for category in categories)
        raise ValueError(NOT_A_CATEGORY % {"value": text, "indicator": instance.indicator, "categories": names})

    @staticmethod
    def _check_number(instance, number):
        if number is None or instance.indicator_id is None:
            return
        indicator = instance.indicator
        if number < 0 and indicator.unit != Unit.MONEY:
            raise ValueError(NEGATIVE % {"indicator": indicator})
        if indicator.unit == Unit.PERCENTAGE and number > 100:
            raise ValueError(OVER_100 % {"indicator": indicator, "value": f"{number.normalize():f}"})

    # The record a row without an ID updates: the value already there for its indicator, borough, period and
    # category.

    def get_instance(self, instance_loader, row):
        if cell_text(row.get("ID")):
            return super().get_instance(instance_loader, row)
        try:
            indicator = self.fields["indicator"].clean(row)
            borough = self.fields["borough"].clean(row)
            kind, start = self.fields["period"].clean(row)
        except (ValueError, TypeError, KeyError):
            return None  # the cells' own checks report it
        category = None
        text = cell_text(row.get("Category"))
        if text:
            key = " ".join(text.casefold().split())
            category = next(
                (c for c in self._categories_of(indicator) if " ".join(c.name.casefold().split()) == key), None
            )
            if category is None:
                return None
        return (
            Observation.objects.filter(
                indicator=indicator, borough=borough, period_kind=kind, period_start=start, category=category
            )
            .order_by()
            .first()
        )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # A cell this import could not read says so once: the model's own rules would add that the field is
        # missing (a category that was not found leaves the row without one), which says nothing new.
        errors = dict(import_validation_errors or {})
        own = {attribute: ValidationError(messages).messages for attribute, messages in errors.items()}
        own = {self._column_of(attribute): messages for attribute, messages in own.items()}
        if "period_start" in errors:
            errors.setdefault("period_kind", [])  # read from the same cell
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            keyed = error.message_dict
            keyed.update({column: messages for column, messages in own.items() if column in keyed})
            raise ValidationError(keyed) from None

    def _column_of(self, attribute):
        return next((f.column_name for f in self.fields.values() if f.attribute == attribute), attribute)

    def once_in_file(self, instance):
        if not (instance.indicator_id and instance.borough_id and instance.period_start):
            return None
        key = (instance.indicator_id, instance.borough_id, instance.period_kind, instance.period_start)
        return (
            "period_start",
            (*key, instance.category_id),
            ROW_TWICE,
            {},
        )

    # Export.

    def dehydrate_period(self, observation):
        return period_cell(observation.period_kind, observation.period_start)
