"""The financial year (1 April to 31 March), written "2022/23", that every report covers."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

_PATTERN = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")

FIRST_YEAR, LAST_YEAR = 1900, 2999
INVALID_FINANCIAL_YEAR = "Enter a financial year like 2022/23 (1 April 2022 to 31 March 2023)."


@dataclass(frozen=True, order=True)
class FinancialYear:
    start_year: int

    def __post_init__(self):
        if not FIRST_YEAR <= self.start_year <= LAST_YEAR:
            raise ValueError(INVALID_FINANCIAL_YEAR)

    @classmethod
    def parse(cls, text):
        """Read "2022/23", "2022-23" or "2022/2023"; raise ValueError with a usable message otherwise."""
        if isinstance(text, FinancialYear):
            return text
        match = _PATTERN.match(str(text))
        if not match:
            raise ValueError(INVALID_FINANCIAL_YEAR)
        start, end = int(match.group(1)), match.group(2)
        expected = (start + 1) % 100 if len(end) == 2 else start + 1
        if int(end) != expected:
            raise ValueError(INVALID_FINANCIAL_YEAR)
        return cls(start)

    @classmethod
    def for_date(cls, day):
        if isinstance(day, datetime):
            day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def for_stored_date(cls, day):
        """The financial year of a date read from the database, which may be any date at all (one stored before the
        range rule of lscp.dates, or straight into the database): a date before the records' range counts as its
        first day, one after it as its last, so that a page listing years from the records never fails or lists
        ten thousand of them. `for_date` is for dates known to be sensible (today, a checked form's)."""
        from .dates import clamped

        return cls.for_date(clamped(day))

    @classmethod
    def current(cls):
        return cls.for_date(timezone.localdate())

    @property
    def start(self):
        return date(self.start_year, 4, 1)

    @property
    def end(self):
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self):
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def slug(self):
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def datetime_range(self):
        """Aware datetimes [start, next start) in the project's time zone, for filtering DateTimeFields."""
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(date(self.start_year + 1, 4, 1), time.min, tzinfo=tz),
        )

    def __contains__(self, day):
        return self.start <= day <= self.end

    @property
    def previous(self):
        """The year before, or None at the edge of the years the product handles."""
        return FinancialYear(self.start_year - 1) if self.start_year > FIRST_YEAR else None

    @property
    def next(self):
        """The year after, or None at the edge of the years the product handles."""
        return FinancialYear(self.start_year + 1) if self.start_year < LAST_YEAR else None

    def __str__(self):
        return self.label


class FinancialYearConverter:
    """URL converter: /attendance/2022-23/ → FinancialYear(2022)."""

    regex = r"\d{4}-\d{2}"

    def to_python(self, value):
        return FinancialYear.parse(value)

    def to_url(self, value):
        return FinancialYear.parse(value).slug


class FinancialYearFormField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "For example 2022/23.")
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", 9)

    def prepare_value(self, value):
        if isinstance(value, FinancialYear):
            return value.label
        if isinstance(value, int):
            return FinancialYear(value).label
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return FinancialYear.parse(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error


class FinancialYearField(models.PositiveSmallIntegerField):
    """Stores the year a financial year starts in (2022 for 2022/23); gives back a FinancialYear."""

    description = "Financial year (1 April to 31 March)"

    @cached_property
    def validators(self):
        # The integer range checks of the parent compare numbers; FinancialYear checks its own range.
        return list(self._validators)

    def from_db_value(self, value, expression, connection):
        return None if value is None else FinancialYear(value)

    def to_python(self, value):
        if value is None or isinstance(value, FinancialYear):
            return value
        if isinstance(value, int):
            return FinancialYear(value)
        try:
            return FinancialYear.parse(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error

    def get_prep_value(self, value):
        if value is None:
            return None
        if isinstance(value, FinancialYear):
            return value.start_year
        if isinstance(value, str):
            return FinancialYear.parse(value).start_year
        return int(value)

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else value.label

    def formfield(self, **kwargs):
        return super(models.PositiveSmallIntegerField, self).formfield(
            **{"form_class": FinancialYearFormField, **kwargs}
        )
