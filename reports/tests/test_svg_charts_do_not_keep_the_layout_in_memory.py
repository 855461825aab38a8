"""A chart (an SVG image) keeps WeasyPrint's layout context alive until the PDF is written, to draw its text. The
layout-only state in that context (every element's styles, each page's layout state) is released once the pages
are laid out, and the chart still draws its text."""

import base64

from reports.rendering import PDF_OPTIONS, layout

from .conftest import pdf_pages_text

CHART = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" role="img">'
    '<text x="4" y="24" font-size="14">Chart label 2022</text></svg>'
)
DOCUMENT = (
    '<html lang="en-GB"><head><title>t</title></head><body>'
    + "<p>Paragraph</p>" * 50
    + f'<img src="data:image/svg+xml;base64,{base64.b64encode(CHART.encode()).decode()}" alt="A chart">'
    + "</body></html>"
)


def _svg_contexts(document):
    return [
        box.replacement._context
        for page in document.pages
        for box in page._page_box.descendants()
        if getattr(getattr(box, "replacement", None), "_context", None) is not None
    ]


def test_the_chart_keeps_no_element_styles_or_page_states_after_layout():
    contexts = _svg_contexts(layout(DOCUMENT))
    assert contexts, "the chart no longer keeps a layout context: the release has nothing left to do"
    assert all(c.style_for is None and c.page_maker == [] and c.tables == {} for c in contexts)


def test_the_chart_still_draws_its_text_in_the_pdf():
    _, pages = pdf_pages_text(layout(DOCUMENT).write_pdf(**PDF_OPTIONS))
    assert "Chart label 2022" in " ".join(pages)
