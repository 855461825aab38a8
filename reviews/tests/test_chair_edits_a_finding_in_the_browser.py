"""A finding's learning point and themes are changed on a page of their own by the Case Review chair or the business
manager: the history keeps what it said before and who changed it; a theme no longer offered stays where it was but
is not added; a closed review's findings are not changed; bad input comes back with what was typed."""

import html
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services
from reviews.models import LearningTheme
from reviews.services import FINDING_NEEDS_TEXT, FINDING_OF_A_CLOSED_REVIEW, THEME_NOT_OFFERED
from reviews.tests.factories import PracticeReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finding():
    review = PracticeReviewFactory(code_name="Child E")
    finding = review.findings.create(number=1, text="Explanations accepted at face value.")
    finding.themes.set([LearningTheme.objects.create(name="Neglect")])
    return finding


def edit_url(finding):
    return reverse("reviews:finding_edit", args=[finding.review_id, finding.pk])


@pytest.mark.parametrize("role", ["chair", "manager"])
def test_the_chair_and_the_business_manager_change_a_findings_text_and_themes(client, request, finding, role):
    user = request.getfixturevalue(role)
    curiosity = LearningTheme.objects.create(name="Professional curiosity")
    client.force_login(user)
    page = client.get(edit_url(finding))
    assert page.status_code == 200
    assert page.context["form"].initial["text"] == "Explanations accepted at face value."

    response = client.post(
        edit_url(finding), {"finding-text": "Professionals did not ask why.", "finding-themes": [curiosity.pk]}
    )
    assert response["Location"] == reverse("reviews:practice_review", args=[finding.review_id]) + "#findings"
    finding.refresh_from_db()
    assert finding.text == "Professionals did not ask why."
    assert list(finding.themes.all()) == [curiosity]
    before = finding.history.order_by("history_date")
    assert before.first().text == "Explanations accepted at face value."
    assert before.last().history_user == user


def test_a_theme_no_longer_offered_stays_on_its_finding_but_is_not_added(client, chair, finding):
    kept = finding.themes.get()
    kept.active = False
    kept.save()
    retired = LearningTheme.objects.create(name="Old theme", active=False)
    client.force_login(chair)
    offered = client.get(edit_url(finding)).context["form"].fields["themes"].queryset
    assert kept in offered and retired not in offered

    response = client.post(edit_url(finding), {"finding-text": "Reworded.", "finding-themes": [kept.pk]})
    assert response.status_code == 302
    assert list(finding.themes.all()) == [kept]

    # A retired theme sent anyway (from a page opened before it was retired) is refused by name.
    with pytest.raises(ValidationError) as refused:
        services.edit_finding(finding=finding, text="Reworded.", themes=[retired], by=chair)
    assert refused.value.message_dict["themes"] == [THEME_NOT_OFFERED % {"theme": retired}]


def test_an_empty_learning_point_comes_back_with_the_themes_ticked(client, chair, finding):
    theme = finding.themes.get()
    client.force_login(chair)
    response = client.post(edit_url(finding), {"finding-text": "   ", "finding-themes": [theme.pk]})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["text"] and form["themes"].value() == [str(theme.pk)]
    finding.refresh_from_db()
    assert finding.text == "Explanations accepted at face value."
    # The service's own check says the same when the form's is passed.
    with pytest.raises(ValidationError) as refused:
        services.edit_finding(finding=finding, text="  ", themes=[], by=chair)
    assert refused.value.message_dict["text"] == [FINDING_NEEDS_TEXT]


def test_a_closed_reviews_finding_is_not_changed(client, chair, finding):
    review = finding.review
    review.report_received_on = date(2023, 1, 2)
    review.published_on = date(2023, 2, 1)
    review.closed_on = date(2023, 3, 1)
    review.save()
    client.force_login(chair)
    message = FINDING_OF_A_CLOSED_REVIEW % {"code": "Child E", "date": "1 March 2023"}
    page = client.get(edit_url(finding))
    text = html.unescape(page.content.decode())
    assert message in text and 'name="finding-text"' not in text
    response = client.post(edit_url(finding), {"finding-text": "Changed after closing."})
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    finding.refresh_from_db()
    assert finding.text == "Explanations accepted at face value."


def test_a_finding_of_another_review_is_not_found(client, chair, finding):
    other = PracticeReviewFactory()
    client.force_login(chair)
    assert client.get(reverse("reviews:finding_edit", args=[other.pk, finding.pk])).status_code == 404
