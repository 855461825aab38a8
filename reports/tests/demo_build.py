"""The demo's 2022/23 report, built once per run for the tests that read it (the `demo_report` fixture of the
root conftest.py).

Laying out the demo's PDF takes seconds; every test that only reads the result shares one build, made from the
run's shared demo data set inside a savepoint that is rolled back, so the database is left as it was."""

import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape

import pypdf
from django.db import transaction

from lscp import percentages
from lscp.financial_year import FinancialYear
from reports.models import AnnualReport
from reports.rendering import build_pdf, gather, render_html

from .pdf_layout import LaidOutPdf

DEMO_YEAR = FinancialYear(2022)


@dataclass
class BuiltReport:
    html: str  # the document the PDF is laid out from
    pdf: bytes
    extra: dict = field(default_factory=dict)

    @cached_property
    def reader(self):
        """The PDF, parsed once: the build is shared by the tests that read it, and so is its reading."""
        return pypdf.PdfReader(io.BytesIO(self.pdf))

    @cached_property
    def layout(self):
        """The PDF's pages as laid out: lines, headings, tables (reports/tests/pdf_layout.py), read once."""
        return LaidOutPdf(self.pdf)

    @cached_property
    def pdf_text(self):
        """The PDF's text, page after page, with runs of white space as one space."""
        return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in self.reader.pages)

    def section_html(self, key):
        match = re.search(rf'<section[^>]*id="section-{re.escape(key)}".*?</section>', self.html, re.S)
        assert match, f"no section {key} in the report"
        return match.group(0)

    def section_text(self, key):
        """A section's words as a reader sees them: table cells apart, entities as characters."""
        return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", self.section_html(key)))).strip()


def build_loaded_demo_report():
    """Builds the demo's report from the demo records already in the database, leaving no trace there."""
    with transaction.atomic():
        report = AnnualReport.objects.get(year=DEMO_YEAR)
        with percentages.recording() as printed:
            html = render_html(report, gather(report))
        pdf, _, timings = build_pdf(report)
        transaction.set_rollback(True)
    # Every percentage the HTML printed, as (fraction, text): the PDF is laid out from the same templates. The
    # version for children and young people is made by the same build: (pdf bytes, page count).
    return BuiltReport(
        html=html,
        pdf=pdf,
        extra={"percentages": printed, "young_people_pdf": timings.extra.get("young_people_pdf")},
    )
