"""The demo report's "Our children and young people data" chapter draws its indicators in one chart for each group
of like figures, not a near-identical chart for each: the change since a year earlier of every indicator on one
scale in per cent, and the rates (per cent) beside the London average. Each chart is a Figure in the tagged PDF
whose /Alt gives every figure it draws."""

import base64
import re
import xml.etree.ElementTree as ET

from pypdf.generic import IndirectObject

SVG = "{http://www.w3.org/2000/svg}"


def alternatives(node, found):
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, list):
        for child in node:
            alternatives(child, found)
    elif hasattr(node, "get"):
        if str(node.get("/S", "")) == "/Figure":
            found.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        if kids is not None:
            alternatives(kids, found)
    return found


def charts(html):
    return [
        ET.fromstring(base64.b64decode(uri))
        for uri in re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', html)
    ]


def test_one_chart_for_each_group_of_like_indicators(demo_report):
    chapter = demo_report.section_html("children-data")
    indicators = chapter.count('<th scope="row">')
    drawn = charts(chapter)
    assert indicators >= 10 and len(drawn) == 2
    rates, change = drawn  # the shorter chart first, to fill the page the table ends on
    groups = [t.text for t in change.iter(f"{SVG}text") if t.get("class") == "group"]
    assert "Children in need" in groups and "Child protection plans" in groups
    values = [t.text for t in change.iter(f"{SVG}text") if t.get("class") == "value"]
    bars = [r for r in change.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(values) >= len(bars) >= 2 * 10
    assert "−18%" in values and "+21%" in values  # child protection plans, RBKC and WCC
    names = [t.text for t in rates.iter(f"{SVG}text") if t.get("class") == "name"]
    assert "London average" in names and "RBKC" in names


def test_each_chart_is_a_figure_with_its_figures_in_words(demo_report):
    alts = alternatives(demo_report.reader.trailer["/Root"]["/StructTreeRoot"], [])
    change = next(alt for alt in alts if alt.startswith("Change since a year earlier, 2022/23"))
    assert "Child protection plans: RBKC −18%, WCC +21%" in change
    rates = next(alt for alt in alts if alt.startswith("Rates beside the London average, 2022/23"))
    assert "Pupils eligible for free school meals: RBKC 33%, WCC 38%, London average 26%" in rates
