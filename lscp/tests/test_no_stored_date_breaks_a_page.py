"""No stored date may break a page. Forms, the admin and imports keep new dates within the partnership's range, but a
date may have come in before that rule, or straight into the database: every date and time of every record of the
demo is moved to the very edge of what the database and Python can hold (1 January of year 1, or 31 December 9999),
bypassing every check, and every page each role may open, and every admin list and record page, still opens without
a server error.

Dates are moved with one UPDATE a table, each row a day further from the edge than the one before (so that a date
that must be unique stays so); a row's dates all take its one value (so that its dates stay in order), an open end
(an empty date) stays open, and a session's end stays an hour after its start. Times are the partnership's local
times (midnight on 1 January of year 1 in London, as a person would type it): the first instants of year 1 in UTC
have no local time at all in London, whose clocks then ran 75 seconds behind. At the last edge the memberships still
start at the first, so that the roles (a body's current chairs and members) still hold and the chairs' and partners'
pages are drawn with the dates, not refused.
"""

import contextlib
from datetime import date, datetime, timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection, models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lscp.access import registered_pages
from lscp.financial_year import FinancialYear
from lscp.testing import ClientsByRole
from lscp.working_days import add_working_days, is_working_day, working_days_between

APPS = ("partnership", "governance", "reviews", "training", "audits", "reports")
DEMO_ROLES = ("manager", "chair", "partner", "delegate")


def _dated_columns(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField) and not field.primary_key  # DateTimeField is a DateField
    ]


def _move_dates_to_the_edge(edge):
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if model._meta.app_label not in APPS or model._meta.proxy or not model._meta.managed:
                continue
            fields = _dated_columns(model)
            if not fields:
                continue
            table, pk = model._meta.db_table, model._meta.pk.column
            assignments = []
            for field in fields:
                at_first = edge == "first" or (model._meta.model_name == "membership" and field.name == "start")
                day = "(DATE '0001-01-01' + n)" if at_first else "(DATE '9999-12-31' - n)"
                value = day
                if isinstance(field, models.DateTimeField):
                    hour = "00:00" if at_first else "22:00"
                    if field.name == "ends_at":
                        hour = "01:00" if at_first else "23:00"
                    value = f"(({day})::timestamp + TIME '{hour}') AT TIME ZONE '{settings.TIME_ZONE}'"
                column = connection.ops.quote_name(field.column)
                assignments.append(f"{column} = CASE WHEN {column} IS NULL THEN NULL ELSE {value} END")
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"UPDATE {quoted} SET {', '.join(assignments)} FROM "
                f"(SELECT {pk} AS row_id, (row_number() OVER (ORDER BY {pk}))::int - 1 AS n FROM {quoted}) numbered "
                f"WHERE {quoted}.{connection.ops.quote_name(pk)} = numbered.row_id"
            )


def _pages():
    """(url, roles to open it as) of every page opened by GET, with the demo's example records: a page without
    arguments (a list, a dashboard, a home page) as each demo role it lets in, as each draws its own; a record's page
    as the first of them (the business manager where they may), to keep the run short."""
    found = []
    for name, pages in sorted(registered_pages().items()):
        for page in pages:
            if page.method != "get":
                continue
            kwargs = page.kwargs()
            if any(value is None for value in kwargs.values()):
                continue
            roles = [role for role in DEMO_ROLES if role in page.allowed]
            found.append((reverse(name, kwargs=kwargs), roles if not kwargs else roles[:1]))
    return found


def _admin_pages(first_pks):
    found = []
    for model in admin.site._registry:
        if model._meta.app_label not in APPS:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        found.append(reverse(f"{prefix}_changelist"))
        pk = first_pks.get(model)
        if pk is not None:
            for view in ("change", "history"):
                with contextlib.suppress(NoReverseMatch):  # a list without record pages
                    found.append(reverse(f"{prefix}_{view}", args=[pk]))
    return found


@pytest.mark.parametrize("edge", ["first", "last"])
def test_every_page_opens_with_every_date_at_the_edge_of_time(demo, edge):
    pages = _pages()
    first_pks = {
        model: model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        for model in admin.site._registry
        if model._meta.app_label in APPS
    }
    _move_dates_to_the_edge(edge)
    clients = ClientsByRole(
        {role: User.objects.get(username=role) for role in DEMO_ROLES}, raise_request_exception=False
    )
    failures, checked = [], 0

    def check(url, role):
        nonlocal checked
        response = clients.request(role, "get", url)
        checked += 1
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            failures.append(f"{url} as {role}: {response.status_code}" + (f" {error[1]!r}" if error else ""))

    for url, roles in pages:
        for role in roles:
            check(url, role)
    for url in _admin_pages(first_pks):
        check(url, "manager")
    assert not failures, f"{len(failures)} of {checked} pages broke:\n" + "\n".join(failures)
    assert checked > 200


# What the pages work out from a date answers for any date.


def test_the_working_day_calendar_answers_at_the_edges_of_time():
    assert add_working_days(date.max, 5) == date.max
    assert add_working_days(date(9999, 12, 29), 5) == date.max
    assert add_working_days(date.min, -5) == date.min
    assert add_working_days(date(1, 1, 1), 5) == date(1, 1, 8)  # Monday 1 January of year 1: no bank holidays known
    assert is_working_day(date(9999, 12, 31))  # a Friday
    # Counted, not walked: every weekday of the ten thousand years, less the bank holidays the calendar knows.
    weekdays = 5 * ((date.max - date.min).days // 7) + 4  # 1 January of year 1 is a Monday, 31 December 9999 a Friday
    known = date(1990, 1, 1), date(timezone.localdate().year + 5, 12, 31)
    holidays = sum(
        1
        for n in range((known[1] - known[0]).days + 1)
        if (day := known[0] + timedelta(days=n)).weekday() < 5 and not is_working_day(day)
    )
    assert working_days_between(date.min, date.max) == weekdays - holidays


def test_counting_working_days_gives_what_walking_them_gives():
    start = date(2022, 11, 20)
    for end in (start + timedelta(days=n) for n in range(0, 120, 3)):
        walked, day = 0, start
        while day < end:
            day += timedelta(days=1)
            walked += is_working_day(day)
        assert working_days_between(start, end) == walked, end


def test_a_stored_date_outside_the_records_range_counts_as_its_nearest_end(settings):
    settings.EARLIEST_RECORD_YEAR, settings.LATEST_YEARS_AHEAD = 1990, 5
    this_year = timezone.localdate().year
    assert FinancialYear.for_stored_date(date(1, 1, 1)) == FinancialYear(1989)  # 1 January 1990 is in 1989/90
    assert FinancialYear.for_stored_date(date(9999, 12, 31)) == FinancialYear(this_year + 5)
    tz = timezone.get_current_timezone()
    assert FinancialYear.for_stored_date(datetime(1, 1, 1, tzinfo=tz)) == FinancialYear(1989)
    assert FinancialYear.for_stored_date(date(2023, 3, 31)) == FinancialYear(2022)
