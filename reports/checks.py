"""The checks before approval: what the business manager must fix, or knowingly set aside, before the partnership
approves the report. One page lists every problem with a link to where it is fixed (`views.ApproveView`).

- **Unwritten chapters** and **placeholders** left in the text (xxx, tbc, [insert …]): never set aside.
- **Chapters with no records for the year**: a section that declares `has_records` (lscp/report_sections.py) and
  has none prints that it has none; the business manager adds the records or confirms that there were none.
- **Totals that do not equal their lines** and **percentages that do not add up to 100**, in the tables people
  typed into their chapters (the computed tables add up by construction): a row whose first cell begins "Total"
  is checked against the rows above it, a column it says is 100% against its shares.
- **Images without a text alternative**, anywhere in the report.
- Each section's own check (`Section.check`): the glossary finds the abbreviations the report uses and does not
  explain.
- **Reading ease of the version for young people**: its written parts read harder than
  YOUNG_PEOPLE_MIN_READING_EASE (reports/young_people.py). Their unwritten parts and placeholders are found with
  the other chapters'.

Running them gathers and renders the whole report once (as the preview does), so the page shows the report as it
would be built now."""

import re
from decimal import Decimal, InvalidOperation
from html import unescape
from html.parser import HTMLParser

from django.urls import NoReverseMatch, reverse

from lscp.dates import long_date
from lscp.figures import format_count, format_money
from lscp.report_sections import Problem

UNWRITTEN = "Unwritten chapters"
PLACEHOLDERS = "Placeholders left in the text"
NO_RECORDS = "Chapters with no records for the year"
TOTALS = "Totals that do not equal their lines"
PERCENTAGES = "Percentages that do not add up to 100"
IMAGES = "Images without a text alternative"
# The page lists the checks in this order; a section's own checks come after these, before the images.
ORDER = [UNWRITTEN, PLACEHOLDERS, NO_RECORDS, TOTALS, PERCENTAGES]


def run_checks(report):
    """Every problem the checks find in `report` as it stands now, in the page's order: a list of `Problem`."""
    from .rendering import gather, render_html, unwritten_notice
    from .selectors import report_chapters
    from .services import PLACEHOLDER_PATTERN
    from .young_people import reading_ease_problems

    problems = []
    for section, narrative in report_chapters(report):
        url = reverse("reports:narrative", args=[report.year, section.key])
        if narrative is None or not narrative.is_written:
            notice = unwritten_notice(report, section, narrative) or {}
            who = f", by {notice['writer']}" if notice.get("writer") else ""
            due = f", due {long_date(notice['due'])}" if notice.get("due") else ""
            problems.append(
                Problem(
                    f"unwritten:{section.key}",
                    UNWRITTEN,
                    f"“{section.title}” has not been written yet{who}{due}.",
                    url,
                    "Write it",
                    can_set_aside=False,
                )
            )
            continue
        found = PLACEHOLDER_PATTERN.search(narrative.text)
        if found:
            problems.append(
                Problem(
                    f"placeholder:{section.key}",
                    PLACEHOLDERS,
                    f"“{found.group(0)}” is still in “{section.title}”.",
                    url,
                    "Edit the chapter",
                    can_set_aside=False,
                )
            )
        problems.extend(typed_table_problems(section, narrative.text, url))

    gathered = gather(report)
    document_text = _text_of(render_html(report, gathered, for_pdf=True))
    own_checks = []
    for part in gathered:
        section = part.section
        if section.has_records is not None and not section.has_records(part.context):
            problems.append(
                Problem(
                    f"no-records:{section.key}",
                    NO_RECORDS,
                    f"“{section.title}” has no records for {report.year}: the report will say so.",
                    _url_or_blank(section.records_url),
                    "Add its records",
                )
            )
        if section.check is not None:
            own_checks.extend(section.check(part.context, document_text, report.year))
    problems.extend(own_checks)
    problems.extend(image_problems(gathered))
    problems.extend(reading_ease_problems(report))
    return problems


def _text_of(html):
    """The words of the HTML, each element's apart from the next (a table's cells do not run together)."""
    return unescape(re.sub(r"<[^>]+>", " ", str(html)))


def _url_or_blank(name):
    if not name:
        return ""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


# A figure as people type it in a table: 1,234 · £1,234.56 · (£27,122.76) · -5 · 45% · 12.5%.
_FIGURE = re.compile(r"^(\()?(-|−)?\s*£?\s*(\d[\d,]*(?:\.\d+)?)\s*(%)?\)?$")


def _figure(text):
    """(value, is_percent, is_money) of a cell that is one figure, else None."""
    text = " ".join(text.split())
    found = _FIGURE.match(text)
    if not found:
        return None
    try:
        value = Decimal(found.group(3).replace(",", ""))
    except InvalidOperation:
        return None
    if found.group(1) or found.group(2):
        value = -value
    return value, bool(found.group(4)), "£" in text


class _Tables(HTMLParser):
    """The tables of a chapter's HTML: each a list of rows, each (is_header_row, [cell text])."""

    def __init__(self):
        super().__init__()
        self.tables, self._row, self._cell, self._in_head = [], None, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self.tables:
            self._row = (self._in_head, [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row[1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def typed_table_problems(section, text, url):
    """The totals and 100% columns of the tables typed into a chapter that its lines do not give."""
    from .markdown import render_markdown

    parser = _Tables()
    parser.feed(str(render_markdown(text)))
    problems = []
    for number, rows in enumerate(parser.tables, start=1):
        header = next((cells for is_head, cells in rows if is_head), [])
        body = [cells for is_head, cells in rows if not is_head]
        start = 0
        for index, cells in enumerate(body):
            if not cells or not cells[0].lower().startswith("total"):
                continue
            lines = body[start:index]
            start = index + 1
            for column in range(1, len(cells)):
                problem = _column_problem(section, url, number, header, cells, column, lines)
                if problem is not None:
                    problems.append(problem)
    return problems


def _column_problem(section, url, number, header, total_row, column, lines):
    total = _figure(total_row[column])
    values = [_figure(cells[column]) for cells in lines if column < len(cells)]
    values = [value for value in values if value is not None]
    if total is None or not values:
        return None
    stated, is_percent, is_money = total
    added = sum(value for value, _, _ in values)
    name = header[column] if column < len(header) and header[column] else f"column {column + 1}"
    where = f"In “{section.title}”, table {number}, “{name}”"
    if is_percent:
        if stated != 100 or added == 100:
            return None
        return Problem(
            f"percent:{section.key}:{number}:{column}:{added}",
            PERCENTAGES,
            f"{where}: the shares add up to {format_count(added)}%, not 100%. If they are rounded, say so under the "
            "table and set this aside.",
            url,
            "Edit the chapter",
        )
    if added == stated:
        return None
    shown = format_money if is_money else format_count
    return Problem(
        f"total:{section.key}:{number}:{column}:{stated}:{added}",
        TOTALS,
        f"{where}: the “{total_row[0]}” row says {total_row[column]}, but the lines above it add up to {shown(added)}.",
        url,
        "Edit the chapter",
    )


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_SVG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
_LABELLED = re.compile(r"""\b(aria-label|aria-labelledby)\s*=\s*(["'])\s*\S""", re.IGNORECASE)


def image_problems(gathered):
    """Every picture of the report (a chart, a diagram) with no words for those who cannot see it."""
    problems = []
    for part in gathered:
        html = str(part.html)
        bare = [tag for tag in _IMAGE.findall(html) if not (_ALT.search(tag) and _ALT.search(tag).group(2).strip())]
        bare += [tag for tag in _SVG.findall(html) if not _LABELLED.search(tag)]
        for number, _ in enumerate(bare, start=1):
            problems.append(
                Problem(
                    f"image:{part.section.key}:{number}",
                    IMAGES,
                    f"Picture {number} of “{part.section.title}” has no text alternative for readers who cannot "
                    "see it.",
                )
            )
    return problems
