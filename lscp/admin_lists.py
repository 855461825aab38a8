"""The admin's lists show fifty records a page, every list, third-party ones included.

Django draws each row of a list in Python, about a millisecond a row with a handful of columns, and shows a hundred
rows a page by default. On the lists that grow by thousands a year (bookings, actions, people, sessions, delegates)
that made the page take 150–250 ms at ten years of records, and under twenty users at once every other page waited
behind it (benchmarks/web_load.py). Fifty rows is a screenful or two; the search, the filters and the page links
find the rest. Installed by `LscpConfig.ready()`, like the admin's date filters (lscp/admin_dates.py), so no admin
has to remember it; one that needs another figure sets its own `list_per_page`.
"""

from django.contrib.admin.options import ModelAdmin

ROWS_A_PAGE = 50


def install():
    ModelAdmin.list_per_page = ROWS_A_PAGE
