"""An indicator's trend chart is well-formed SVG drawn on the server: a bar for each borough's figure a year
earlier and this period, sized by its value and named on the axis, and a text alternative giving every figure in
words, a missing year-earlier figure said as such."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from audits.charts import TrendPair, trend_chart

SVG = "{http://www.w3.org/2000/svg}"


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
    labels = [text.text for text in root.iter(f"{SVG}text")]
    for name in ("Kensington and Chelsea, 2021/22", "Kensington and Chelsea, 2022/23", "Westminster, 2022/23"):
        assert name in labels
    # The bars (not the background): their lengths in proportion to the values 700, 800 and 1,200.
    bars = sorted(float(rect.get("width")) for rect in root.iter(f"{SVG}rect") if rect.get("fill") != "#ffffff")
    assert len(bars) == 3
    assert abs(bars[0] / bars[1] - 700 / 800) < 0.001 and abs(bars[2] / bars[1] - 1200 / 800) < 0.001
    assert chart.description == (
        "Children in need: Kensington and Chelsea 700 (2021/22) → 800 (2022/23); "
        "Westminster 1,200 (2022/23), no figure a year earlier."
    )
    assert chart.uri.startswith("data:image/svg+xml;base64,")


def test_nothing_to_draw_gives_no_chart():
    assert (
        trend_chart(
            title="x", unit="count", pairs=[TrendPair("Westminster", None, None)], period_start=date(2023, 1, 1)
        )
        is None
    )
