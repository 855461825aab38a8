"""The themes across reviews page: learning themes × the reviews of the last three financial years, with how many
reviews and findings each theme runs through, the recurring themes first; for those who may see case reviews
only, at the same few queries whatever the number of reviews."""

from datetime import date

import pytest
from django.urls import reverse

from reviews.models import Finding, LearningTheme
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db

# Session, user, roles (groups, person, memberships with their bodies' names and kinds), then the table's one query.
THEMES_PAGE_QUERIES = 6


def tag(review, number, *themes):
    finding = Finding.objects.create(review=review, number=number, text="Learning.")
    finding.themes.set(themes)


def make_reviews(count, *, commissioned_on):
    neglect = LearningTheme.objects.get_or_create(name="Neglect")[0]
    curiosity = LearningTheme.objects.get_or_create(name="Professional curiosity")[0]
    for n in range(count):
        review = PracticeReviewFactory(commissioned_on=commissioned_on)
        tag(review, 1, curiosity)
        tag(review, 2, curiosity, *([neglect] if n == 0 else []))


def test_recurring_themes_come_first_with_their_counts(client, chair, settings):
    client.force_login(chair)
    make_reviews(2, commissioned_on=date.today().replace(day=1))
    old = PracticeReviewFactory(code_name="Long ago", commissioned_on=date(2015, 6, 1))
    tag(old, 1, LearningTheme.objects.create(name="Information sharing"))

    response = client.get(reverse("reviews:themes"))
    rows = response.context["themes"]["rows"]
    assert [(row["theme"], row["reviews"], row["findings"]) for row in rows] == [
        ("Professional curiosity", 2, 4),
        ("Neglect", 1, 1),
    ]
    page = response.content.decode()
    assert "Long ago" not in page and page.count(">recurs<") == 1


@pytest.mark.parametrize("count", [2, 20])
def test_the_page_costs_the_same_queries(client, chair, django_assert_max_num_queries, count):
    make_reviews(count, commissioned_on=date.today().replace(day=1))
    client.force_login(chair)
    with django_assert_max_num_queries(THEMES_PAGE_QUERIES):
        response = client.get(reverse("reviews:themes"))
    assert len(response.context["themes"]["reviews"]) == count


@pytest.mark.parametrize("role", ["delegate", "outsider"])
def test_those_who_may_not_see_case_reviews_are_refused(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reviews:themes")).status_code == 403
