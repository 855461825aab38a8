"""The "Multi-agency training" chapter gathers its figures in the same number of queries with one session or ten,
each with bookings, attendance, no-shows and evaluations, and returns evaluated data only."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lscp.financial_year import FinancialYear
from training.report import training_context
from training.tests.factories import BookingFactory, CourseSessionFactory, EvaluationScoreFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def deliver_sessions(count):
    for n in range(count):
        starts = timezone.make_aware(datetime(2022, 6, 1, 10)) + timedelta(days=3 * n)
        session = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
        for stage in ("before", "after", "follow_up"):
            booking = BookingFactory(session=session, status="attended")
            EvaluationScoreFactory(
                evaluation__booking=booking,
                evaluation__stage=stage,
                evaluation__practice_changed=True,
                outcome__course=session.course,
            )
        BookingFactory(session=session, status="no_show")


def queries_for_the_chapter():
    with CaptureQueriesContext(connection) as queries:
        context = training_context(YEAR)
    return len(queries), context


def test_ten_sessions_cost_what_one_does():
    deliver_sessions(1)
    few, context = queries_for_the_chapter()
    assert context["totals"]["delivered"] == 1 and context["chart_uri"].startswith("data:image/svg+xml")
    deliver_sessions(9)
    many, context = queries_for_the_chapter()
    assert context["totals"]["delivered"] == 10 and len(context["courses"]) == 10
    assert many == few
    assert not any(isinstance(value, QuerySet) for value in context.values())
