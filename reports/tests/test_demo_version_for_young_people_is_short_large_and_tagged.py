"""The demo's version for children and young people, made by the same build as its 2022/23 report: no more than eight
pages, tagged, in the report's typeface at a larger size, with the year's priorities and "You said, we did" from the
records and the parts the business manager wrote in plain words."""

import io
import re
import statistics

import pypdf

from governance.models import Priority, YouSaidWeDid
from reports.demo import YOUNG_PEOPLE_NARRATIVES
from reports.readability import plain_text, reading_ease

from .demo_build import DEMO_YEAR
from .pdf_layout import LaidOutPdf


def young_people(demo_report):
    pdf, pages = demo_report.extra["young_people_pdf"]
    return pdf, pages


def body_size(pdf, top_margin=62.0):
    """The size most of the text is set in (the body's), in points."""
    sizes = [round(line.size, 1) for page in LaidOutPdf(pdf, top_margin=top_margin).pages for line in page.lines]
    return statistics.mode(sizes)


def words(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages)
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)  # a line broken after a hyphen ("semi- independent")


def test_it_has_at_most_eight_pages_and_is_tagged(demo_report):
    pdf, pages = young_people(demo_report)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 2 <= pages == len(reader.pages) <= 8
    assert "/StructTreeRoot" in reader.trailer["/Root"] and reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_it_is_set_larger_than_the_main_report_in_the_same_typeface(demo_report):
    pdf, _ = young_people(demo_report)
    young, main = body_size(pdf, top_margin=50.0), body_size(demo_report.pdf)
    assert young >= 14 and young >= main * 1.25, (young, main)
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("Report-Sans") for name in fonts), fonts


def test_it_carries_the_years_priorities_and_you_said_we_did(demo, demo_report):
    pdf, _ = young_people(demo_report)
    text = words(pdf)
    priorities = list(Priority.objects.for_year(DEMO_YEAR))
    rows = list(YouSaidWeDid.objects.filter(year=DEMO_YEAR))
    assert priorities and rows
    for title in [p.title for p in priorities] + [row.you_said for row in rows]:
        assert " ".join(title.split()) in text, title
    assert "Call Childline on 0800 1111." in text


def test_its_written_parts_read_fairly_easily():
    for key, text in YOUNG_PEOPLE_NARRATIVES.items():
        from reports.markdown import render_markdown

        assert reading_ease(plain_text(render_markdown(text))).score >= 60, key
