"""One working-day calendar for every deadline: Monday to Friday, less England and Wales bank holidays.

It answers for any date a record can hold, even one stored before the range rule of lscp.dates (year 1, 9999): a
deadline that would fall past the calendar's last day is its last day (31 December 9999), and one before its first
day its first; the working days between two dates are counted, not walked, so two dates thousands of years apart
cost no more than two a week apart. Bank holidays are those of the `holidays` package, which knows none in year 1 or
9999; they are looked up for the years the records may hold only, where they matter.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.db import models


@lru_cache(maxsize=64)
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day, count):
    """The date `count` working days after `day` (before it when negative); the calendar's last (or first) day when
    that would fall beyond it."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    while remaining:
        try:
            day += timedelta(days=step)
        except OverflowError:
            return date.max if step > 0 else date.min
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start, end):
    """Working days after `start` up to and including `end` (0 when end is not after start)."""
    if end <= start:
        return 0
    weeks, extra = divmod((end - start).days, 7)
    count = weeks * 5 + sum(1 for offset in range(1, extra + 1) if (start.weekday() + offset) % 7 < 5)
    from .dates import earliest, latest

    for year in range(max(start.year, earliest().year), min(end.year, latest().year) + 1):
        count -= sum(1 for holiday in _bank_holidays(year) if start < holiday <= end and holiday.weekday() < 5)
    return count


class DueDateReminderKind(models.TextChoices):
    """The reminders a part with a due date gets, each once: the kinds `due_date_reminder` gives."""

    BEFORE = "before", "Before the due date"
    ON = "on", "On the due date"
    OVERDUE = "overdue", "Overdue"


def due_date_reminder(due_on, *, today, working_days):
    """The reminder a part due on `due_on` gets today: "overdue" after the day, "on" on it, "before" within
    `working_days` working days before it, else None. Shared by every "each once" contribution reminder (the annual
    report's chapters, the agencies' statements). A day the job did not run is not made up: the next run sends the
    kind that applies then (an "on" missed becomes the "overdue")."""
    if today > due_on:
        return DueDateReminderKind.OVERDUE
    if today == due_on:
        return DueDateReminderKind.ON
    if working_days_between(today, due_on) <= working_days:
        return DueDateReminderKind.BEFORE
    return None
