"""The report's figures are tabular (each digit as wide as any other, so a column of figures lines up) and its zero
has no slash: the typeface's zero is drawn open (a single counter: two contours, like the letter O, not the three of
a slashed one), in every weight and style the report uses, and its tables print tabular figures (in the demo PDF,
right-aligned figures of as many characters start at the same place)."""

import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont

STYLESHEET = Path(settings.BASE_DIR) / "static/css/report-fonts.css"
FIGURE = re.compile(r"^[\d,.]+%?$")


def report_fonts():
    css = STYLESHEET.read_text()
    urls = re.findall(r'@font-face\s*{[^}]*src:\s*url\("([^"]+)"\)', css)
    assert len(urls) == 4  # regular, italic, bold, bold italic
    return [TTFont(STYLESHEET.parent / url) for url in urls]


def test_every_report_font_has_an_open_zero_and_tabular_figures():
    for font in report_fonts():
        zero = font.getBestCmap()[ord("0")]
        glyf = font["glyf"]
        assert glyf[zero].numberOfContours == 2, font["name"].getDebugName(4)
        features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
        assert "tnum" in features
        tabular = font["GSUB"].table.LookupList.Lookup
        zero_tf = next(
            sub.mapping[zero]
            for lookup in tabular
            for sub in lookup.SubTable
            if getattr(sub, "mapping", None) and zero in sub.mapping
        )
        contours = glyf[zero_tf].getCoordinates(glyf)[1]
        assert len(contours) == 2  # the tabular zero too (built from the zero)


def column_of(line):
    """(the table row, the cell's place in it) of a line in a table's cell."""
    row = next(e for e, kind in zip(line.elements, line.kinds, strict=True) if kind == "/TR")
    cell = next(e for e, kind in zip(line.elements, line.kinds, strict=True) if kind in ("/TD", "/TH"))
    kids = row["/K"] if isinstance(row["/K"], list) else [row["/K"]]
    return next(i for i, kid in enumerate(kids) if kid.get_object() is cell)


def test_figures_in_the_demo_reports_tables_line_up(demo_report):
    """Right-aligned figures of as many characters in one column start at the same place only if each digit is as
    wide as any other."""
    columns = defaultdict(list)
    for page in demo_report.layout.pages:
        tables = {}
        for line in page.lines:
            if "/TD" not in line.kinds or not FIGURE.match(line.text):
                continue
            table = next(e for e, kind in zip(line.elements, line.kinds, strict=True) if kind == "/Table")
            shape = re.sub(r"\d", "0", line.text)  # 1,855 and 1,803 are of one shape, 33% and 759 are not
            key = (page.number, tables.setdefault(id(table), len(tables)), column_of(line), shape, line.font)
            columns[key].append(line)
    compared = 0
    for lines in columns.values():
        if len({line.text for line in lines}) < 2 or max(line.x for line in lines) - min(line.x for line in lines) > 20:
            continue  # one figure, or a left-aligned column of figures of different widths
        compared += 1
        assert max(line.x for line in lines) - min(line.x for line in lines) < 0.05, [
            (line.text, line.x) for line in lines
        ]
    assert compared >= 5  # columns where different figures of one length were compared
