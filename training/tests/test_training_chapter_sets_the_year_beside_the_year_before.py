"""The training chapter sets the programme's figures (sessions, attendances, practitioners, no-shows, evaluations,
confidence, changed practice) beside the year before's, computed from the records as the year's own are, with the
change; only when the year before delivered a session, and in the same number of queries however many records."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory
from training import impact
from training.report import training_context
from training.tests.factories import (
    BookingFactory,
    CourseFactory,
    CourseSessionFactory,
    DelegateFactory,
    EvaluationFactory,
    EvaluationScoreFactory,
    LearningOutcomeFactory,
)

pytestmark = pytest.mark.django_db
EARLIER, LATER = FinancialYear(2021), FinancialYear(2022)


def deliver(course, day, *, attended, no_shows=0, after_scores=(), changed=()):
    starts = timezone.make_aware(datetime(*day, 10))
    session = CourseSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3), status="held")
    outcome = LearningOutcomeFactory(course=course)
    agency = AgencyFactory()
    bookings = [
        BookingFactory(session=session, status="attended", delegate=DelegateFactory(agency=agency))
        for _ in range(attended)
    ]
    for _ in range(no_shows):
        BookingFactory(session=session, status="no_show", delegate=DelegateFactory(agency=agency))
    for booking, score in zip(bookings, after_scores, strict=False):
        EvaluationScoreFactory(
            evaluation=EvaluationFactory(booking=booking, stage="after"), outcome=outcome, score=score
        )
    for booking, answer in zip(bookings, changed, strict=False):
        EvaluationFactory(booking=booking, stage="follow_up", practice_changed=answer)
    return session


@pytest.fixture
def two_years():
    course = CourseFactory(title="Child Exploitation")
    # 2021/22: 2 sessions, 4 attendances, 1 no-show (20%), 3 answers after (mean 3.0), 1 of 2 changed practice.
    deliver(course, (2021, 6, 8), attended=2, no_shows=1, after_scores=(2, 3), changed=(True, False))
    deliver(course, (2022, 1, 11), attended=2, after_scores=(4,))
    # 2022/23: 1 session, 5 attendances, no no-show, 5 answers after (mean 4.0), 3 of 3 changed practice.
    deliver(course, (2022, 9, 13), attended=5, after_scores=(4, 4, 4, 4, 4), changed=(True, True, True))
    return course


def rows_of(year):
    return {label: figures for label, figures in training_context(year)["last_year"]}


def test_each_figure_is_set_beside_the_year_befores(two_years):
    rows = rows_of(LATER)
    shown = {label: (f.this_year_text, f.last_year_text, f.change_text) for label, f in rows.items()}
    assert shown == {
        "Sessions delivered": ("1", "2", "down 1 (50%)"),
        "Attendances": ("5", "4", "up 1 (25%)"),
        "Different practitioners": ("5", "4", "up 1 (25%)"),
        "No-show rate": ("0%", "20%", "down 20 points"),
        "Evaluations returned after the session": ("5", "3", "up 2 (67%)"),
        "Mean confidence after the session (1 to 5)": ("4.0", "3.0", "up 1.0"),
        "Said at follow-up their practice had changed": ("100%", "50%", "up 50 points"),
    }


def test_the_year_befores_figures_are_those_its_own_chapter_prints(two_years):
    """Last year's column is computed as that year's own chapter computes its figures."""
    own = training_context(EARLIER)["totals"]
    summary = impact.programme_summary(year=EARLIER)
    assert (summary["sessions"], summary["attended"], summary["delegates"], summary["no_shows"]) == (
        own["delivered"],
        own["attended"],
        own["delegates"],
        own["no_shows"],
    )
    assert summary["no_show_rate"] == own["no_show_rate"]
    assert summary["responses"] == own["stages"]["after"]["responses"]
    assert summary["confidence"] == own["stages"]["after"]["confidence"]
    assert summary["changed_share"] == own["changed_share"]


def test_no_comparison_without_a_session_the_year_before(two_years):
    assert training_context(EARLIER)["last_year"] == []
    html = training_context_html(EARLIER)
    assert "compared with the year before" not in html
    assert "The programme compared with the year before" in training_context_html(LATER)


def training_context_html(year):
    from django.template.loader import render_to_string

    return render_to_string("training/report/training.html", {"year": year, **training_context(year)})


def test_the_comparison_costs_the_same_queries_with_more_records(two_years):
    training_context(LATER)  # content types and the like cached
    with CaptureQueriesContext(connection) as few:
        training_context(LATER)
    for month in (5, 7, 10):
        deliver(two_years, (2021, month, 4), attended=3, no_shows=1, after_scores=(3, 4), changed=(True,))
    with CaptureQueriesContext(connection) as more:
        training_context(LATER)
    assert len(more) == len(few)
