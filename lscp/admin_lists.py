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

Installed by `LscpConfig.ready()`, like the admin's date filters (lscp/admin_dates.py), so no admin has to remember
it.

A list of a table that grows by hundreds of thousands of rows (the bookings) sets `paginator =
EstimatedCountPaginator`: opened whole, with no filter or search, it is not counted row by row (a count of 200,000
bookings read the whole table's index, 10–19 ms at every opening) but takes PostgreSQL's own estimate of the table's
rows, kept up to date by its autovacuum, rounded and said to be "about". Narrowed by a filter or a search, or with a
table below `ESTIMATED_ABOVE` rows, or on SQLite, it is counted exactly.
"""

from django.contrib.admin import helpers
from django.contrib.admin.options import ModelAdmin
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

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


def install():
    ModelAdmin.list_per_page = ROWS_A_PAGE
    ModelAdmin.action_checkbox = tick_box  # the column's head (the tick box for all rows) is Django's own
