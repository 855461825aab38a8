"""No page of the demo report is more than half empty, except a chapter's last page (chapters start on a new page,
so only their last page may be short): no forced break, no table or figure kept whole, leaves a hole mid-chapter.
A page's fill runs from the top of its text area to its last line of text (a chart's caption under it)."""


def test_only_a_chapters_last_page_is_more_than_half_empty(demo_report):
    pdf = demo_report.layout
    starts = pdf.chapter_starts()
    last_pages = {start - 1 for start in starts[1:]} | {len(pdf.pages)}
    half_empty = [
        (page.number, round(page.fill, 2), page.lowest.text if page.lowest else "")
        for page in pdf.pages
        if page.number not in last_pages and page.fill < 0.5
    ]
    assert not half_empty, half_empty


def test_the_chapters_and_the_fill_are_measured(demo_report):
    """The test above can fail: chapters are found from the bookmarks, a short page measures short."""
    pdf = demo_report.layout
    starts = pdf.chapter_starts()
    assert starts[:3] == [1, 2, 3] and len(starts) > 15
    fills = [page.fill for page in pdf.pages]
    assert min(fills) < 0.5 < max(fills) <= 1.02
