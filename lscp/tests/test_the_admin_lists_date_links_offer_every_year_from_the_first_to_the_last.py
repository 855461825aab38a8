"""A list's date links (Django's date hierarchy) offer every year from the list's first date to its last, read from
those two dates alone, not from a question over every row's year (lscp/admin_dates.py). Narrowed to a year, or with
every date in one year, the links are Django's own months."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import Action
from governance.tests.factories import ActionFactory
from lscp.admin_dates import djangos_date_links, years_to_choose
from training.models import CourseSession
from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


def changelist(model, manager, **params):
    request = RequestFactory().get("/", params)
    request.user = manager
    return admin.site._registry[model].get_changelist_instance(request)


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def session_at(when):
    return CourseSessionFactory(starts_at=when, ends_at=when + datetime.timedelta(hours=1))


def titles(links):
    return [choice["title"] for choice in links["choices"]]


def test_the_years_of_sessions_run_from_the_first_to_the_last_with_no_question_over_every_row(manager):
    for when in (at(2019, 1, 1, 0), at(2021, 6, 1), at(2021, 12, 31, 23), at(2024, 3, 3)):
        session_at(when)
    cl = changelist(CourseSession, manager)
    with CaptureQueriesContext(connection) as queries:
        links = years_to_choose(cl)
    assert titles(links) == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert len(queries) == 1, "the first and last dates, nothing else"
    assert not [q for q in queries if "DATE_TRUNC" in q["sql"].upper() or "DISTINCT" in q["sql"].upper()]


def test_with_records_in_every_year_the_links_are_djangos_own(manager):
    for due in (datetime.date(2018, 12, 31), datetime.date(2019, 7, 1), datetime.date(2020, 1, 1)):
        ActionFactory(due_date=due)
    links = years_to_choose(changelist(Action, manager))
    assert titles(links) == ["2018", "2019", "2020"]
    assert links == djangos_date_links(changelist(Action, manager))
    for when in (at(2020, 12, 31, 23), at(2021, 1, 1, 0)):
        session_at(when)
    links = years_to_choose(changelist(CourseSession, manager))
    assert titles(links) == ["2020", "2021"]
    assert links == djangos_date_links(changelist(CourseSession, manager))


def test_a_list_narrowed_by_a_search_offers_the_years_of_its_own_rows(manager):
    ActionFactory(due_date=datetime.date(2016, 4, 1), title="Another")
    ActionFactory(due_date=datetime.date(2019, 4, 1), title="Kept in view")
    ActionFactory(due_date=datetime.date(2021, 4, 1), title="Kept in view again")
    ActionFactory(due_date=datetime.date(2023, 4, 1), title="Another still")
    links = years_to_choose(changelist(Action, manager, q="Kept in view"))
    assert titles(links) == ["2019", "2020", "2021"]


def test_a_year_chosen_or_a_single_year_shows_djangos_months(manager):
    for when in (at(2021, 2, 1), at(2021, 7, 1), at(2023, 7, 1)):
        session_at(when)
    chosen = years_to_choose(changelist(CourseSession, manager, starts_at__year="2021"))
    assert titles(chosen) == ["February 2021", "July 2021"]
    CourseSession.objects.filter(starts_at__year=2023).delete()
    single = years_to_choose(changelist(CourseSession, manager))
    assert titles(single) == ["February 2021", "July 2021"]
    assert single == djangos_date_links(changelist(CourseSession, manager))


def test_the_list_page_links_each_year_without_reading_every_rows_year(client, manager):
    for when in (at(2019, 5, 1), at(2021, 5, 1)):
        session_at(when)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("admin:training_coursesession_changelist")).content.decode()
    assert not [q for q in queries if "DATE_TRUNC" in q["sql"].upper()], "the years read over every row"
    assert all(f"?starts_at__year={year}" in page for year in (2019, 2020, 2021))
    assert "?starts_at__year=2018" not in page and "?starts_at__year=2022" not in page
