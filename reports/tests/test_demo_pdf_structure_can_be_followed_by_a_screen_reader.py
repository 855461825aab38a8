"""A screen reader can follow the demo's 2022/23 PDF through its tags: headings never skip a level, every
header cell is tied to the cells it heads, every figure has a text alternative.

WeasyPrint (70) gives every TH an /ID and every TD the /Headers that head it, but writes no /Scope on a TH;
reports/pdf_scopes.py adds it. So the PDF is checked for /Scope, /ID and /Headers, and the HTML it is laid out
from for a scope on every header cell."""

import re

import pytest
from pypdf.generic import IndirectObject


@pytest.fixture
def built(demo_report):
    return demo_report


def structure_elements(node, parent=None, found=None):
    """The tagged elements in reading order, each with its parent."""
    found = [] if found is None else found
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, list):
        for child in node:
            structure_elements(child, parent, found)
    elif hasattr(node, "get"):
        if node.get("/S") is not None:
            found.append((node, parent))
            parent = node
        kids = node.get("/K")
        if kids is not None:
            structure_elements(kids, parent, found)
    return found


@pytest.fixture
def elements(built):
    if "elements" not in built.extra:  # read once per run, like the build
        built.extra["elements"] = structure_elements(built.reader.trailer["/Root"]["/StructTreeRoot"])
    return built.extra["elements"]


def kind(element):
    return str(element["/S"])


def test_headings_never_skip_a_level(elements):
    levels = [int(kind(e)[2]) for e, _ in elements if re.fullmatch(r"/H[1-6]", kind(e))]
    assert levels.count(1) >= 10 and 2 in levels and 3 in levels
    skips = [(before, after) for before, after in zip([0, *levels], levels, strict=False) if after > before + 1]
    assert skips == []


def test_every_header_cell_is_tied_to_the_cells_it_heads(elements):
    headers = [e for e, _ in elements if kind(e) == "/TH"]
    assert len(headers) > 50
    assert all(str(h.get("/ID", "")) for h in headers)
    header_ids = {str(h["/ID"]) for h in headers}
    data_cells = [e for e, _ in elements if kind(e) == "/TD"]
    assert data_cells and all(len(cell["/A"].get("/Headers", [])) >= 1 for cell in data_cells)
    assert {str(i) for cell in data_cells for i in cell["/A"]["/Headers"]} <= header_ids


def test_every_header_cell_in_the_pdf_says_what_it_heads(elements):
    def scope(header):
        attributes = header.get("/A")
        attributes = attributes.get_object() if attributes is not None else {}
        return str(attributes.get("/Scope", ""))

    headers = [(e, parent) for e, parent in elements if kind(e) == "/TH"]
    assert len(headers) > 50
    assert [scope(h) for h, _ in headers if scope(h) not in ("/Column", "/Row")] == []
    # A heading in a table's head row heads a column; the first cell of a body row heads its row.
    in_head = [h for h, row in headers if kind(row.get_object()["/P"].get_object()) == "/THead"]
    assert in_head and {scope(h) for h in in_head} == {"/Column"}
    assert "/Row" in {scope(h) for h, _ in headers}


def test_every_header_cell_in_the_html_says_what_it_heads(built):
    cells = re.findall(r"<th\b[^>]*>", built.html)
    assert len(cells) > 50
    assert [cell for cell in cells if not re.search(r'\bscope="(col|row|colgroup|rowgroup)"', cell)] == []


def test_every_figure_has_a_text_alternative(elements):
    figures = [e for e, _ in elements if kind(e) == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)
