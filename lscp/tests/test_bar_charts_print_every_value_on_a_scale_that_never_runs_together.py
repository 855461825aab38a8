"""A bar chart (lscp/charts.py) prints every bar's value at its end and names it on its row, in the report's
typeface; its scale's labels never run together, whatever the magnitude of the figures (0.5, 1,234,567, a hundred
million, changes either side of zero), measured with the typeface's own widths."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from lscp.charts import FONT_SIZE, Bar, Group, bar_chart

SVG = "{http://www.w3.org/2000/svg}"
FONT = TTFont(Path(settings.BASE_DIR) / "static/fonts/report-sans/report-sans-400-normal.woff2")


def width(text):
    cmap, widths, units = FONT.getBestCmap(), FONT["hmtx"], FONT["head"].unitsPerEm
    return sum(widths[cmap.get(ord(c), cmap[32])][0] for c in text) / units * FONT_SIZE


def figure(value):
    return f"{value:,.10g}"


def chart(values):
    groups = [
        Group(
            label=f"Indicator {n}", bars=[Bar(label="RBKC", value=v, text=figure(v)), Bar("WCC", v / 2, figure(v / 2))]
        )
        for n, v in enumerate(values)
    ]
    return ET.fromstring(bar_chart(groups, format_tick=figure, label="Test"))


@pytest.mark.parametrize(
    "values",
    [[0.5], [1_234_567], [0.5, 1_234_567], [99_999_999, 12], [-17.6, 25.9], [-1_234_567, 7], [0.001, 0.004]],
)
def test_scale_labels_keep_apart_and_every_bar_has_its_value(values):
    root = chart(values)
    ticks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert len(ticks) >= 2
    spans = sorted((float(t.get("x")) - width(t.text) / 2, float(t.get("x")) + width(t.text) / 2) for t in ticks)
    for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
        assert left - right >= FONT_SIZE / 2, [t.text for t in ticks]  # half an em between labels at least
    assert spans[0][0] >= 0 and spans[-1][1] <= float(root.get("width"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    values_printed = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "value"]
    assert len(bars) == 2 * len(values) == len(values_printed)
    assert {figure(v) for v in values} <= set(values_printed)
    assert root.get("font-family").startswith("Report Sans")


def test_a_bar_without_a_figure_says_so_and_draws_nothing():
    root = ET.fromstring(
        bar_chart(
            [Group("Children in need", [Bar("RBKC", 726, "726"), Bar("WCC", None, "no figure")])],
            format_tick=figure,
        )
    )
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]) == 1
    assert "no figure" in [t.text for t in root.iter(f"{SVG}text")]


def test_nothing_to_draw_gives_no_chart():
    assert bar_chart([Group("x", [Bar("RBKC", None, "")])], format_tick=figure) == ""
