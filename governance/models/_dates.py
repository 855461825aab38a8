"""A check the governance records share: dates of things that have already happened."""

from django.utils import timezone

DATE_IN_FUTURE = "This date has not come yet."


def not_in_future(errors, field, value):
    if value and value > timezone.localdate():
        errors[field] = DATE_IN_FUTURE
