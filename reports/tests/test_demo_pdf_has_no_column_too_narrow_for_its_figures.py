"""No column of the demo report's tables is so narrow that a cell wraps onto five lines or more with a word or two on
each (a paragraph in a cell wraps, a name or a figure should not): a figure never breaks, and a change since last
year (a borough's code, a word or an arrow, and a figure) stays on one line for each borough."""

from collections import defaultdict


def cells(pdf):
    found = defaultdict(list)
    for page in pdf.pages:
        for line in page.lines:
            cell = next((e for e, kind in zip(line.elements, line.kinds, strict=True) if kind in ("/TD", "/TH")), None)
            if cell is not None:
                found[(page.number, id(cell))].append(line)
    return found.values()


def test_no_cell_of_short_lines_wraps_five_times(demo_report):
    cramped = []
    for lines in cells(demo_report.layout):
        baselines = {line.y for line in lines}
        words = len(" ".join(line.text for line in lines).split())
        if len(baselines) >= 5 and words / len(baselines) < 2.5:
            cramped.append(" ".join(line.text for line in lines))
    assert not cramped, cramped


def test_each_boroughs_change_since_last_year_is_one_line(demo_report):
    trend = [lines for lines in cells(demo_report.layout) if any(line.text.startswith("RBKC:") for line in lines)]
    assert trend  # the data chapter's trend column
    for lines in trend:
        assert len({line.y for line in lines}) == sum(line.text.count(":") for line in lines), [
            line.text for line in lines
        ]
