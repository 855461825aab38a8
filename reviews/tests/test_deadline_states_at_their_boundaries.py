"""Where a deadline stands at its edges: due today is not yet overdue, the day after it is; "due soon" runs to
REVIEW_DUE_SOON_WORKING_DAYS working days ahead, inclusive; met on the day is on time, a day later is late. The
dashboard's query puts each stored deadline in the same state."""

from datetime import date

import pytest

from lscp.working_days import add_working_days
from reviews.deadlines import DeadlineState, deadline_state
from reviews.selectors import open_deadlines
from reviews.tests.factories import SeriousIncidentFactory

TODAY = date(2023, 5, 4)  # a Thursday; Monday 8 May 2023 is a bank holiday
SOON_UNTIL = date(2023, 5, 12)  # five working days on: 5, 9, 10, 11, 12 May


def test_the_due_soon_window_is_counted_in_working_days(settings):
    settings.REVIEW_DUE_SOON_WORKING_DAYS = 5
    assert add_working_days(TODAY, 5) == SOON_UNTIL


@pytest.mark.parametrize(
    "due, met_on, state",
    [
        (TODAY, None, DeadlineState.DUE_TODAY),
        (date(2023, 5, 3), None, DeadlineState.OVERDUE),
        (date(2023, 5, 5), None, DeadlineState.DUE_SOON),
        (SOON_UNTIL, None, DeadlineState.DUE_SOON),
        (date(2023, 5, 13), None, DeadlineState.UPCOMING),
        (TODAY, TODAY, DeadlineState.MET),
        (date(2023, 5, 3), TODAY, DeadlineState.MET_LATE),
        (None, None, DeadlineState.NOT_SET),
    ],
)
def test_state_at_the_boundary(settings, due, met_on, state):
    settings.REVIEW_DUE_SOON_WORKING_DAYS = 5
    assert deadline_state(due=due, met_on=met_on, today=TODAY) == state


def _aware_for_notification_due(due):
    """The day the local authority became aware for the Panel notification to be due on `due`."""
    return add_working_days(due, -5)


@pytest.mark.django_db
def test_the_dashboard_query_puts_stored_deadlines_in_the_same_states(settings):
    settings.REVIEW_DUE_SOON_WORKING_DAYS = 5
    expected = {
        "Today": (TODAY, DeadlineState.DUE_TODAY),
        "Late": (date(2023, 5, 3), DeadlineState.OVERDUE),
        "Edge": (SOON_UNTIL, DeadlineState.DUE_SOON),
        "Later": (date(2023, 5, 15), DeadlineState.UPCOMING),
    }
    for code, (due, _) in expected.items():
        aware = _aware_for_notification_due(due)
        SeriousIncidentFactory(code_name=code, occurred_on=aware, la_aware_on=aware)
    SeriousIncidentFactory(
        code_name="Notified", occurred_on=date(2023, 4, 27), la_aware_on=date(2023, 4, 27), notified_panel_on=TODAY
    )

    notification = [d for d in open_deadlines(today=TODAY, rule="panel_notification")]
    assert {d.code_name: (d.due, d.state) for d in notification} == expected  # the notified incident has none open
    for state in (DeadlineState.OVERDUE, DeadlineState.DUE_TODAY, DeadlineState.DUE_SOON, DeadlineState.UPCOMING):
        got = {d.code_name for d in open_deadlines(today=TODAY, states=[state], rule="panel_notification")}
        assert got == {code for code, (_, s) in expected.items() if s == state}, state
