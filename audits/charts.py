"""Each indicator's trend as a small SVG chart, drawn on the server with leather (pure Python, no JavaScript, no
network), for the annual report's data chapter and the quarterly exceptions report.

A chart is horizontal bars, two for each borough: the same period a year earlier and this period, each bar named
on its axis (the borough and the financial year), so nothing is told by colour alone. It comes with its text
alternative in words ("Children in need: Kensington and Chelsea 700 (2021/22) → 800 (2022/23); …"); the pages
embed it as an <img> with that alt text (WeasyPrint tags it as a Figure with /Alt in the PDF) and keep the figures
in the table beside it. Built from rows already fetched: no query."""

import base64
from dataclasses import dataclass
from decimal import Decimal

import leather
from leather import theme

from lscp.financial_year import FinancialYear

from .selectors.dataset import format_value

# Drawn at least 560 units wide, wider for long borough names (so the bars keep about 300 units), at most 680: an
# A4 page's text width, where a unit prints as a CSS pixel and the 14-unit text at about 10.5 pt.
MIN_WIDTH, MAX_WIDTH, BARS_WIDTH = 560, 680, 300
BAR_HEIGHT = 24
AXIS_HEIGHT = 30
MARGIN = 0.04  # of the width, on every side

# Colours with at least 4.5:1 against the white background (text) and 3:1 between a bar and the background.
EARLIER_COLOUR = "#5f6b76"
THIS_PERIOD_COLOUR = "#1d4f91"
TEXT_COLOUR = "#212529"

# leather is styled through its theme module; the project draws no other leather chart.
theme.background_color = "#ffffff"
theme.margin = MARGIN
for _part in ("title", "legend", "axis_title", "tick"):
    setattr(theme, f"{_part}_font_family", "DejaVu Sans, Arial, sans-serif")
    setattr(theme, f"{_part}_font_size", 14)
    setattr(theme, f"{_part}_font_char_height", 14)
    setattr(theme, f"{_part}_font_char_width", 8)
theme.title_color = theme.legend_color = theme.axis_title_color = theme.label_color = TEXT_COLOUR
theme.tick_color = "#d0d5da"
theme.zero_color = "#495057"


@dataclass
class TrendPair:
    """One borough's value for a period and for the same period a year earlier (None: no figure)."""

    label: str  # the borough, as the chart's axis and its text alternative name it
    value: Decimal | None
    year_earlier: Decimal | None


@dataclass
class TrendChart:
    title: str
    svg: str
    description: str

    @property
    def uri(self):
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


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
    bars = []
    for pair in pairs:
        bars.append((pair.year_earlier, f"{pair.label}, {earlier_label}", EARLIER_COLOUR))
        bars.append((pair.value, f"{pair.label}, {this_label}", THIS_PERIOD_COLOUR))
    colours = {name: colour for _, name, colour in bars}
    chart = leather.Chart()
    highest = max((value for value, _, _ in bars if value is not None), default=0)
    chart.add_x_scale(0, max(highest, 1))
    chart.add_x_axis(tick_formatter=lambda value, index, count: format_value(Decimal(str(value)), unit))
    chart.add_bars(
        [(value, name) for value, name, _ in bars],
        fill_color=lambda datum: colours[datum.y],
    )
    longest = max(len(name) for _, name, _ in bars) * theme.tick_font_char_width
    width = min(MAX_WIDTH, max(MIN_WIDTH, longest + BARS_WIDTH))
    height = 2 * MARGIN * width + AXIS_HEIGHT + BAR_HEIGHT * len(bars)
    svg = chart.to_svg(width=width, height=round(height))
    return TrendChart(title=title, svg=svg, description=_description(title, pairs, unit, this_label, earlier_label))
