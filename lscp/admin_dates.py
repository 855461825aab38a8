"""The admin's lists answer any date filter in their address without a server error.

Django's date links on a list (`date_hierarchy`) turn `?starts_at__year=9999` into "from 1 January 9999 to 1 January
10000", which no calendar can hold: the list answered 500 (Django catches a year it cannot read, not one it cannot
add to). Every list's ChangeList here takes such a year, month or day, and any number too large for a date, as the
filter it cannot use that it is: back to the whole list (Django's `?e=1`), as for any other junk in the address.

It is installed for every ModelAdmin, third-party ones included (the sign-in attempts of django-axes have date links
too), by `LscpConfig.ready()`, rather than as a mixin each admin must remember.
"""

from django.contrib.admin.options import IncorrectLookupParameters, ModelAdmin
from django.contrib.admin.views.main import ChangeList


class DateSafeChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:  # a date the filter cannot bound: 9999's end, a huge year
            raise IncorrectLookupParameters(error) from error


_django_get_changelist = ModelAdmin.get_changelist


def _get_changelist(self, request, **kwargs):
    changelist = _django_get_changelist(self, request, **kwargs)
    if changelist is ChangeList:
        return DateSafeChangeList
    return changelist


def install():
    ModelAdmin.get_changelist = _get_changelist
