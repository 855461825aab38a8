"""The admin's lists and their dates: any date filter in their address answers without a server error, and the date
links' years are read without reading every row.

Django's date links on a list (`date_hierarchy`) turn `?starts_at__year=9999` into "from 1 January 9999 to 1 January
10000", which no calendar can hold: the list answered 500 (Django catches a year it cannot read, not one it cannot
add to). Every list's ChangeList here takes such a year, month or day, and any number too large for a date, as the
filter it cannot use that it is: back to the whole list (Django's `?e=1`), as for any other junk in the address.

Every ModelAdmin's list, third-party ones included (the sign-in attempts of django-axes have date links too), is a
`DateSafeChangeList` (through lscp/admin_lists.py's `AdminList`, installed by `LscpConfig.ready()`), rather than a
mixin each admin must remember.

The years a list's date links offer (`years_to_choose`, drawn by `templates/admin/change_list.html`) are every year
from the list's first date to its last, which Django reads anyway (two looks in the date's index). Django asks the
database besides for every distinct year of every row (`SELECT DISTINCT DATE_TRUNC('year', ...)`), which reads the
whole table and converts each time to the local time zone: 12–17 ms for ten years of actions or training sessions
(20,000), at every opening of the list. Asking year by year instead was no cheaper: ten small questions cost as much
in building them. A year between with no records (rare: the partnership works every year) shows an empty list.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.templatetags.admin_list import date_hierarchy as djangos_date_links
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.utils import timezone


class DateSafeChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:  # a date the filter cannot bound: 9999's end, a huge year
            raise IncorrectLookupParameters(error) from error


def years_to_choose(cl):
    """What Django's `date_hierarchy` tag gives the list's date links, with the years of an undrilled list every year
    from its first date to its last (see the module's note). A list already narrowed to a year, month or day, a list
    whose dates all fall in one year (Django then offers its months) and an empty one are Django's own."""
    field_name = cl.date_hierarchy
    drilled = any(f"{field_name}__{part}" in cl.params for part in ("year", "month", "day"))
    if drilled:
        return djangos_date_links(cl)
    field = get_fields_from_path(cl.model, field_name)[-1]
    dates = cl.queryset.aggregate(first=models.Min(field_name), last=models.Max(field_name))
    first, last = dates["first"], dates["last"]
    if first is None or last is None:
        return djangos_date_links(cl)
    if isinstance(field, models.DateTimeField) and timezone.is_aware(first):
        first, last = timezone.localtime(first), timezone.localtime(last)
    if first.year == last.year:
        return djangos_date_links(cl)
    return {
        "show": True,
        "back": None,
        "choices": [
            {"link": cl.get_query_string({f"{field_name}__year": str(year)}, [f"{field_name}__"]), "title": str(year)}
            for year in range(first.year, last.year + 1)
        ],
    }
