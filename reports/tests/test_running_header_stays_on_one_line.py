"""The running header (the partnership's name on the left, the chapter on the right) stays on one line: each
chapter has a short title for it (its running title, else its title when short, else the part before a colon:
"Priority 3"), short enough to sit beside a long partnership name in the report's typeface at the header's size."""

import re
from html import unescape
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont

from lscp.report_sections import RUNNING_TITLE_LENGTH, Section, short_title
from reports.sections import registered_sections

from .pdf_layout import MM

# The longest name a partnership is likely to have: the demo's, three boroughs' would be no longer.
LONG_NAME = "Kensington and Chelsea and Westminster Safeguarding Children Partnership"
HEADER_SIZE = 8.5  # points (static/css/report.css, @page)
TEXT_WIDTH = (210 - 18 - 18) * MM  # A4 less the side margins


def printed_width(text, font):
    cmap, widths, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return sum(widths[cmap.get(ord(c), cmap[32])][0] for c in text) / units * HEADER_SIZE


def test_the_demo_reports_running_header_is_one_line_on_every_page(demo_report):
    pages = demo_report.layout.pages[1:]  # the cover has none
    assert all(page.header for page in pages)
    several = [
        (page.number, [line.text for line in page.header])
        for page in pages
        if len({line.y for line in page.header}) > 1
    ]
    assert not several, several


def test_every_chapters_header_title_fits_beside_a_long_partnership_name(demo_report):
    font = TTFont(Path(settings.BASE_DIR) / "static/fonts/report-sans/report-sans-400-normal.woff2")
    titles = {unescape(t) for t in re.findall(r'data-running="([^"]*)"', demo_report.html)}
    titles |= {section.header_title for section in registered_sections()}
    assert any(t.startswith("Priority ") for t in titles)  # the demo's priorities are among them
    room = TEXT_WIDTH - printed_width(LONG_NAME, font) - 4 * MM  # a gap between the two
    too_wide = sorted(t for t in titles if printed_width(t, font) > room)
    assert not too_wide, too_wide


def test_a_long_title_gets_a_short_running_title():
    assert short_title("Borough profiles") == "Borough profiles"
    assert short_title("Priority 3: Recovery from the Covid-19 pandemic and the cost of living crisis") == "Priority 3"
    cut = short_title("Children in care and the independent reviewing officers' figures for the year")
    assert cut.endswith("…") and len(cut) <= RUNNING_TITLE_LENGTH and "Children in care" in cut
    long = "A safer workforce: allegations against staff and volunteers"
    assert Section(key="x", title=long, order=1, template="x.html").header_title == "A safer workforce"
    assert Section(key="x", title=long, order=1, template="x.html", running_title="LADO").header_title == "LADO"
