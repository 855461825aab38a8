"""The data set's spreadsheet: observations in and out as CSV or Excel, on the shared framework (lscp/spreadsheets,
docs/imports.md "Observations (the data set)").

A row is one value: an indicator (by its name), a borough (by its code), a period (2022/23 · Q4 2022/23 · March
2023 · 31/03/2023), a category where the indicator has them, the value and the London and England comparators.
A row without an ID whose indicator, borough, period and category already have a value **updates** that value
(a re-import of a quarter replaces its figures rather than adding a second set); the same four twice in one file
are refused. As every import here: each row checked, nothing imported if any row fails, problems by row.
"""

import contextlib
import copy
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import connection
from import_export import widgets
from simple_history.utils import bulk_create_with_history

from lscp.financial_year import FinancialYear
from lscp.spreadsheets import ByKey, Column, Day, SpreadsheetResource, cell_text, listing
from partnership.models import LocalAuthority
from partnership.resources import BoroughCode

from .models import (
    OBSERVATION_HAS_NO_CATEGORIES,
    OBSERVATION_TWICE,
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

    def __init__(self, model, key, missing, *, fallback=None, prefetch=()):
        super().__init__(model, key, missing)
        self.fallback = fallback
        self.prefetch = prefetch
        self.cache = None

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        matches = self._read().get(text.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        return (self.fallback or super()).clean(value, row, **kwargs)

    def _read(self):
        if self.cache is None:
            self.cache = {}
            for record in self.model._default_manager.prefetch_related(*self.prefetch):
                self.cache.setdefault(getattr(record, self.key).casefold(), []).append(record)
        return self.cache

    def clean_all(self):
        """Every record of the table (read once, as the cells are)."""
        return [record for records in self._read().values() for record in records]

    def missing_message(self, text):
        return self.fallback.missing_message(text) if self.fallback else super().missing_message(text)


UPDATED_FIELDS = (
    "indicator",
    "borough",
    "period_kind",
    "period_start",
    "period_end",
    "category",
    "value",
    "london",
    "england",
)

_UPDATED_ATTNAMES = tuple(Observation._meta.get_field(name).attname for name in UPDATED_FIELDS)


def _update_rows(observations):
    """Writes the observations' fields back in one statement. Django's bulk_update builds a CASE per column with a
    branch per row, which PostgreSQL evaluates row by row (thousands of rows take minutes); on PostgreSQL this is
    an UPDATE … FROM (VALUES …) instead. Elsewhere (the demo's SQLite, small files) bulk_update does."""
    if connection.vendor != "postgresql":
        Observation.objects.bulk_update(observations, UPDATED_FIELDS)
        return
    fields = [Observation._meta.get_field(name) for name in UPDATED_FIELDS]
    columns = ["id", *(field.column for field in fields)]
    assignments = ", ".join(
        f"{connection.ops.quote_name(field.column)} = v.{connection.ops.quote_name(field.column)}::"
        f"{field.db_type(connection)}"
        for field in fields
    )
    rows = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(observations))
    params = [
        value
        for observation in observations
        for value in (observation.pk, *(getattr(observation, field.attname) for field in fields))
    ]
    table = connection.ops.quote_name(Observation._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS o SET {assignments} FROM (VALUES {rows}) AS v({names}) WHERE o.id = v.id::bigint",
            params,
        )


class ObservationResource(SpreadsheetResource):
    indicator = Column(
        "indicator",
        "Indicator",
        Cached(Indicator, "name", NO_SUCH_INDICATOR, prefetch=["categories"]),
        required=True,
    )
    borough = Column(
        "borough", "Borough code", Cached(LocalAuthority, "code", "", fallback=BoroughCode()), required=True
    )
    period = Column("period_start", "Period", Period(), required=True)
    category = Column("category", "Category", CategoryName())
    value = Column("value", "Value", Number(), required=True)
    london = Column("london", "London", Number())
    england = Column("england", "England", Number())

    export_select_related = ("indicator", "borough", "category")

    # A quarter's data set for every borough is tens of thousands of rows (issue 12: 50,000 in under 30 s,
    # benchmarks/observations.py). So nothing is asked of the database row by row: the values already there for
    # the file's indicators and periods are loaded once (`_existing`), each row is checked against them and against
    # the rows above it in Python, and the rows are written in batches, each with its history row. The model's
    # unique constraint is checked here for that reason (`validate_constraints` off); the database still enforces
    # it. All or nothing as before: every row is checked, and the one transaction is rolled back if any failed.
    validate_constraints = False
    refuse_formulas = True  # a figure must be the figure, not what a formula last worked out
    checked_links = ("indicator", "borough", "category")

    class Meta(SpreadsheetResource.Meta):
        model = Observation
        name = "Observations (the data set)"
        fields = ("id", "indicator", "borough", "period", "category", "value", "london", "england")
        use_bulk = True
        batch_size = 1000

    def __init__(self, *, show_changes=True, **kwargs):
        """show_changes=False (the data set page, which has no preview) leaves out each row's before-and-after
        comparison that the admin's preview shows: a deep copy and an HTML diff per row, most of a large import's
        time. Unchanged rows are skipped either way (`skip_row`)."""
        super().__init__(**kwargs)
        if not show_changes:
            self._meta = copy.copy(self._meta)
            self._meta.skip_diff = True

    def before_import(self, dataset, **kwargs):
        for field in (self.fields["indicator"], self.fields["borough"]):
            field.widget.cache = None
        self._categories = None
        self._existing = self._load_existing(dataset)
        return super().before_import(dataset, **kwargs)

    def _load_existing(self, dataset):
        """The values already recorded for the file's indicators and periods, by (indicator, borough, period kind,
        period start, category) ids, in one query. Cells that cannot be read are left to the rows' own checks."""
        names, starts = set(), set()
        for row in dataset.dict:
            names.add(cell_text(row.get("Indicator")).casefold())
            with contextlib.suppress(ValueError, TypeError):
                starts.add(parse_period(row.get("Period"))[1])
        indicators = [
            indicator for indicator in self.fields["indicator"].widget.clean_all() if indicator.name.casefold() in names
        ]
        existing, self._stored = {}, {}
        found = Observation.objects.filter(indicator__in=indicators, period_start__in=starts)
        if not self._meta.skip_diff:
            # The preview's comparison shows the record's links as they were; the rows set their own otherwise.
            found = found.select_related("indicator", "borough", "category")
        for observation in found.order_by():
            existing[self._key_of(observation)] = observation
            self._stored[observation.pk] = self._values_of(observation)
        return existing

    @staticmethod
    def _values_of(observation):
        return tuple(getattr(observation, attname) for attname in _UPDATED_ATTNAMES)

    @staticmethod
    def _key_of(observation):
        return (
            observation.indicator_id,
            observation.borough_id,
            observation.period_kind,
            observation.period_start,
            observation.category_id,
        )

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
            instance = super().get_instance(instance_loader, row)
            self._stored.setdefault(instance.pk, self._values_of(instance))
            return instance
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
        key = (indicator.pk, borough.pk, kind, start, category.pk if category else None)
        return self._existing.get(key)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # The unique constraint, against the values already recorded (the rows above are `once_in_file`'s): only a
        # row with an ID can run into one, by giving its record the indicator, borough, period and category of
        # another.
        if instance.indicator_id and instance.borough_id and instance.period_start:
            other = self._existing.get(self._key_of(instance))
            if other is not None and other.pk != instance.pk:
                raise ValidationError({"period_start": OBSERVATION_TWICE})

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """A row that changes nothing in a value already recorded is skipped (with or without the preview's
        comparison, which the default needs), unless the same value was on a row above: that one is refused."""
        if import_validation_errors or instance.pk is None or instance.pk not in self._stored:
            return False
        if self._values_of(instance) != self._stored[instance.pk]:
            return False
        once = self.once_in_file(instance)
        if once is not None:
            attribute, key, _message, _params = once
            if self._first_row_with.setdefault((attribute, key), self._row_number) != self._row_number:
                return False
        return True

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

    # Writing: in batches, each record with its history row as a save would add (under the importing user).

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.create_instances and (using_transactions or not dry_run):
            try:
                bulk_create_with_history(self.create_instances, Observation, batch_size=batch_size)
            except Exception as error:  # noqa: BLE001 - reported as the file's problem, and the import rolled back
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                for start in range(0, len(self.update_instances), self._meta.batch_size):
                    _update_rows(self.update_instances[start : start + self._meta.batch_size])
                Observation.history.bulk_history_create(self.update_instances, batch_size=batch_size, update=True)
            except Exception as error:  # noqa: BLE001 - as above
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()

    def get_bulk_update_fields(self):
        return list(UPDATED_FIELDS)

    # Export.

    def dehydrate_period(self, observation):
        return period_cell(observation.period_kind, observation.period_start)
