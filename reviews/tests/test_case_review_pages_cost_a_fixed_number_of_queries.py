"""The incident log, the practice review tracker, a practice review's page and the deadlines page cost the same
few queries with three records or thirty."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.tests.factories import ActionFactory
from reviews.models import Recommendation
from reviews.tests.factories import (
    PracticeReviewFactory,
    RapidReviewFactory,
    RecommendationFactory,
    SeriousIncidentFactory,
)

pytestmark = pytest.mark.django_db

# Session, user, roles (groups, person, memberships with their bodies' names and kinds: who may see the reviews, and
# the menu's rules, ask nothing more), then the page's own.
LIST_QUERIES = 8
# The review page also fills its chair's forms: the active learning themes (the actions' default overseer, the
# chair's own Case Review Subgroup, comes from the roles), the agencies (twice: recommendation and action forms),
# the bodies (the action's overseer), and lists the review's dissemination.
REVIEW_PAGE_QUERIES = 16


def make_records(count):
    for _ in range(count):
        SeriousIncidentFactory(la_aware_on=date(2022, 9, 12))
        RapidReviewFactory()
        review = PracticeReviewFactory()
        for _ in range(2):
            recommendation = RecommendationFactory(review=review)
            ActionFactory(source_type=ContentType.objects.get_for_model(Recommendation), source_id=recommendation.pk)


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("name", ["reviews:incidents", "reviews:practice_reviews", "reviews:deadlines"])
def test_each_list_costs_the_same_queries(client, chair, django_assert_max_num_queries, count, name):
    make_records(count)
    client.force_login(chair)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("count", [1, 10])
def test_a_review_page_costs_the_same_with_more_recommendations(client, chair, django_assert_max_num_queries, count):
    review = PracticeReviewFactory()
    for _ in range(count):
        recommendation = RecommendationFactory(review=review)
        for _ in range(2):
            ActionFactory(source_type=ContentType.objects.get_for_model(Recommendation), source_id=recommendation.pk)
    client.force_login(chair)
    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        page = client.get(reverse("reviews:practice_review", args=[review.pk]))
    assert page.status_code == 200
    assert page.content.decode().count("Recommendation ") >= count
