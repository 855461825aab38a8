"""The demo's 2022/23 report, loaded and built once for a test module that reads it.

Loading the demo and laying out its PDF takes seconds; the tests that only read the result share one build.
It happens inside a transaction that is rolled back, so the database is left as every other test expects."""

import io
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape

import pypdf
from django.core.management import call_command
from django.db import transaction

from lscp.financial_year import FinancialYear
from reports.models import AnnualReport
from reports.rendering import build_pdf, gather, render_html

DEMO_YEAR = FinancialYear(2022)


@dataclass
class BuiltReport:
    html: str  # the document the PDF is laid out from
    pdf: bytes
    extra: dict = field(default_factory=dict)

    @property
    def reader(self):
        return pypdf.PdfReader(io.BytesIO(self.pdf))

    @property
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


@contextmanager
def demo_report_in_a_rolled_back_transaction():
    with transaction.atomic():
        call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
        yield AnnualReport.objects.get(year=DEMO_YEAR)
        transaction.set_rollback(True)


def build_demo_report(django_db_blocker, read_also=None):
    """The built demo report; `read_also(report)` gathers anything else a test needs while the data exists."""
    with django_db_blocker.unblock(), demo_report_in_a_rolled_back_transaction() as report:
        html = render_html(report, gather(report))
        pdf, _, _ = build_pdf(report)
        extra = read_also(report) if read_also else {}
    return BuiltReport(html=html, pdf=pdf, extra=extra)
