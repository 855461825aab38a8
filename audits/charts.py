"""The data set's charts, drawn as SVG on the server (lscp/charts.py: no JavaScript, nothing fetched).

- The annual report's "Our children and young people data" chapter draws its indicators in two charts, one for each
  group of like figures, rather than one near-identical chart per indicator: the change since a year earlier of
  every indicator (all in per cent, so on one scale), and the indicators that are rates (per cent) beside the
  London average. `indicator_charts(table)`.
  Their figures print as the report's tables print them (whole per cents: lscp/figures.py).
- The quarterly exceptions report draws each indicator's trend: for each borough, the same period a year earlier
  and this period. `trend_chart(…)`.

Every bar is named on its row and has its value printed at its end; each chart comes with its text alternative in
words, which the pages give as the image's alt text (WeasyPrint tags it as a Figure with /Alt in the PDF); the
figures stay in the tables beside them. Built from rows already fetched: no query."""

from dataclasses import dataclass
from decimal import Decimal

from lscp.charts import Bar, Group, as_data_uri, bar_chart
from lscp.figures import format_value as report_value
from lscp.financial_year import FinancialYear
from lscp.percentages import format_share

from .models import Unit
from .selectors.dataset import format_value

# Colours with at least 4.5:1 against the white background (text) and 3:1 between a bar and the background.
EARLIER_COLOUR = "#5f6b76"
THIS_PERIOD_COLOUR = "#1d4f91"
BOROUGH_COLOURS = ("#1d4f91", "#8a4b08", "#2f6b3a", "#6a3d8f", "#a1283c")
LONDON_COLOUR = "#5f6b76"


@dataclass
class TrendPair:
    """One borough's value for a period and for the same period a year earlier (None: no figure)."""

    label: str  # the borough, as the chart and its text alternative name it
    value: Decimal | None
    year_earlier: Decimal | None


@dataclass
class TrendChart:
    title: str
    svg: str
    description: str

    @property
    def uri(self):
        return as_data_uri(self.svg)


def _value_tick(unit):
    def format_tick(value):
        return format_value(Decimal(str(round(value, 6))).normalize(), unit)

    return format_tick


def _description(title, pairs, unit, this_label, earlier_label):
    parts = []
    for pair in pairs:
        now = format_value(pair.value, unit) or "no figure"
        if pair.year_earlier is None:
            parts.append(f"{pair.label} {now} ({this_label}), no figure a year earlier")
        else:
            parts.append(
                f"{pair.label} {format_value(pair.year_earlier, unit)} ({earlier_label}) → {now} ({this_label})"
            )
    return f"{title}: {'; '.join(parts)}."


def trend_chart(*, title, unit, pairs, period_start):
    """A TrendChart of the pairs (in their order), or None when no pair has a figure to draw."""
    if not any(pair.value is not None or pair.year_earlier is not None for pair in pairs):
        return None
    year = FinancialYear.for_date(period_start)
    this_label, earlier_label = year.label, year.previous.label
    groups = [
        Group(
            label=pair.label,
            bars=[
                _value_bar(earlier_label, pair.year_earlier, unit, EARLIER_COLOUR),
                _value_bar(this_label, pair.value, unit, THIS_PERIOD_COLOUR),
            ],
        )
        for pair in pairs
    ]
    svg = bar_chart(groups, format_tick=_value_tick(unit), label=title)
    return TrendChart(title=title, svg=svg, description=_description(title, pairs, unit, this_label, earlier_label))


def _value_bar(label, value, unit, colour, *, formatted=format_value):
    return Bar(
        label=label,
        value=None if value is None else float(value),
        text=formatted(value, unit) or "no figure",
        colour=colour,
    )


# The annual report's data chapter ---------------------------------------------------------------------------------


def _signed_share(cell):
    """+7% · −18% · no change: the change as the table gives it (the change's share of the figure a year earlier,
    by the report's one rule, lscp/percentages.py), with its sign instead of a word."""
    difference = cell.value - cell.year_earlier
    if difference == 0:
        return "no change"
    return f"{'+' if difference > 0 else '−'}{format_share(abs(difference), abs(cell.year_earlier))}"


def _change_tick(value):
    if value == 0:
        return "0"
    return f"{'+' if value > 0 else '−'}{abs(value):g}%"


def _change_text(cell):
    if cell.value is None:
        return "no figure"
    if cell.year_earlier is None:
        return "no figure a year earlier"
    if cell.change_percent is None:
        return "new"
    return _signed_share(cell)


def change_chart(table, *, year):
    """Every indicator's change since the same period a year earlier, a bar for each borough, on one scale in per
    cent; None when no indicator has a figure a year earlier."""
    codes = [code for code, _ in table.boroughs]
    groups, said = [], []
    for row in table.rows:
        if not any(cell.change_percent is not None for cell in row.cells):
            continue
        bars = [
            Bar(
                label=code,
                value=None if cell.change_percent is None else float(cell.change_percent),
                text=_change_text(cell),
                colour=BOROUGH_COLOURS[index % len(BOROUGH_COLOURS)],
            )
            for index, (code, cell) in enumerate(zip(codes, row.cells, strict=True))
            if cell.value is not None
        ]
        groups.append(Group(label=row.indicator, bars=bars))
        said.append(f"{row.indicator}: " + ", ".join(f"{bar.label} {bar.text}" for bar in bars))
    if not groups:
        return None
    title = f"Change since a year earlier, {year.label}"
    svg = bar_chart(groups, format_tick=_change_tick, label=title)
    description = f"{title}, in per cent of the figure a year earlier. " + "; ".join(said) + "."
    return TrendChart(title=title, svg=svg, description=description)


def rates_chart(table, *, year):
    """The indicators that are rates (per cent), each borough's beside the London average where there is one, on
    one scale; None when there is no such indicator."""
    codes = [code for code, _ in table.boroughs]
    groups, said = [], []
    for row in table.rows:
        if row.unit != Unit.PERCENTAGE or all(cell.value is None for cell in row.cells):
            continue
        bars = [
            _value_bar(
                code, cell.value, row.unit, BOROUGH_COLOURS[index % len(BOROUGH_COLOURS)], formatted=report_value
            )
            for index, (code, cell) in enumerate(zip(codes, row.cells, strict=True))
        ]
        if row.london is not None:
            bars.append(_value_bar("London average", row.london, row.unit, LONDON_COLOUR, formatted=report_value))
        groups.append(Group(label=row.indicator, bars=bars))
        said.append(f"{row.indicator}: " + ", ".join(f"{bar.label} {bar.text}" for bar in bars))
    if not groups:
        return None
    title = f"Rates beside the London average, {year.label}"
    svg = bar_chart(groups, format_tick=_value_tick(Unit.PERCENTAGE), label=title)
    return TrendChart(title=title, svg=svg, description=f"{title}. " + "; ".join(said) + ".")


def indicator_charts(table, *, year):
    """The data chapter's charts, one for each group of like figures (those with something to draw): the shorter one,
    the rates, first, so that it fills the page the table ends on rather than leaving it half empty."""
    return [chart for chart in (rates_chart(table, year=year), change_chart(table, year=year)) if chart]
