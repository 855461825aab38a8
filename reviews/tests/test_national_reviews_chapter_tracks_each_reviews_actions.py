"""National reviews are a chapter of their own: each review the partnership considered in the year, with its
response, the assurance it asked for and the actions raised from it in the shared tracker, followed like those of a
local review's recommendations, in the same two queries however many reviews and actions."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from governance.action_sources import describe_source, registered_sources
from governance.tests.factories import ActionFactory
from lscp.financial_year import FinancialYear
from reviews.models import NationalReview
from reviews.report import national_reviews_context
from reviews.tests.factories import NationalReviewFactory

YEAR = FinancialYear(2022)


def raise_action(review, status="on_track", **fields):
    return ActionFactory(
        source_type=ContentType.objects.get_for_model(NationalReview), source_id=review.pk, status=status, **fields
    )


def chapter_html():
    return render_to_string("reviews/report/national_reviews.html", {**national_reviews_context(YEAR), "year": YEAR})


def test_a_national_review_is_a_source_of_tracker_actions():
    assert "reviews.NationalReview" in [source.model for source in registered_sources()]


@pytest.mark.django_db
def test_each_review_prints_its_response_and_the_state_of_its_actions():
    review = NationalReviewFactory(
        title="The Myth of Invisible Men",
        local_response="Discussed at the GP forums.",
        assurance_requested="Partners to check that fathers are seen in assessments.",
        assurance_requested_on=date(2022, 7, 1),
    )
    raise_action(
        review, title="Add fathers to the assessment template", status="complete", completed_on=date(2022, 9, 1)
    )
    raise_action(review, title="Re-check assessments for fathers", status="on_track")
    NationalReviewFactory(title="Considered the year before", considered_on=date(2022, 3, 1))

    html = chapter_html()
    assert "The Myth of Invisible Men" in html and "Discussed at the GP forums." in html
    assert "Partners to check that fathers are seen in assessments." in html and "awaited" in html
    assert "Add fathers to the assessment template" in html and "Re-check assessments for fathers" in html
    assert "(1 of 2 complete, 1 open)" in html
    assert "Considered the year before" not in html
    action = review.actions.first()
    assert describe_source(action) == "National review: The Myth of Invisible Men"


@pytest.mark.django_db
def test_ten_reviews_with_their_actions_cost_what_one_does():
    raise_action(NationalReviewFactory())
    with CaptureQueriesContext(connection) as few:
        context = national_reviews_context(YEAR)
    assert len(context["national_reviews"]) == 1
    for _ in range(9):
        review = NationalReviewFactory()
        raise_action(review)
        raise_action(review, status="complete", completed_on=date(2022, 10, 1))
    with CaptureQueriesContext(connection) as many:
        context = national_reviews_context(YEAR)
    assert len(context["national_reviews"]) == 10 and len(many) == len(few) == 2


def test_the_demo_report_has_stable_homes_and_awaab_ishak_with_their_actions(demo_report):
    chapter = demo_report.section_text("national-reviews")
    assert "Stable Homes, Built on Love" in chapter and "Awaab Ishak" in chapter
    assert "Child Q" in chapter and "Add the learning on adultification bias to the core LSCP training" in chapter
    # The local reviews' chapter no longer repeats them.
    assert "Stable Homes" not in demo_report.section_text("learning-from-reviews")
