"""Horizontal bar charts as SVG, drawn on the server for the annual report and the pages (no JavaScript, nothing
fetched), shared by every app that draws one.

A chart is groups of bars (an indicator, a course), each bar on its own row with its name on the left and its
value printed at its end, so no bar is told by its colour or its length alone. The scale under the bars is chosen
so that its labels never run together, whatever the magnitude (0.5 or 1,234,567): the fewer, wider steps the
longer the labels. Bars may run either way from zero (a change since last year). The text is set in the report's
typeface (Report Sans, see static/css/report-fonts.css); a browser showing the SVG as an image falls back to its own
sans-serif.

The charts print at their drawn size: a unit is a CSS pixel, WIDTH fits an A4 page's text width, and the 12-unit
text prints at 9 pt.
"""

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

FONT_FAMILY = "Report Sans, Atkinson Hyperlegible, DejaVu Sans, sans-serif"
FONT_SIZE = 12
WIDTH = 640
ROW_HEIGHT = 16  # a bar's row; the bar is BAR_HEIGHT of it
BAR_HEIGHT = 12
GROUP_GAP = 8
MOST_TICKS = 8  # intervals on the scale, at most
GROUP_LABEL_SHARE = 0.34  # of the width, at most, for the groups' names
AXIS_HEIGHT = 24
TEXT_COLOUR = "#212529"
GRID_COLOUR = "#d0d5da"
ZERO_COLOUR = "#495057"

# Advance widths of the typeface's characters, in ems (Atkinson Hyperlegible's figures are 0.65 em): enough to
# keep labels apart without loading the font.
_NARROW, _WIDE = set(",.:;'!|il()[] "), set("%MWmw@£")


def text_width(text, size=FONT_SIZE):
    """About how wide a text prints, erring wide."""
    ems = sum(0.3 if c in _NARROW else 0.9 if c in _WIDE else 0.66 for c in text)
    return ems * size


def wrap(text, width, *, bold=False):
    """The text in lines no wider than `width`, broken between words."""
    lines = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate) * (1.08 if bold else 1) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]


@dataclass
class Bar:
    label: str  # the bar's name on its row ("Westminster", "London average", "Before")
    value: float | None  # None: no figure (the row says so)
    text: str = ""  # the value as printed at the bar's end
    colour: str = "#1d4f91"


@dataclass
class Group:
    label: str  # printed above its bars
    bars: list = field(default_factory=list)


def _nice_steps(span):
    """Steps of 1, 2, 2.5 and 5 times a power of ten, upwards from a tenth of the span or less."""
    power = 10 ** math.floor(math.log10(span / 10))
    while True:
        for factor in (1, 2, 2.5, 5):
            yield factor * power
        power *= 10


def ticks_for(low, high, width, format_tick):
    """Tick values from low to high (both on a tick) whose labels, centred on them, keep an em apart: the smallest
    step whose labels fit, so a longer label (1,234,567) gets fewer ticks."""
    for step in _nice_steps(high - low):
        if step * MOST_TICKS < high - low:
            continue
        start, end = math.floor(low / step) * step, math.ceil(high / step) * step
        count = round((end - start) / step)
        values = [round(start + i * step, 10) for i in range(count + 1)]
        widest = max(text_width(format_tick(value)) for value in values)
        if count <= 1 or width / count >= widest + FONT_SIZE:
            return values


def bar_chart(groups, *, format_tick, label="", scale=None):
    """The SVG text of a chart of the groups, or "" when no bar has a value. `format_tick(value)` prints a scale
    label; `label` names the chart for assistive technology inside the SVG (the page gives the text alternative);
    `scale` (low, high) fixes the scale's ends (a score from 0 to 5), else it runs from zero to the values.

    Each group's name is on the left (on as many lines as it needs), then each bar's name, the bar and its value:
    short bar names (a borough's code, a year) keep the bars long."""
    values = [bar.value for group in groups for bar in group.bars if bar.value is not None]
    if not values:
        return ""
    headings = [wrap(group.label, WIDTH * GROUP_LABEL_SHARE, bold=True) for group in groups]
    heading_width = max(text_width(line) * 1.08 for lines in headings for line in lines) + 10
    names = [bar.label for group in groups for bar in group.bars]
    name_width = max(text_width(name) for name in names) + 8
    value_width = max(text_width(bar.text) for group in groups for bar in group.bars) + 6
    low, high = min(0.0, *values), max(0.0, *values)
    if scale is not None:
        low, high = min(low, scale[0]), max(high, scale[1])
    left = heading_width + name_width + (value_width if low < 0 else 0)  # a bar running left: its value on its left
    right = WIDTH - value_width - 4
    ticks = ticks_for(low, high if high > low else low + 1, right - left, format_tick)
    low, high = ticks[0], ticks[-1]

    def x(value):
        return left + (value - low) / (high - low) * (right - left)

    heights = [max(len(lines), len(group.bars)) * ROW_HEIGHT for group, lines in zip(groups, headings, strict=True)]
    plot_bottom = sum(heights) + GROUP_GAP * (len(groups) + 1)
    height = plot_bottom + AXIS_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}" role="img"'
        f"{f' aria-label={_attribute(label)}' if label else ''}>"
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="0" x2="{x(tick):.1f}" y2="{plot_bottom}" '
            f'stroke="{ZERO_COLOUR if tick == 0 else GRID_COLOUR}" stroke-width="{1 if tick == 0 else 0.6}"/>'
        )
        parts.append(
            f'<text class="tick" x="{x(tick):.1f}" y="{plot_bottom + 16}" text-anchor="middle">'
            f"{escape(format_tick(tick))}</text>"
        )
    y = GROUP_GAP
    for group, lines, group_height in zip(groups, headings, heights, strict=True):
        for index, line in enumerate(lines):
            parts.append(
                f'<text class="group" x="0" y="{y + index * ROW_HEIGHT + ROW_HEIGHT / 2 + 4:.1f}" '
                f'font-weight="bold">{escape(line)}</text>'
            )
        for index, bar in enumerate(group.bars):
            middle = y + index * ROW_HEIGHT + ROW_HEIGHT / 2
            parts.append(f'<text class="name" x="{heading_width:.1f}" y="{middle + 4:.1f}">{escape(bar.label)}</text>')
            parts.extend(_bar(bar, middle, x))
        y += group_height + GROUP_GAP
    parts.append("</svg>")
    return "".join(parts)


def _bar(bar, middle, x):
    if bar.value is None:  # no figure: the row says so where the bar would start
        return (
            [f'<text class="value" x="{x(0) + 4:.1f}" y="{middle + 4:.1f}">{escape(bar.text)}</text>']
            if bar.text
            else []
        )
    start, end = sorted((x(0), x(bar.value)))
    drawn = [
        f'<rect class="bar" x="{start:.1f}" y="{middle - BAR_HEIGHT / 2:.1f}" width="{max(end - start, 0.5):.1f}" '
        f'height="{BAR_HEIGHT}" fill="{bar.colour}"/>'
    ]
    if bar.value < 0:
        drawn.append(
            f'<text class="value" x="{start - 4:.1f}" y="{middle + 4:.1f}" text-anchor="end">{escape(bar.text)}</text>'
        )
    else:
        drawn.append(f'<text class="value" x="{end + 4:.1f}" y="{middle + 4:.1f}">{escape(bar.text)}</text>')
    return drawn


def _attribute(text):
    return '"' + escape(text, {'"': "&quot;"}) + '"'


def as_data_uri(svg):
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
