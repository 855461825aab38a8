"""A practice review's page links each action raised from its recommendations only for a reader who may open that
action (`governance.permissions.can_see_action`, the rule the action's page checks), and names the others in plain
text; an action's page links back to the review only for those who may read case reviews."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.tests.factories import ActionFactory
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory
from reviews.models import Recommendation
from reviews.tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def action_of(recommendation, agency, title):
    return ActionFactory(
        title=title,
        owner_agency=agency,
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
    )


def test_a_reader_is_linked_only_to_the_actions_they_may_open(client, partner):
    recommendation = RecommendationFactory()
    ours = action_of(recommendation, partner.person.agency, "Refresh the probation guidance")
    theirs = action_of(recommendation, AgencyFactory(), "Audit the health visiting records")
    client.force_login(partner)

    page = client.get(reverse("reviews:practice_review", args=[recommendation.review_id])).content.decode()

    assert f'href="{reverse("governance:action", args=[ours.pk])}"' in page
    assert f'href="{reverse("governance:action", args=[theirs.pk])}"' not in page
    assert "Audit the health visiting records" in page
    assert client.get(reverse("governance:action", args=[theirs.pk])).status_code == 404


def test_an_actions_page_links_to_the_review_only_for_a_case_review_reader(client, partner):
    recommendation = RecommendationFactory()
    action = action_of(recommendation, partner.person.agency, "Refresh the probation guidance")
    review_url = reverse("reviews:practice_review", args=[recommendation.review_id])
    colleague = UserFactory(username="colleague")  # same agency, on no body: may not read case reviews
    PersonFactory(user=colleague, agency=partner.person.agency)

    for user, linked in ((partner, True), (colleague, False)):
        client.force_login(user)
        page = client.get(reverse("governance:action", args=[action.pk])).content.decode()
        assert f"Recommendation {recommendation.number} of {recommendation.review.code_name}" in page
        assert (f'href="{review_url}"' in page) is linked, user.username
        assert client.get(review_url).status_code == (200 if linked else 403)
