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
"""

from django.contrib.admin import helpers
from django.contrib.admin.options import ModelAdmin
from django.utils.html import format_html
from django.utils.translation import gettext as _

ROWS_A_PAGE = 50


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
