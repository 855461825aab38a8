"""A heading is never the last thing on a page of the demo report: a chapter's, a section's or a table's caption
goes over to the next page with what it heads (headings and captions keep with what follows, static/css/report.css).
Checked in the PDF: on each page, the line nearest the foot is not part of a heading or a table's caption."""


def test_no_page_ends_with_a_heading(demo_report):
    stranded = [
        (page.number, page.lowest.text, page.lowest.kinds[-2:])
        for page in demo_report.layout.pages
        if page.lowest is not None and page.lowest.is_heading
    ]
    assert not stranded, stranded


def test_the_check_finds_headings_and_captions(demo_report):
    """The test above can fail: the PDF's structure tree does mark headings and captions on the pages."""
    lines = [line for page in demo_report.layout.pages for line in page.lines]
    assert any("/H1" in line.kinds for line in lines)
    assert any("/H2" in line.kinds and line.is_heading for line in lines)
    assert any("/Caption" in line.kinds and line.is_heading for line in lines)
    assert not any(line.is_heading for line in lines if "/TD" in line.kinds)
