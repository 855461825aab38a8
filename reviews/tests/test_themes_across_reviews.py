"""Learning themes × reviews: how many findings of each review bear on each theme, for reviews commissioned since
a date, so that learning that recurs shows (one query)."""

from datetime import date

import pytest

from reviews.models import Finding, LearningTheme
from reviews.selectors import themes_across_reviews
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


def test_themes_by_review_since_a_date(django_assert_num_queries):
    sharing, curiosity = (
        LearningTheme.objects.create(name="Information sharing"),
        LearningTheme.objects.create(name="Professional curiosity"),
    )
    first = PracticeReviewFactory(code_name="Child A", commissioned_on=date(2021, 5, 1))
    second = PracticeReviewFactory(code_name="Child B", commissioned_on=date(2022, 5, 1))
    old = PracticeReviewFactory(code_name="Child Old", commissioned_on=date(2018, 5, 1))
    for review, number, themes in [
        (first, 1, [sharing]),
        (first, 2, [sharing, curiosity]),
        (second, 1, [sharing]),
        (second, 2, []),
        (old, 1, [sharing]),
    ]:
        Finding.objects.create(review=review, number=number, text="A learning point.").themes.set(themes)

    with django_assert_num_queries(1):
        rows = themes_across_reviews(since=date(2020, 4, 1))
    assert rows == [
        {"theme": "Information sharing", "review_code": "Child A", "findings": 2},
        {"theme": "Information sharing", "review_code": "Child B", "findings": 1},
        {"theme": "Professional curiosity", "review_code": "Child A", "findings": 1},
    ]
