"""The case review records' chapters of the annual report: "Learning from reviews", written by the Case Review
Subgroup's chairs, and "Learning from national reviews" (each with the partnership's response and the actions raised
from it in the tracker), with their figures and tables from reviews.selectors only. Nothing identifying reaches them:
children are known by code names, and no circumstances, borough or age band is read."""

from governance.models import CLOSED_STATUSES, ActionStatus
from lscp.percentages import share
from lscp.report_sections import KeyFigure, Section

from . import selectors
from .models import Decision


def _themes_table(year):
    """Learning themes × the reviews in progress during the year (commissioned by its end, not published or closed
    before it began), as rows of counts of findings: a report reads only its own year's reviews."""
    return selectors.themes_table(year=year)


def learning_context(year):
    figures = selectors.incident_figures(year=year)
    held, on_time, decisions = figures["held"], figures["on_time"], figures["decisions"]
    return {
        "incidents_notified": figures["notified"],
        "rapid_reviews_held": held,
        "rapid_reviews_on_time": on_time,
        "on_time_percent": share(on_time, held),
        "decisions": [(label, decisions.get(value, 0)) for value, label in Decision.choices],
        "practice_reviews": selectors.practice_review_counts(year=year),
        "published_reviews": selectors.published_reviews(year=year),
        "disseminations": selectors.disseminations_in(year=year),
        "themes": _themes_table(year),
    }


def national_reviews_context(year):
    """Each national review considered in the year with the partnership's response, the assurance it asked of
    partners and the actions raised in the tracker, with how many are complete (two queries)."""
    reviews = []
    for review in selectors.national_reviews_with_actions(year=year):
        actions = list(review.actions.all())
        reviews.append(
            {
                "review": review,
                "actions": actions,
                "complete": sum(1 for action in actions if action.status == ActionStatus.COMPLETE),
                "open": sum(1 for action in actions if action.status not in CLOSED_STATUSES),
            }
        )
    return {"national_reviews": reviews}


def key_figures(year):
    """Serious incidents notified, rapid reviews held, local reviews published, national reviews considered (three
    queries)."""
    incidents = selectors.incident_figures(year=year)
    published = selectors.practice_review_counts(year=year)["published"]
    return [
        KeyFigure(
            selectors.national_reviews_count(year=year),
            "national reviews considered, with the partnership's response",
            "national-reviews",
            singular="national review considered, with the partnership's response",
        ),
        KeyFigure(
            incidents["notified"],
            "serious incidents notified to the National Panel",
            "learning-from-reviews",
            singular="serious incident notified to the National Panel",
        ),
        KeyFigure(incidents["held"], "rapid reviews held", "learning-from-reviews", singular="rapid review held"),
        KeyFigure(
            published,
            "local practice reviews published",
            "learning-from-reviews",
            singular="local practice review published",
        ),
    ]


KEY_FIGURES = [key_figures]

SECTIONS = [
    Section(
        key="learning-from-reviews",
        title="Learning from reviews",
        order=410,
        template="reviews/report/learning.html",
        context=learning_context,
        narrative=True,
        written_by="Case Review",
        help_text=(
            "What the partnership learnt from its rapid reviews, local reviews and national reviews this year, and "
            "what changed as a result. Use the children's code names only: never a name, address, school or "
            "anything else that could identify a child or family."
        ),
        has_records=lambda c: bool(
            c["incidents_notified"] or c["rapid_reviews_held"] or c["published_reviews"] or c["disseminations"]
        ),
        records_url="admin:reviews_seriousincident_changelist",
    ),
    Section(
        key="national-reviews",
        title="Learning from national reviews",
        running_title="National reviews",
        order=420,
        template="reviews/report/national_reviews.html",
        context=national_reviews_context,
        has_records=lambda c: bool(c["national_reviews"]),
        records_url="admin:reviews_nationalreview_changelist",
    ),
]
