"""An indicator's trend chart (the quarterly exceptions report) is well-formed SVG drawn on the server: for each
borough, a bar for the figure a year earlier and one for this period, sized by its value, named on its row (the
year) and carrying its value, a missing figure said as such; and a text alternative giving every figure in words.
Its scale stays readable at any magnitude, and it is set in the report's typeface."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from audits.charts import TrendPair, trend_chart
from lscp.charts import text_width

SVG = "{http://www.w3.org/2000/svg}"


def texts(root, kind=None):
    return [t.text for t in root.iter(f"{SVG}text") if kind is None or t.get("class") == kind]


def test_the_chart_draws_each_figure_and_says_them_in_words():
    chart = trend_chart(
        title="Children in need",
        unit="count",
        pairs=[
            TrendPair("Kensington and Chelsea", Decimal("800"), Decimal("700")),
            TrendPair("Westminster", Decimal("1200"), None),
        ],
        period_start=date(2023, 1, 1),
    )
    root = ET.fromstring(chart.svg)
    assert root.tag == f"{SVG}svg"
    assert texts(root, "group") == ["Kensington and Chelsea", "Westminster"]
    assert texts(root, "name") == ["2021/22", "2022/23", "2021/22", "2022/23"]
    assert texts(root, "value") == ["700", "800", "no figure", "1,200"]
    # The bars: their lengths in proportion to the values 700, 800 and 1,200.
    bars = sorted(float(rect.get("width")) for rect in root.iter(f"{SVG}rect") if rect.get("class") == "bar")
    assert len(bars) == 3
    assert abs(bars[0] / bars[1] - 700 / 800) < 0.001 and abs(bars[2] / bars[1] - 1200 / 800) < 0.001
    assert chart.description == (
        "Children in need: Kensington and Chelsea 700 (2021/22) → 800 (2022/23); "
        "Westminster 1,200 (2022/23), no figure a year earlier."
    )
    assert chart.uri.startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize(
    ("unit", "low", "high", "printed"),
    [("count", "0.5", "1234567", ["0.5", "1,234,567"]), ("percentage", "0.5", "99.5", ["0.5%", "99.5%"])],
)
def test_the_scale_never_runs_together_and_every_bar_has_its_value(unit, low, high, printed):
    chart = trend_chart(
        title="Referrals",
        unit=unit,
        pairs=[TrendPair("Westminster", Decimal(high), Decimal(low))],
        period_start=date(2023, 1, 1),
    )
    root = ET.fromstring(chart.svg)
    ticks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    spans = sorted(
        (float(t.get("x")) - text_width(t.text) / 2, float(t.get("x")) + text_width(t.text) / 2) for t in ticks
    )
    assert len(spans) >= 2 and all(left > right for (_, right), (left, _) in zip(spans, spans[1:], strict=False))
    assert texts(root, "value") == printed
    assert root.get("font-family").startswith("Report Sans")


def test_nothing_to_draw_gives_no_chart():
    assert (
        trend_chart(
            title="x", unit="count", pairs=[TrendPair("Westminster", None, None)], period_start=date(2023, 1, 1)
        )
        is None
    )
