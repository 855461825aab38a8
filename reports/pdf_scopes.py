"""Header cells in the PDF's structure tree say what they head (PDF/UA: /Scope on every TH).

WeasyPrint tags tables (Table, THead, TBody, TR, TH, TD, with /Headers on data cells) but writes no /Scope on a
header cell, so a screen reader meeting a header cell on its own cannot tell a column heading from a row
heading. The HTML says it (scope="col" / scope="row"); here each TH gets it in the PDF too: a header cell in the
table's head row group heads a column, one in a body or foot row heads its row.

`scope_header_cells` does it while WeasyPrint writes the PDF (a `write_pdf` finisher, on its pydyf objects);
`with_header_scopes` does the same to a PDF already written (re-reading it with pypdf).
"""

import io

import pydyf
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

COLUMN, ROW = NameObject("/Column"), NameObject("/Row")


def _kids(element):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, ArrayObject | list) else [kids]
    found = []
    for kid in kids:
        kid = kid.get_object()
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found.append(kid)
    return found


def _set_scope(header, scope):
    attributes = header.get("/A")
    attributes = attributes.get_object() if attributes is not None else None
    if isinstance(attributes, ArrayObject):  # several attribute dicts: use the Table one, or add one
        table = next((a.get_object() for a in attributes if a.get_object().get("/O") == "/Table"), None)
        if table is None:
            table = DictionaryObject({NameObject("/O"): NameObject("/Table")})
            attributes.append(table)
        attributes = table
    elif attributes is None:
        attributes = DictionaryObject({NameObject("/O"): NameObject("/Table")})
        header[NameObject("/A")] = attributes
    attributes.setdefault(NameObject("/Scope"), scope)


def with_header_scopes(pdf):
    """The same PDF with /Scope on every TH of its structure tree; the PDF unchanged if it has no tree."""
    # An incremental update: the PDF as WeasyPrint wrote it, with only the changed header cells appended.
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    tree = writer.root_object.get("/StructTreeRoot")
    if tree is None:
        return pdf
    stack = [(element, None) for element in _kids(tree.get_object())]
    while stack:
        element, group = stack.pop()
        kind = element.get("/S")
        if kind == "/TH":
            _set_scope(element, COLUMN if group == "/THead" else ROW)
        child_group = kind if kind in ("/THead", "/TBody", "/TFoot") else group
        stack.extend((kid, child_group) for kid in _kids(element))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _pydyf_kids(pdf, element):
    """The structure elements among a pydyf structure element's kids (references to objects in `pdf`)."""
    kids = element.get("K")
    if kids is None:
        return []
    found = []
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid, bytes) and kid.endswith(b" R"):  # an indirect reference: "number generation R"
            kid = pdf.objects[int(kid.split()[0])]
        if isinstance(kid, dict) and "S" in kid:
            found.append(kid)
    return found


def _pydyf_set_scope(header, scope):
    attributes = header.get("A")
    if isinstance(attributes, list):  # several attribute dicts: use the Table one, or add one
        table = next((a for a in attributes if isinstance(a, dict) and a.get("O") == "/Table"), None)
        if table is None:
            table = pydyf.Dictionary({"O": "/Table"})
            attributes.append(table)
        attributes = table
    elif attributes is None:
        attributes = pydyf.Dictionary({"O": "/Table"})
        header["A"] = attributes
    attributes.setdefault("Scope", scope)


def scope_header_cells(document, pdf):
    """write_pdf's finisher: /Scope on every TH of the structure tree WeasyPrint built, before it is serialised.

    The same as `with_header_scopes` without reading the written PDF back."""
    tree = pdf.catalog.get("StructTreeRoot")
    if tree is None:
        return
    stack = [(element, None) for element in _pydyf_kids(pdf, pdf.objects[int(tree.split()[0])])]
    while stack:
        element, group = stack.pop()
        kind = element.get("S")
        if kind == "/TH":
            _pydyf_set_scope(element, "/Column" if group == "/THead" else "/Row")
        child_group = kind if kind in ("/THead", "/TBody", "/TFoot") else group
        stack.extend((kid, child_group) for kid in _pydyf_kids(pdf, element))
