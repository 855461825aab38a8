"""In the demo report, a table of ten rows or fewer is never split across pages, unless keeping it whole would leave
a page more than half empty (it is taller than what is left of a page begun in its top half) or it is taller than a
page; a longer table that runs onto another page repeats its head there."""

from .pdf_layout import BOTTOM_MARGIN, TOP_MARGIN


def test_a_short_table_is_never_split(demo_report):
    pdf = demo_report.layout
    text_height = pdf.pages[0].height - TOP_MARGIN - BOTTOM_MARGIN
    split = []
    for table in pdf.tables():
        if len(table.pages) == 1 or table.rows > 10:
            continue
        first = table.parts[0]
        begun_high = (pdf.pages[0].height - TOP_MARGIN - first.top) < text_height / 2
        if table.height > text_height or begun_high:
            continue  # keeping it whole would leave half a page empty, or it cannot be
        split.append((table.caption or table.head, table.pages, table.rows))
    assert not split, split


def test_a_long_table_repeats_its_head_on_each_page(demo_report):
    long_tables = [table for table in demo_report.layout.tables() if len(table.pages) > 1]
    assert long_tables  # the demo has tables running onto a second page
    for table in long_tables:
        assert table.head, table.caption
        assert all(part.head == table.head for part in table.parts), (table.caption, [p.head for p in table.parts])


def test_the_tables_are_followed_across_pages(demo_report):
    """The tests above can fail: a table's parts on two pages are joined, its rows counted."""
    tables = demo_report.layout.tables()
    members = next(table for table in tables if table.caption == "Local Safeguarding Children Partnership")
    assert len(members.pages) == 2 and members.rows > 10
    assert any(table.rows <= 10 for table in tables)
