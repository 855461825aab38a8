"""The training records' chapter of the annual report: "Multi-agency training", written by the Learning and
Development Subgroup's chairs, with its figures from training.impact only (evaluated data): sessions and delegates
by course, by sector and by agency, attendance and no-shows, evaluation and impact, and a chart with its text
alternative."""

from lscp.report_sections import KeyFigure, Section

from . import impact
from .chart import as_data_uri, confidence_svg


def training_context(year):
    figures = impact.year_in_figures(year=year)
    svg, description = confidence_svg(figures["courses"])
    return {
        **figures,
        "chart_uri": as_data_uri(svg) if svg else "",
        "chart_description": description,
    }


def key_figures(year):
    """Sessions delivered, places attended and the practitioners who came (two queries)."""
    figures = impact.programme_headlines(year=year)
    return [
        KeyFigure(
            figures["sessions"],
            "multi-agency training sessions delivered",
            "training",
            singular="multi-agency training session delivered",
        ),
        KeyFigure(figures["attended"], "places taken up at those sessions", "training", singular="place taken up"),
        KeyFigure(figures["delegates"], "practitioners trained", "training", singular="practitioner trained"),
    ]


KEY_FIGURES = [key_figures]

SECTIONS = [
    Section(
        key="training",
        title="Multi-agency training",
        order=400,
        template="training/report/training.html",
        context=training_context,
        narrative=True,
        written_by="Learning and Development",
        plans_ahead="the training programme's commitments for next year",
        help_text=(
            "What the multi-agency training programme offered this year, who came, what delegates said and what "
            "changed in their practice, and what the programme will do next."
        ),
    ),
]
