"""A report table that runs onto another page never leaves its last row alone at the top of a page, never
leaves its caption behind at the foot of one, and prints its total row once, under its last row. Checked by
laying out the same table lower and lower down a page, so that the page break falls after each row in turn (a
table of more than ten rows: a shorter one is never split)."""

import re

from django.conf import settings

from reports.rendering import PDF_OPTIONS, layout

from .conftest import pdf_pages_text

ROWS = 14


def document(space_above_mm):
    rows = "".join(f"<tr><td>Row {n}</td><td>{n}</td></tr>" for n in range(1, ROWS + 1))
    return f"""<!doctype html><html lang="en-GB"><head><title>Rows</title>
<link rel="stylesheet" href="{settings.STATIC_URL}css/report-fonts.css">
<link rel="stylesheet" href="{settings.STATIC_URL}css/report.css"></head><body>
<div style="height: {space_above_mm}mm"></div>
<table class="report-table"><caption>Caption of the table</caption>
<thead><tr><th scope="col">Row</th><th scope="col">Count</th></tr></thead>
<tbody>{rows}</tbody>
<tfoot><tr><th scope="row">All rows</th><td>{ROWS}</td></tr></tfoot>
</table></body></html>"""


def pages_of(space_above_mm):
    _, pages = pdf_pages_text(layout(document(space_above_mm)).write_pdf(**PDF_OPTIONS))
    return pages


def test_a_table_split_across_pages_keeps_its_last_rows_caption_and_total_together():
    splits = set()
    for space_above_mm in range(150, 256, 4):
        pages = pages_of(space_above_mm)
        rows = [len(re.findall(r"Row \d", text)) for text in pages]
        totals = [text.count("All rows") for text in pages]
        where = (space_above_mm, rows, totals)
        assert sum(rows) == ROWS and totals.count(1) == 1 and sum(totals) == 1, where  # the total, once
        last = max(i for i, n in enumerate(rows) if n)
        assert totals[last] == 1, where  # under the last row
        assert rows[last] >= 2, where  # the last row is not alone at the top of a page
        first = min(i for i, n in enumerate(rows) if n)
        assert "Caption of the table" in pages[first], where  # the caption is with the first row
        splits.add(tuple(n for n in rows if n))
    assert len([s for s in splits if len(s) > 1]) >= 3  # the break did fall at different rows
