"""A list's date links (Django's date hierarchy) offer the same years as Django's own, asked year by year: one small
question for each year between the first and the last instead of one that reads every row and converts each date
(lscp/admin_dates.py). Narrowed to a year, or with every date in one year, the links are Django's own."""

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
    model_admin = admin.site._registry[model]
    return model_admin.get_changelist_instance(request)


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_the_years_of_sessions_are_djangos_years_with_no_question_over_every_row(manager):
    for when in (at(2019, 1, 1, 0), at(2021, 6, 1), at(2021, 12, 31, 23), at(2024, 3, 3)):
        CourseSessionFactory(starts_at=when, ends_at=when + datetime.timedelta(hours=1))
    cl = changelist(CourseSession, manager)
    with CaptureQueriesContext(connection) as queries:
        ours = years_to_choose(cl)
    assert [choice["title"] for choice in ours["choices"]] == ["2019", "2021", "2024"]
    assert ours == djangos_date_links(changelist(CourseSession, manager))
    assert not [q for q in queries if "DATE_TRUNC" in q["sql"].upper() or "DISTINCT" in q["sql"].upper()]


def test_the_years_of_actions_by_their_due_date_are_djangos_years(manager):
    for due in (datetime.date(2018, 12, 31), datetime.date(2020, 1, 1), datetime.date(2022, 5, 5)):
        ActionFactory(due_date=due)
    ours = years_to_choose(changelist(Action, manager))
    assert [choice["title"] for choice in ours["choices"]] == ["2018", "2020", "2022"]
    assert ours == djangos_date_links(changelist(Action, manager))


def test_a_list_narrowed_by_a_filter_offers_only_the_years_its_rows_have(manager):
    ActionFactory(due_date=datetime.date(2019, 4, 1), title="Kept in view")
    ActionFactory(due_date=datetime.date(2020, 4, 1), title="Another")
    ActionFactory(due_date=datetime.date(2021, 4, 1), title="Kept in view again")
    ours = years_to_choose(changelist(Action, manager, q="Kept in view"))
    assert [choice["title"] for choice in ours["choices"]] == ["2019", "2021"]
    assert ours == djangos_date_links(changelist(Action, manager, q="Kept in view"))


def test_a_year_chosen_or_a_single_year_shows_djangos_months(manager):
    for when in (at(2021, 2, 1), at(2021, 7, 1), at(2023, 7, 1)):
        CourseSessionFactory(starts_at=when, ends_at=when + datetime.timedelta(hours=1))
    chosen = years_to_choose(changelist(CourseSession, manager, starts_at__year="2021"))
    assert [choice["title"] for choice in chosen["choices"]] == ["February 2021", "July 2021"]
    CourseSession.objects.filter(starts_at__year=2023).delete()
    single = years_to_choose(changelist(CourseSession, manager))
    assert [choice["title"] for choice in single["choices"]] == ["February 2021", "July 2021"]


def test_the_list_page_links_each_year_with_records(client, manager):
    for when in (at(2019, 5, 1), at(2022, 5, 1)):
        CourseSessionFactory(starts_at=when, ends_at=when + datetime.timedelta(hours=1))
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("admin:training_coursesession_changelist")).content.decode()
    assert not [q for q in queries if "DATE_TRUNC" in q["sql"].upper()], "the years read over every row"
    assert "?starts_at__year=2019" in page and "?starts_at__year=2022" in page
    assert "?starts_at__year=2020" not in page and "?starts_at__year=2021" not in page
