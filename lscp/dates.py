"""Dates in the partnership's records: how pages and messages write them, and the range a record's date may take.

Written: "3 December 2026" (the templates' `date:"j F Y"`; `long_date` for the Python side, validation messages
and record names in the admin, where an f-string's `%d` would pad the day), never "03 Dec 2026".

The range: one place for every form, the admin and every import.

A record's date lies between 1 January of `EARLIEST_RECORD_YEAR` (the partnership's earliest records; 1990 by
default) and 31 December of the year `LATEST_YEARS_AHEAD` years from now (5 by default): a due date or a planned
meeting may be a few years ahead, never 9999. A date of something that has already happened (an incident, a
notification, a meeting's register, a completion, evidence) is "past only": it cannot be after today.

The rule is a model field validator (`record_date`, `past_date`), so a ModelForm and the admin check it through
`full_clean`, and services with their `full_clean()` before `save()`; the spreadsheet imports check each cell
with `check_day` (the `Day` widget), so a file with one such date imports nothing and names its row. The forms'
date boxes carry the range as `min` and `max` (`DateInput`, `date_field`).

Pages do not trust what is stored, though: a date may have come in before the rule, or straight into the database.
What a page works out from a date (a financial year, a quarter, a deadline in working days) goes through the helpers
that cannot fail on any date (`lscp.financial_year`, `lscp.working_days`, `clamped`).
"""

from datetime import date, datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.deconstruct import deconstructible
from django.utils.text import capfirst

DATE_OUT_OF_RANGE = "Give a date between %(earliest)s and %(latest)s."
DATE_BEFORE_RECORDS = "Give a date between %(earliest)s and today."
DATE_IN_FUTURE = "This date has not come yet."
# A date that must not come before another of the same record's: named as its box is labelled on the form.
DATE_BEFORE = "This date cannot be before “%(other)s”, %(date)s."


def earliest():
    """The first day a record may be dated: 1 January of EARLIEST_RECORD_YEAR."""
    return date(settings.EARLIEST_RECORD_YEAR, 1, 1)


def latest():
    """The last day a record may be dated: 31 December, LATEST_YEARS_AHEAD years from this year."""
    return date(timezone.localdate().year + settings.LATEST_YEARS_AHEAD, 12, 31)


def spoken(day):
    """A date as the pages say it: "1 January 1990"."""
    return format_date(day, "j F Y")


def long_date(value, *, with_time=False):
    """`date(2026, 12, 3)` → "3 December 2026"; a datetime in the site's time zone, with "H:MM" if `with_time`."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if with_time:
            return f"{value.day} {value:%B %Y %H:%M}"
    return f"{value.day} {value:%B %Y}"


def as_day(value):
    """The day of a date or a datetime (an aware one in the project's time zone); None if it has none there."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            try:
                value = timezone.localtime(value)
            except (OverflowError, ValueError):  # the first or last moments datetime can hold, moved out of range
                return None
        return value.date()
    return value


def check_day(value, *, past=False, future_message=DATE_IN_FUTURE):
    """The message for a date outside the records' range (or after today, when `past`), or None when it fits."""
    day = as_day(value)
    if day is None:
        return DATE_OUT_OF_RANGE % {"earliest": spoken(earliest()), "latest": spoken(latest())}
    if past:
        if day < earliest():
            return DATE_BEFORE_RECORDS % {"earliest": spoken(earliest())}
        if day > timezone.localdate():
            return future_message
        return None
    if not earliest() <= day <= latest():
        return DATE_OUT_OF_RANGE % {"earliest": spoken(earliest()), "latest": spoken(latest())}
    return None


@deconstructible
class RecordDateValidator:
    """A model or form field's validator: the date lies in the records' range (and, when `past`, not after today).
    It reads the settings and today's date when it checks, so the range moves on with the calendar while the
    migrations that carry it stay the same."""

    def __init__(self, past=False, future_message=DATE_IN_FUTURE):
        self.past = past
        self.future_message = future_message

    def __call__(self, value):
        if value is None:
            return
        message = check_day(value, past=self.past, future_message=self.future_message)
        if message:
            raise ValidationError(message, code="date_in_future" if message == self.future_message else "date_range")

    def __eq__(self, other):
        return (
            isinstance(other, RecordDateValidator)
            and self.past == other.past
            and self.future_message == other.future_message
        )


def record_date():
    """The validators of a date that may be a few years ahead (a due date, a planned meeting, a target)."""
    return [RecordDateValidator()]


def past_date(future_message=DATE_IN_FUTURE):
    """The validators of the date of something that has happened (an incident, a notification, a completion)."""
    return [RecordDateValidator(past=True, future_message=future_message)]


def clamped(day):
    """The day, moved into the records' range if it lies outside it: for pages that work something out from a
    stored date (a list of years, a financial year), so that a date typed before the rule cannot break them."""
    day = as_day(day)
    if day is None:
        return None
    return min(max(day, earliest()), latest())


class DateInput(forms.DateInput):
    """The browser's date box, ISO-formatted, with the records' range as its `min` and `max` (`past`: up to today),
    worked out when the page is drawn."""

    input_type = "date"

    def __init__(self, attrs=None, *, past=False):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
        self.past = past

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.setdefault("min", earliest().isoformat())
        widget_attrs.setdefault("max", (timezone.localdate() if self.past else latest()).isoformat())
        return context


def date_field(*, past=False, future_message=DATE_IN_FUTURE, **kwargs):
    """A form's date: the browser's date box with the range as min and max, and the range checked on the server."""
    validators = past_date(future_message) if past else record_date()
    return forms.DateField(
        widget=DateInput(past=past), validators=[*validators, *kwargs.pop("validators", [])], **kwargs
    )


def not_before(errors, obj, field, earlier_field):
    """Adds to `errors` (a dict by field) that `field` may not be before `earlier_field`, naming that date by its
    form label; either may be empty."""
    value, earlier = getattr(obj, field), getattr(obj, earlier_field)
    if value and earlier and value < earlier:
        label = capfirst(obj._meta.get_field(earlier_field).verbose_name)
        errors.setdefault(field, DATE_BEFORE % {"other": label, "date": long_date(earlier)})
