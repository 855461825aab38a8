""" "Key figures at a glance" is the page after the contents: every app's figures, counted from its records (a new
record changes them), each pointing to the chapter that tells more, gathered in the same few queries however many
records there are."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnership.tests.factories import aware
from reports.report import key_figures_context
from reports.sections import registered_sections
from training.tests.factories import BookingFactory, CourseSessionFactory

from .conftest import YEAR, make_partnership

pytestmark = pytest.mark.django_db


def figures():
    return {figure["label"]: figure for figure in key_figures_context(YEAR)["figures"]}


def test_the_key_figures_are_the_first_page_after_the_contents():
    keys = [section.key for section in registered_sections()]
    assert keys[: keys.index("contents") + 2] == ["cover", "contents", "key-figures"]


def test_each_figure_is_counted_from_the_records_and_points_to_its_chapter():
    make_partnership(copies=1)  # one training session of 2022/23: three delegates attended, one did not come
    found = figures()
    assert found["multi-agency training session delivered"]["value"] == "1"
    assert found["places taken up at those sessions"]["value"] == "3"
    assert found["multi-agency training session delivered"]["chapter_title"] == "Multi-agency training"
    assert found["rapid reviews held"]["value"] == "0"

    starts = aware(date(2022, 10, 4))
    session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), status="held")
    BookingFactory(session=session, status="attended")
    found = figures()
    assert found["multi-agency training sessions delivered"]["value"] == "2"
    assert found["places taken up at those sessions"]["value"] == "4"


def test_gathering_the_key_figures_costs_the_same_queries_with_ten_times_the_records(django_assert_max_num_queries):
    make_partnership(copies=1)
    key_figures_context(YEAR)  # warm the content types cache
    with CaptureQueriesContext(connection) as few:
        key_figures_context(YEAR)
    make_partnership(copies=10, first=1)
    with django_assert_max_num_queries(14), CaptureQueriesContext(connection) as many:
        key_figures_context(YEAR)
    assert len(many) == len(few)
