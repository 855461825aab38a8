"""A table whose cells are paragraphs (class "prose", a priority's activities) breaks inside a row rather than leave
a page more than half empty above a row too tall for what is left of it, wherever the table starts on its page."""

from django.conf import settings

from reports.rendering import PDF_OPTIONS, layout

from .pdf_layout import LaidOutPdf

WORDS = " ".join(["Partners worked together on the plan and reported what changed for children."] * 3)


def document(space_above_mm, body):
    return f"""<!doctype html><html lang="en-GB"><head><title>Layout</title>
<link rel="stylesheet" href="{settings.STATIC_URL}css/report-fonts.css">
<link rel="stylesheet" href="{settings.STATIC_URL}css/report.css"></head><body>
<div style="height: {space_above_mm}mm"></div>{body}</body></html>"""


def laid_out(space_above_mm, body):
    return LaidOutPdf(layout(document(space_above_mm, body)).write_pdf(**PDF_OPTIONS))


def test_a_table_of_paragraphs_breaks_inside_a_row_rather_than_leave_half_a_page_empty():
    tall = " ".join([WORDS] * 12)
    rows = "".join(f"<tr><td>Activity {n}</td><td>{tall}</td></tr>" for n in range(2))
    body = (
        "<h2>What we did</h2>"
        '<table class="report-table prose"><caption>What we did for priority 1</caption>'
        f'<thead><tr><th scope="col">Activity</th><th scope="col">Impact</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    for space_above_mm in (40, 80, 110):
        pdf = laid_out(space_above_mm, body)
        assert len(pdf.pages) > 1
        assert all(page.fill >= 0.5 for page in pdf.pages[:-1]), (space_above_mm, [p.fill for p in pdf.pages])
