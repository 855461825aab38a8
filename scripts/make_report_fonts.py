"""Makes the annual report's typeface, Report Sans, from Atkinson Hyperlegible (static/fonts/atkinson-hyperlegible):
the same letters and figures, but a zero without its slash.

Atkinson Hyperlegible slashes its zero so that it cannot be taken for an O, and offers no alternative; in a report's
tables, where every figure is a number, the slashed zeros read as Ø and make a column of figures restless. Here the
zero's counter is drawn whole: the two halves of the slashed counter are replaced by one counter, the outer outline
scaled about its centre to the counter's own width and height (in upright space for the italics), which is how the
counter is drawn. The tabular zero (`zero.tf`, used with `font-variant-numeric: tabular-nums`) is built from the
zero, so it follows.

The licence (SIL Open Font License 1.1) allows this; the modified fonts carry their own family name and the
licence, as it asks. Each style is written twice: TrueType (.ttf), which the PDFs are built with, and WOFF2
for browsers. Run again only when the source fonts change:

    .venv/bin/python scripts/make_report_fonts.py
"""

import math
import shutil
from pathlib import Path

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static" / "fonts" / "atkinson-hyperlegible"
TARGET = ROOT / "static" / "fonts" / "report-sans"
FAMILY = "Report Sans"
STYLES = {"400-normal": "Regular", "700-normal": "Bold", "400-italic": "Italic", "700-italic": "Bold Italic"}


def _contours(glyph, glyf):
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    start, contours = 0, []
    for end in ends:
        contours.append([(tuple(coordinates[i]), bool(flags[i] & 1)) for i in range(start, end + 1)])
        start = end + 1
    return contours


def open_zero(font):
    """Replaces the zero's slashed counter by a whole one (the first contour is the outline, the others the
    counter cut in two by the slash)."""
    glyf = font["glyf"]
    outline, *counter_parts = _contours(glyf["zero"], glyf)
    if not counter_parts:
        return  # already open
    slant = math.tan(math.radians(-font["post"].italicAngle))
    centre_y = sum(y for (_, y), _ in outline) / len(outline)

    def upright(point):
        x, y = point
        return x - slant * (y - centre_y), y

    def slanted(point):
        x, y = point
        return x + slant * (y - centre_y), y

    def box(points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)

    outer = [upright(p) for p, _ in outline]
    inner = [upright(p) for part in counter_parts for p, _ in part]
    ox0, oy0, ox1, oy1 = box(outer)
    ix0, iy0, ix1, iy1 = box(inner)
    scale_x, scale_y = (ix1 - ix0) / (ox1 - ox0), (iy1 - iy0) / (oy1 - oy0)
    ocx, ocy, icx, icy = (ox0 + ox1) / 2, (oy0 + oy1) / 2, (ix0 + ix1) / 2, (iy0 + iy1) / 2
    counter = [
        (slanted((icx + (x - ocx) * scale_x, icy + (y - ocy) * scale_y)), on)
        for (x, y), (_, on) in zip(outer, outline, strict=True)
    ]
    counter.reverse()  # a hole runs the other way round

    pen = TTGlyphPen(None)
    for contour in (outline, counter):
        _draw_quadratic(pen, contour)
    new = pen.glyph()
    new.recalcBounds(glyf)
    glyf["zero"] = new


def _draw_quadratic(pen, contour):
    """Draws a TrueType contour (on-curve and off-curve points) with a pen."""
    start = next(i for i, (_, on) in enumerate(contour) if on)
    points = contour[start:] + contour[:start]
    pen.moveTo(_rounded(points[0][0]))
    pending = []
    for point, on in points[1:] + [points[0]]:
        if on:
            if pending:
                pen.qCurveTo(*[_rounded(p) for p in pending], _rounded(point))
                pending = []
            else:
                pen.lineTo(_rounded(point))
        else:
            pending.append(point)
    pen.closePath()


def _rounded(point):
    return round(point[0]), round(point[1])


def rename(font, style):
    """A modified font must not pass for the original: its own family and full names."""
    postscript = f"{FAMILY.replace(' ', '')}-{style.replace(' ', '')}"
    names = {1: FAMILY, 2: style, 3: f"{postscript};modified from Atkinson Hyperlegible", 4: f"{FAMILY} {style}"}
    names[6] = postscript
    names[16], names[17] = FAMILY, style
    for record in list(font["name"].names):
        if record.nameID in names:
            font["name"].setName(
                names[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID
            )
    if "CFF " in font:  # not in these fonts, but keep the PostScript name in step if ever
        font["CFF "].cff.fontNames = [postscript]


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    for suffix, style in STYLES.items():
        font = TTFont(SOURCE / f"atkinson-hyperlegible-latin-{suffix}.woff2")
        open_zero(font)
        rename(font, style)
        # TrueType for the PDF builds, which would otherwise unpack each WOFF2 file at every build (WeasyPrint keeps
        # no fonts between documents); WOFF2, a third of the size, for browsers (the report's web edition).
        font.flavor = None
        font.save(TARGET / f"report-sans-{suffix}.ttf")
        font.flavor = "woff2"
        font.save(TARGET / f"report-sans-{suffix}.woff2")
    shutil.copy(SOURCE / "LICENSE", TARGET / "LICENSE")


if __name__ == "__main__":
    main()
