"""The training records' chapter of the annual report: "Multi-agency training", written by the Learning and
Development Subgroup's chairs, with its figures from training.impact only (evaluated data): sessions and delegates
by course, by sector and by agency, attendance and no-shows, evaluation and impact, and a chart with its text
alternative."""

from lscp.charts import as_data_uri
from lscp.comparisons import Kind, YearOnYear
from lscp.report_sections import KeyFigure, Section

from . import impact
from .chart import confidence_svg


def compared_with_last_year(totals, last):
    """The programme's figures beside last year's (`impact.programme_summary`), or [] when last year delivered no
    session: (what, YearOnYear) rows, each figure as the chapter prints the year's own."""
    if last is None or not totals["delivered"]:
        return []
    after = totals["stages"]["after"]
    return [
        ("Sessions delivered", YearOnYear(totals["delivered"], last["sessions"])),
        ("Attendances", YearOnYear(totals["attended"], last["attended"])),
        ("Different practitioners", YearOnYear(totals["delegates"], last["delegates"])),
        ("No-show rate", YearOnYear(totals["no_show_rate"], last["no_show_rate"], Kind.RATE, places=0)),
        ("Evaluations returned after the session", YearOnYear(after["responses"], last["responses"])),
        ("Mean confidence after the session (1 to 5)", YearOnYear(after["confidence"], last["confidence"], Kind.MEAN)),
        (
            "Said at follow-up their practice had changed",
            YearOnYear(totals["changed_share"], last["changed_share"], Kind.RATE, places=0),
        ),
    ]


def training_context(year):
    """The year's programme (six queries) and last year's, to compare (two)."""
    figures = impact.year_in_figures(year=year)
    svg, description = confidence_svg(figures["courses"])
    last = impact.programme_summary(year=year.previous) if year.previous else None
    return {
        **figures,
        "chart_uri": as_data_uri(svg) if svg else "",
        "chart_description": description,
        "last_year": compared_with_last_year(figures["totals"], last),
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
        has_records=lambda c: bool(c["courses"]),
        records_url="admin:training_coursesession_changelist",
    ),
]
