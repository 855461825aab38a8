"""The demo report's "Our children and young people data" chapter draws each indicator's trend as a chart beside
its table, and each chart reaches the tagged PDF as a Figure whose /Alt gives its figures in words."""

from pypdf.generic import IndirectObject


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


def test_each_indicator_chart_is_a_figure_with_its_figures_as_alt_text(demo_report):
    html = demo_report.html
    chapter = html[html.index("Our children and young people data at the end of") :]
    charts = chapter.count('class="trend-chart"')
    assert charts >= 3
    alts = alternatives(demo_report.reader.trailer["/Root"]["/StructTreeRoot"], [])
    trend_alts = [alt for alt in alts if "→" in alt and "(2021/22)" in alt and "(2022/23)" in alt]
    assert len(trend_alts) == charts
    assert any(alt.startswith("Children in need") for alt in trend_alts), trend_alts
