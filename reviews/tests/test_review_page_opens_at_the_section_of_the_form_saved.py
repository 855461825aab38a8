"""The practice review's page is in sections (steps, findings, recommendations, dissemination, publication and
closure), each with its id and a heading, and each of its forms folded behind a disclosure that is closed until
opened (no JavaScript needed), or open when the form comes back with its problems. After a form is saved the page
opens at the form's section; so it does after a step page (editing a finding, a recommendation's status, the
confirmations). A form sent back opens at its section too (its action carries the section's fragment)."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from partnership.tests.factories import AgencyFactory
from reviews.models import Dissemination, Finding
from reviews.tests.factories import PracticeReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

SECTIONS = ["steps", "findings", "recommendations", "dissemination", "publication"]


class ReviewPage(HTMLParser):
    """The page's sections (id → the text of their first heading) and its disclosures (summary, open, the actions
    of the forms inside)."""

    def __init__(self, html):
        super().__init__()
        self.sections, self.disclosures = {}, []
        self._section, self._heading, self._summary = None, False, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id") in SECTIONS:
            self._section = attrs["id"]
            self.sections[self._section] = ""
        elif tag == "h2" and self._section and not self.sections[self._section]:
            self._heading = True
        elif tag == "details":
            self.disclosures.append({"summary": "", "open": "open" in attrs, "actions": []})
        elif tag == "summary":
            self._summary = True
        elif tag == "form" and self.disclosures:
            self.disclosures[-1]["actions"].append(attrs.get("action"))

    def handle_endtag(self, tag):
        if tag == "h2":
            self._heading = False
        elif tag == "summary":
            self._summary = False

    def handle_data(self, data):
        if self._heading:
            self.sections[self._section] += data
        if self._summary:
            self.disclosures[-1]["summary"] += data

    def disclosure(self, summary):
        return next(d for d in self.disclosures if d["summary"] == summary)


@pytest.fixture
def review():
    return PracticeReviewFactory(code_name="Family Z", commissioned_on=date(2022, 6, 1))


def page_url(review, section):
    return f"{reverse('reviews:practice_review', args=[review.pk])}#{section}"


def test_the_page_is_in_sections_with_headings_and_every_form_folded(client, chair, review):
    RecommendationFactory(review=review)
    client.force_login(chair)
    page = ReviewPage(client.get(reverse("reviews:practice_review", args=[review.pk])).content.decode())
    assert page.sections == {
        "steps": "Timeline and steps",
        "findings": "Findings",
        "recommendations": "Recommendations and their actions",
        "dissemination": "Dissemination of the learning",
        "publication": "Publication and closure",
    }
    assert [d["summary"] for d in page.disclosures] == [
        "Record a step",
        "Held pending a coroner or criminal process",
        "Add a finding",
        "Add a recommendation",
        "Raise an action from a recommendation",
        "Record a dissemination",
        "Publication",
        "Not published",
        "Close the review",
    ]
    assert not any(d["open"] for d in page.disclosures)
    assert page.disclosure("Add a finding")["actions"] == [
        reverse("reviews:finding_add", args=[review.pk]) + "#findings"
    ]


@pytest.mark.parametrize(
    "name, data, section",
    [
        ("reviews:practice_review_stage", {"stage": "terms_agreed", "on": "2022-07-01"}, "steps"),
        ("reviews:practice_review_hold", {"hold-held_pending": ""}, "steps"),
        ("reviews:finding_add", {"finding-text": "Professionals did not share what they knew."}, "findings"),
        (
            "reviews:recommendation_add",
            {
                "recommendation-text": "The partnership reviews its guidance.",
                "recommendation-addressed_to": "partnership",
            },
            "recommendations",
        ),
        (
            "reviews:dissemination_add",
            {
                "dissemination-channel": "newsletter",
                "dissemination-date": "2023-01-16",
                "dissemination-audience": "All",
            },
            "dissemination",
        ),
        ("reviews:practice_review_publication", {"publication-planned_publication_on": "2023-06-01"}, "publication"),
        (
            "reviews:practice_review_not_published",
            {"not_published-not_published_reason": "Family's wish."},
            "publication",
        ),
    ],
)
def test_after_saving_a_form_the_page_opens_at_its_section(client, chair, review, name, data, section):
    client.force_login(chair)
    response = client.post(reverse(name, args=[review.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == page_url(review, section)


def test_raising_an_action_and_closing_open_at_their_sections(client, chair, chaired_body, review):
    recommendation = RecommendationFactory(review=review)
    owner = AgencyFactory()
    client.force_login(chair)
    raised = client.post(
        reverse("reviews:action_raise", args=[review.pk]),
        {
            "action-recommendation": recommendation.pk,
            "action-title": "Review the guidance",
            "action-owner_agency": owner.pk,
            "action-due_date": "2027-01-29",
        },
    )
    assert raised["Location"] == page_url(review, "recommendations")
    client.post(
        reverse("reviews:practice_review_not_published", args=[review.pk]),
        {"not_published-not_published_reason": "No."},
    )
    closed = client.post(
        reverse("reviews:practice_review_closure", args=[review.pk]),
        {"closure-closed_on": "2023-03-01", "closure-closure_reason": "Followed up in the action tracker."},
    )
    assert closed["Location"] == page_url(review, "publication")


def test_removing_a_finding_opens_the_page_at_the_findings(client, chair, review):
    finding = Finding.objects.create(review=review, number=1, text="A learning point.")
    client.force_login(chair)
    response = client.post(reverse("reviews:finding_remove", args=[review.pk, finding.pk]))
    assert response["Location"] == page_url(review, "findings")


def test_the_step_pages_go_back_to_their_section(client, chair, review):
    finding = Finding.objects.create(review=review, number=1, text="A learning point.")
    recommendation = RecommendationFactory(review=review)
    dissemination = Dissemination.objects.create(
        practice_review=review, channel="newsletter", date=date(2023, 1, 16), audience="All"
    )
    client.force_login(chair)
    edited = client.post(reverse("reviews:finding_edit", args=[review.pk, finding.pk]), {"finding-text": "Changed."})
    assert edited["Location"] == page_url(review, "findings")
    status = client.post(
        reverse("reviews:recommendation_status", args=[review.pk, recommendation.pk]), {"status-status": "open"}
    )
    assert status["Location"] == page_url(review, f"recommendation-{recommendation.pk}")
    removal = reverse("reviews:dissemination_remove", args=[review.pk, dissemination.pk])
    assert f'href="{page_url(review, "dissemination")}"' in client.get(removal).content.decode()  # its Cancel
    assert client.post(removal)["Location"] == page_url(review, "dissemination")


def test_a_form_sent_back_opens_its_own_disclosure_only(client, chair, review):
    client.force_login(chair)
    response = client.post(reverse("reviews:finding_add", args=[review.pk]), {"finding-text": ""})
    page = ReviewPage(response.content.decode())
    assert [d["summary"] for d in page.disclosures if d["open"]] == ["Add a finding"]
