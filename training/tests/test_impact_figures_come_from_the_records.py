"""The impact figures for a year are computed from the records: mean confidence before → after → follow-up per
course, the share of follow-up answers reporting changed practice, response rates per stage out of those who
attended, and the no-show rate by agency. Other years, cancelled sessions and delegates who did not come are
left out."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory
from training import impact
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
YEAR = FinancialYear(2022)


def session_on(course, day, **extra):
    starts = timezone.make_aware(datetime(*day, 10))
    return CourseSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3), **extra)


def evaluate(booking, stage, scores, outcomes, changed=None):
    evaluation = EvaluationFactory(booking=booking, stage=stage, practice_changed=changed)
    for outcome, score in zip(outcomes, scores, strict=True):
        EvaluationScoreFactory(evaluation=evaluation, outcome=outcome, score=score)


def test_figures_per_course_and_by_agency():
    school, police = AgencyFactory(name="Hillside School"), AgencyFactory(name="Borough Police")
    course = CourseFactory(title="Domestic Abuse and Safeguarding Children")
    outcomes = [LearningOutcomeFactory(course=course), LearningOutcomeFactory(course=course)]
    june = session_on(course, (2022, 6, 7), status="held")
    session_on(course, (2022, 9, 7), status="cancelled", cancelled_reason="Trainer unwell")
    last_year = session_on(course, (2022, 3, 7), status="held")

    a = BookingFactory(session=june, status="attended", delegate=DelegateFactory(agency=school))
    b = BookingFactory(session=june, status="attended", delegate=DelegateFactory(agency=police))
    BookingFactory(session=june, status="no_show", delegate=DelegateFactory(agency=police))
    BookingFactory(session=june, status="cancelled_by_delegate", delegate=DelegateFactory(agency=police))
    gone = BookingFactory(session=june, status="no_show", delegate=DelegateFactory(agency=school))
    evaluate(a, "before", [2, 3], outcomes)
    evaluate(a, "after", [4, 5], outcomes, changed=True)
    evaluate(b, "after", [4, 4], outcomes, changed=True)
    evaluate(a, "follow_up", [4, 4], outcomes, changed=True)
    evaluate(b, "follow_up", [3, 4], outcomes, changed=False)
    evaluate(gone, "before", [1, 1], outcomes)  # did not come: not counted
    other = BookingFactory(session=last_year, status="attended", delegate=DelegateFactory(agency=school))
    evaluate(other, "after", [1, 1], outcomes, changed=False)  # another year

    [row] = impact.course_impact(year=YEAR)
    assert (row["sessions"], row["attended"], row["no_shows"], row["delegates"]) == (1, 2, 2, 2)
    assert row["no_show_rate"] == 50
    assert row["stages"]["before"] == {
        "responses": 1,
        "response_rate": 50,
        "confidence": 2.5,
        "changed": 0,
        "said": 0,
        "changed_share": None,
    }
    assert row["stages"]["after"]["confidence"] == 4.2 and row["stages"]["after"]["response_rate"] == 100
    assert row["stages"]["follow_up"]["confidence"] == 3.8
    assert row["changed_share"] == 50

    totals = impact.programme_totals(year=YEAR)
    assert (totals["delivered"], totals["cancelled"], totals["attended"], totals["no_shows"]) == (1, 1, 2, 2)
    assert totals["delegates"] == 2 and totals["no_show_rate"] == 50
    assert totals["stages"]["after"]["confidence"] == 4.2 and totals["changed_share"] == 50

    assert impact.no_shows_by_agency(year=YEAR) == [
        {"agency": "Borough Police", "attended": 1, "no_shows": 1, "delegates": 1, "no_show_rate": 50},
        {"agency": "Hillside School", "attended": 1, "no_shows": 1, "delegates": 1, "no_show_rate": 50},
    ]
