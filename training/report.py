"""The training records' chapter of the annual report: "Multi-agency training", written by the Learning and
Development Subgroup's chairs, with its figures from training.impact only (evaluated data): sessions and delegates
by course, by sector and by agency, attendance and no-shows, evaluation and impact, and a chart with its text
alternative."""

from lscp.charts import as_data_uri
from lscp.report_sections import Section

from . import impact
from .chart import confidence_svg


def training_context(year):
    figures = impact.year_in_figures(year=year)
    svg, description = confidence_svg(figures["courses"])
    return {
        **figures,
        "chart_uri": as_data_uri(svg) if svg else "",
        "chart_description": description,
    }


SECTIONS = [
    Section(
        key="training",
        title="Multi-agency training",
        order=410,
        template="training/report/training.html",
        context=training_context,
        narrative=True,
        written_by="Learning and Development",
        help_text=(
            "What the multi-agency training programme offered this year, who came, what delegates said and what "
            "changed in their practice, and what the programme will do next."
        ),
    ),
]
