"""The "Learning from reviews" chapter gathers its figures in the same number of queries with one published review
or ten, each with findings, recommendations and their actions."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.tests.factories import ActionFactory
from lscp.financial_year import FinancialYear
from reviews.models import Finding, Recommendation
from reviews.report import learning_context
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def publish_reviews(count):
    for _ in range(count):
        review = PracticeReviewFactory(
            kind="learning_review",
            commissioned_on=date(2022, 4, 1),
            report_received_on=date(2022, 11, 1),
            published_on=date(2023, 1, 25),
        )
        Finding.objects.create(review=review, number=1, text="Records lacked oversight.")
        recommendation = RecommendationFactory(review=review)
        ActionFactory(source_type=ContentType.objects.get_for_model(Recommendation), source_id=recommendation.pk)


def queries_for_the_chapter():
    with CaptureQueriesContext(connection) as queries:
        context = learning_context(YEAR)
    return len(queries), context


def test_ten_reviews_cost_what_one_does():
    publish_reviews(1)
    few, context = queries_for_the_chapter()
    assert len(context["published_reviews"]) == 1
    publish_reviews(9)
    many, context = queries_for_the_chapter()
    assert len(context["published_reviews"]) == 10
    assert context["published_reviews"][0].recommendations.all()[0].actions_open == 1
    assert many == few
