"""The PDF is tagged (PDF/UA-1), titled, in English, and its figures have text alternatives."""

import pytest
from pypdf.generic import IndirectObject

from reports.rendering import build_pdf

from .conftest import make_partnership, pdf_pages_text


def walk(node, found):
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, list):
        for child in node:
            walk(child, found)
    elif hasattr(node, "get"):
        if node.get("/S") is not None:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            walk(kids, found)


@pytest.mark.django_db
def test_the_pdf_is_tagged_titled_and_every_figure_has_alt_text(report):
    make_partnership()
    data, pages, timings = build_pdf(report)
    reader, _ = pdf_pages_text(data)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title.startswith("Annual report 2022/23")
    elements = []
    walk(root["/StructTreeRoot"], elements)
    kinds = {str(e["/S"]) for e in elements}
    assert {"/H1", "/Table", "/TH", "/Figure"} <= kinds
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)
    assert any("reports to" in str(f["/Alt"]) for f in figures)  # the diagram described in words


@pytest.mark.django_db
def test_the_running_header_names_the_chapter(report):
    make_partnership()
    data, page_count, _ = build_pdf(report)
    _, pages = pdf_pages_text(data)
    attendance_pages = [text for text in pages if "Attendance by agency" in text]
    assert attendance_pages and all(text.count("Attendance") >= 2 for text in attendance_pages)
