"""The admin's lists: fifty records a page, and each row's tick box written directly. Every list, third-party ones
included.

Django draws each row of a list in Python, about a millisecond a row with a handful of columns, and shows a hundred
rows a page by default. On the lists that grow by thousands a year (bookings, actions, people, sessions, delegates)
that made the page take 150–250 ms at ten years of records, and under twenty users at once every other page waited
behind it (benchmarks/web_load.py). Fifty rows is a screenful or two; the search, the filters and the page links
find the rest. One that needs another figure sets its own `list_per_page`.

The tick box that selects a row for an action was drawn by a form widget through the template engine, once a row:
a sixth of a list page's time. It is now written as the same HTML directly (`tick_box`), the same name, value,
class and label for screen readers.

A list that nothing narrows (no filter, no search) is counted once: Django counted the whole table a second time,
for the total it shows beside a filtered count, which for such a list is the same number.

Each row's link to its record was Django reversing the record's address by name, once a row (a tenth of the
list's rows' time); `AdminList` reverses it once a list and puts each row's key in it, quoted as Django quotes it.
`AdminList` is also the admin's date-safe list (lscp/admin_dates.py).

Installed by `LscpConfig.ready()` for every ModelAdmin whose list is Django's own, so no admin has to remember it.

A list of a table that grows by hundreds of thousands of rows (the bookings) sets `paginator =
EstimatedCountPaginator`: opened whole, with no filter or search, it is not counted row by row (a count of 200,000
bookings read the whole table's index, 10–19 ms at every opening) but takes PostgreSQL's own estimate of the table's
rows, kept up to date by its autovacuum, rounded and said to be "about". Narrowed by a filter or a search, or with a
table below `ESTIMATED_ABOVE` rows, or on SQLite, it is counted exactly.
"""

from urllib.parse import quote as url_quote

from django.contrib.admin import helpers
from django.contrib.admin.options import ModelAdmin
from django.contrib.admin.utils import quote as admin_quote
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext as _

from .admin_dates import DateSafeChangeList

ROWS_A_PAGE = 50
# Tables with fewer rows are counted exactly: a count of them takes a few milliseconds.
ESTIMATED_ABOVE = 50_000


def _rounded(rows):
    """To three significant figures: 199,874 is about 200,000."""
    return round(rows, 3 - len(str(rows)))


def estimated_rows(queryset):
    """PostgreSQL's estimate of the rows of the whole table the queryset reads, or None when the queryset is narrowed
    (a filter, a search, distinct rows, groups), the database is not PostgreSQL or the table was never analysed."""
    if not isinstance(queryset, QuerySet):
        return None
    query = queryset.query
    if query.where.children or query.distinct or query.combinator or query.group_by is not None or query.is_sliced:
        return None
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        row = cursor.fetchone()
    if row is None or row[0] < 0:  # -1: never vacuumed or analysed
        return None
    return row[0]


class EstimatedCountPaginator(Paginator):
    """Django's paginator, except that the whole of a large table is counted by PostgreSQL's estimate (see the
    module's note); `estimated` says so, and the admin's page links and tick-all link say "about"."""

    estimated = False

    @cached_property
    def count(self):
        rows = estimated_rows(self.object_list)
        if rows is not None and rows > ESTIMATED_ABOVE:
            self.estimated = True
            return _rounded(rows)
        return super().count


def tick_box(model_admin, obj):
    """The row's tick box, as Django's CheckboxInput draws it for the admin's actions."""
    label = format_html(_("Select this object for an action - {}"), str(obj))
    return format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        helpers.ACTION_CHECKBOX_NAME,
        str(obj.pk),
        label,
    )


# What stands for a row's key in its list's reversed change address; no admin address holds it otherwise.
_KEY = "~key~"
# The characters reverse() leaves as they are in an address (django.urls.resolvers), the rest percent-encoded.
_LEFT_AS_THEY_ARE = RFC3986_SUBDELIMS + "/~:@"


class _WithoutSecondCount:
    """A list's model admin as its list sees it while it counts: as the model admin, except that it does not ask
    for the whole table's count beside the list's own (AdminList.get_results)."""

    show_full_result_count = False

    def __init__(self, model_admin):
        self._model_admin = model_admin

    def __getattr__(self, name):
        return getattr(self._model_admin, name)


class AdminList(DateSafeChangeList):
    """Every admin list of Django's own kind: date-safe (lscp/admin_dates.py), with its rows' links built from one
    reversed address, and counted once when nothing narrows it (see the module's note)."""

    def _narrowed(self):
        whole, shown = self.root_queryset.query, self.queryset.query
        return shown.where != whole.where or shown.distinct != whole.distinct

    def get_results(self, request):
        if not self.model_admin.show_full_result_count or self._narrowed():
            return super().get_results(request)
        # Nothing narrows the list: the whole table's count is the list's own. Django would count it twice.
        model_admin, self.model_admin = self.model_admin, _WithoutSecondCount(self.model_admin)
        try:
            super().get_results(request)
        finally:
            self.model_admin = model_admin
        self.show_full_result_count = True
        self.full_result_count = self.result_count
        self.show_admin_actions = bool(self.result_count)

    @cached_property
    def _change_address(self):
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return reverse(name, args=(_KEY,), current_app=self.model_admin.admin_site.name)

    def url_for_result(self, result):
        key = url_quote(str(admin_quote(getattr(result, self.pk_attname))), safe=_LEFT_AS_THEY_ARE)
        return self._change_address.replace(_KEY, key, 1)


_django_get_changelist = ModelAdmin.get_changelist


def _get_changelist(self, request, **kwargs):
    changelist = _django_get_changelist(self, request, **kwargs)
    return AdminList if changelist is ChangeList else changelist


def install():
    ModelAdmin.get_changelist = _get_changelist
    ModelAdmin.list_per_page = ROWS_A_PAGE
    ModelAdmin.action_checkbox = tick_box  # the column's head (the tick box for all rows) is Django's own
