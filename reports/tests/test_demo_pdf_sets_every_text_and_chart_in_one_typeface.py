"""Every text of the demo report, the charts' and the diagram's included, is set in the report's typeface (Report
Sans: Atkinson Hyperlegible with an open zero): the PDF embeds no other font."""


def fonts_in(resources, found):
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":  # an SVG chart or diagram
            fonts_in(xobject.get("/Resources"), found)
    return found


def test_the_pdf_embeds_only_the_report_typeface(demo_report):
    found = set()
    for page in demo_report.reader.pages:
        fonts_in(page.get("/Resources"), found)
    assert found and all(name.startswith("Report-Sans") for name in found), sorted(found)
