"""The deadlines dashboard's reads cost one query each, however many incidents and reviews there are, and count
what is overdue and due soon by rule."""

from datetime import date

import pytest

from reviews import selectors
from reviews.tests.factories import PracticeReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db
TODAY = date(2023, 5, 4)


def make(count):
    for _ in range(count):
        SeriousIncidentFactory(occurred_on=date(2023, 4, 20), la_aware_on=date(2023, 4, 20))  # notification overdue
        SeriousIncidentFactory(
            occurred_on=date(2023, 4, 3), la_aware_on=date(2023, 4, 3), notified_panel_on=date(2023, 4, 5)
        )  # rapid review overdue (due 28 April)
        PracticeReviewFactory(commissioned_on=date(2022, 11, 10))  # target completion due 10 May: due soon
        PracticeReviewFactory(commissioned_on=date(2022, 6, 1), planned_publication_on=date(2023, 6, 30))


@pytest.mark.parametrize("size", [1, 5])
def test_one_query_for_the_list_and_one_for_the_summary(size, django_assert_num_queries):
    make(size)
    with django_assert_num_queries(1):
        rows = selectors.open_deadlines(today=TODAY)
    # Each incident: notification (if not made) and rapid review; each review: target, and sharing if planned.
    assert len(rows) == size * 6
    assert [row.due for row in rows] == sorted(row.due for row in rows)
    with django_assert_num_queries(1):
        summary = {s.rule.key: (s.overdue, s.due_today, s.due_soon) for s in selectors.deadline_summary(today=TODAY)}
    assert summary == {
        "panel_notification": (size, 0, 0),
        "rapid_review": (size, 0, 0),
        "target_completion": (size, 0, size),
        "share_before_publication": (0, 0, 0),
    }
