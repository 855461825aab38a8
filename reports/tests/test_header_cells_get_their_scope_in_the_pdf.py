"""Each TH of a tagged PDF gets a /Scope (PDF/UA): a column in the head row group, a row in the body; the rest
of the PDF is kept as WeasyPrint wrote it (an incremental update)."""

import io

from pypdf import PdfReader
from weasyprint import HTML

from reports.pdf_scopes import with_header_scopes

TABLE = """<html lang="en-GB"><head><title>t</title></head><body><table>
<caption>Attendance</caption>
<thead><tr><th scope="col">Role</th><th scope="col">Rate</th></tr></thead>
<tbody><tr><th scope="row">Police</th><td>80%</td></tr><tr><th scope="row">Health</th><td>75%</td></tr></tbody>
</table></body></html>"""


def header_scopes(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        for kid in kids:
            kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/S") is not None:
                if kid["/S"] == "/TH":
                    attributes = kid.get("/A")
                    attributes = attributes.get_object() if attributes is not None else {}
                    found.append(str(attributes.get("/Scope")))
                stack.append(kid)
    return sorted(found)


def test_column_and_row_headers_get_their_scopes():
    pdf = HTML(string=TABLE).write_pdf(pdf_variant="pdf/ua-1")
    assert header_scopes(pdf) == ["None", "None", "None", "None"]  # what WeasyPrint writes
    scoped = with_header_scopes(pdf)
    assert header_scopes(scoped) == ["/Column", "/Column", "/Row", "/Row"]
    assert scoped.startswith(pdf)  # appended to, not rewritten
    assert PdfReader(io.BytesIO(scoped)).pdf_header == "%PDF-1.7"


def test_an_untagged_pdf_is_left_as_it_is():
    pdf = HTML(string=TABLE).write_pdf()
    assert with_header_scopes(pdf) == pdf
