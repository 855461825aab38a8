"""Dates in the words pages and messages use: "3 December 2026" (the templates' `date:"j F Y"`), never "03 Dec 2026".

For the Python side (validation messages, record names in the admin), where an f-string's `%d` would pad the day.
"""

from datetime import datetime

from django.utils import timezone


def long_date(value, *, with_time=False):
    """`date(2026, 12, 3)` → "3 December 2026"; a datetime in the site's time zone, with "H:MM" if `with_time`."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if with_time:
            return f"{value.day} {value:%B %Y %H:%M}"
    return f"{value.day} {value:%B %Y}"
