"""Narrative written in Markdown sits under its chapter's h1: the writer's top heading becomes h2, no level is
skipped, and every header cell of a Markdown table says it heads a column."""

from reports.markdown import render_markdown


def headings(html):
    import re

    return re.findall(r"<(h[1-6])>([^<]*)</h[1-6]>", html)


def test_a_chapter_written_from_level_two_starts_at_h2():
    html = render_markdown("Welcome.\n\n## Our purpose\n\nText.\n\n### In detail\n\n## Our principles")
    assert headings(html) == [("h2", "Our purpose"), ("h3", "In detail"), ("h2", "Our principles")]


def test_a_chapter_written_from_level_one_starts_at_h2_too():
    assert headings(render_markdown("# Our year\n\n## Highlights")) == [("h2", "Our year"), ("h3", "Highlights")]


def test_a_heading_never_goes_more_than_one_level_below_the_one_before():
    html = render_markdown("## Priorities\n\n#### Detail\n\n###### Deeper still\n\n### Back up")
    assert headings(html) == [("h2", "Priorities"), ("h3", "Detail"), ("h4", "Deeper still"), ("h3", "Back up")]


def test_a_markdown_table_has_column_headers_with_scope():
    html = render_markdown("| Agency | Rate |\n| --- | ---: |\n| Police | 78% |")
    assert html.count('<th scope="col">') == 2 and "<th>" not in html


def test_a_header_cell_written_with_a_scope_keeps_it():
    html = render_markdown('<table><tr><th scope="row">Police</th><td>78%</td></tr></table>')
    assert '<th scope="row">Police</th>' in html
