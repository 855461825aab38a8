"""The case review records' chapter of the annual report: "Learning from reviews", written by the Case Review
Subgroup's chairs, with its figures and tables from reviews.selectors only. Nothing identifying reaches it: children
are known by code names, and no circumstances, borough or age band is read."""

from lscp.percentages import share
from lscp.report_sections import Section

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
        "national_reviews": selectors.national_reviews_considered(year=year),
        "disseminations": selectors.disseminations_in(year=year),
        "themes": _themes_table(year),
    }


SECTIONS = [
    Section(
        key="learning-from-reviews",
        title="Learning from reviews",
        order=400,
        template="reviews/report/learning.html",
        context=learning_context,
        narrative=True,
        written_by="Case Review",
        help_text=(
            "What the partnership learnt from its rapid reviews, local reviews and national reviews this year, and "
            "what changed as a result. Use the children's code names only: never a name, address, school or "
            "anything else that could identify a child or family."
        ),
    ),
]
