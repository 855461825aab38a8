"""Every case review page the business manager opens on the demo, and every body's page, speaks the users' words: no
internal reference (a seed document's number), no setting's name (REVIEW_TARGET_COMPLETION_MONTHS), no lowercased
agency name. A recommendation with no action raised says so ("no action raised yet"), on the review's page, on its
status page and in the annual report's "Learning from reviews" chapter; "actions under way" is said only where
actions are."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from lscp.testing import DEMO_YEAR
from partnership.models import Body
from reviews import services
from reviews.models import (
    Dissemination,
    Finding,
    PracticeReview,
    Recommendation,
    SeriousIncident,
)

pytestmark = pytest.mark.django_db

NO_ACTION_YET = "Open: no action raised yet"
UNDER_WAY = "Open: actions under way"
SETTING_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


class VisibleText(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.parts, self._hidden = [], 0
        self.feed(html)
        self.text = re.sub(r"\s+", " ", " ".join(self.parts))

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return VisibleText(response.content.decode()).text


def case_review_pages():
    urls = [reverse(name) for name in ("reviews:incidents", "reviews:practice_reviews", "reviews:themes")]
    urls.append(reverse("reviews:deadlines"))
    urls += [reverse("reviews:incident", args=[pk]) for pk in SeriousIncident.objects.values_list("pk", flat=True)]
    for review in PracticeReview.objects.all():
        urls += [
            reverse(name, args=[review.pk])
            for name in (
                "reviews:practice_review",
                "reviews:practice_review_undo_not_published",
                "reviews:practice_review_reopen",
            )
        ]
    urls += [reverse("reviews:finding_edit", args=[f.review_id, f.pk]) for f in Finding.objects.all()]
    urls += [reverse("reviews:recommendation_status", args=[r.review_id, r.pk]) for r in Recommendation.objects.all()]
    urls += [
        reverse("reviews:dissemination_remove", args=[d.practice_review_id, d.pk])
        for d in Dissemination.objects.filter(practice_review__isnull=False)
    ]
    return urls


def test_no_internal_reference_or_setting_name_on_any_case_review_or_body_page(demo, demo_user, as_user):
    client = as_user(demo_user("manager"))
    urls = case_review_pages() + [
        reverse("partnership:body", args=[pk]) for pk in Body.objects.values_list("pk", flat=True)
    ]
    assert len(urls) > 20
    problems = []
    for url in urls:
        text = text_of(client, url)
        if re.search(r"seeds? ?0", text, re.IGNORECASE):
            problems.append((url, "internal reference", re.search(r".{40}seeds? ?0.{10}", text, re.IGNORECASE)[0]))
        problems += [(url, "setting name", name) for name in SETTING_NAME.findall(text)]
    assert problems == []


def test_the_deadlines_say_the_target_in_words(demo, demo_user, as_user):
    text = text_of(as_user(demo_user("manager")), reverse("reviews:deadlines"))
    assert "6 months after the decision to hold the review" in text
    assert "the 2019 partnership arrangements" in text


def test_a_recommendation_with_no_action_raised_says_so_everywhere(demo, demo_user, as_user):
    manager = demo_user("manager")
    review = PracticeReview.objects.get(code_name="Holland Park School")
    bare = services.add_recommendation(
        review=review, text="The partnership checks its escalation policy.", addressed_to="partnership", by=manager
    )
    client = as_user(manager)

    page = text_of(client, reverse("reviews:practice_review", args=[review.pk]))
    # The demo's two recommendations each have an action open in the tracker; the new one has none.
    assert page.count(f"· {UNDER_WAY}") == 2
    assert f"Recommendation {bare.number} (to the partnership) · {NO_ACTION_YET}" in page
    assert "Recommendation 1 (to Children's Services RBKC/WCC)" in page  # names keep their capitals

    status = text_of(client, reverse("reviews:recommendation_status", args=[review.pk, bare.pk]))
    assert f"Status now {NO_ACTION_YET}" in status
    assert "Actions in the tracker None raised yet" in status

    chapter = text_of(client, reverse("reports:preview", args=[DEMO_YEAR]))
    assert f"The partnership checks its escalation policy. The partnership {NO_ACTION_YET}" in chapter
    assert chapter.count(f"{UNDER_WAY}; 1 of 2 actions complete, 1 open") == 2
