"""Every chapter template prints its percentages, counts and money through the figures library (lscp/templatetags/
figures.py) or values already formatted by lscp/percentages.py and lscp/figures.py, never by hand: no "{{ x }}%",
no floatformat or widthratio, no round() in a chapter's context. A template written by hand is how one fraction came
to print as 13% in one chapter and 12% in another."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
BY_HAND = re.compile(r"\}\}\s?%|\|\s*floatformat|\bwidthratio\b|\|\s*stringformat")
COLUMN_HEADING = re.compile(r'<th scope="col"[^>]*>.*?</th>', re.S)  # "RBKC %" names a column, prints no figure


def _report_templates():
    templates = ROOT / "templates"
    found = [*templates.glob("*/report/**/*.html"), *(templates / "reports" / "sections").glob("**/*.html")]
    return [path for path in found if path.is_file()]


def test_no_chapter_template_formats_a_figure_by_hand():
    templates = _report_templates()
    assert len(templates) > 10
    by_hand = {
        str(path.relative_to(ROOT)): BY_HAND.findall(COLUMN_HEADING.sub("", path.read_text())) for path in templates
    }
    assert {path: found for path, found in by_hand.items() if found} == {}


def test_no_chapter_context_rounds_a_figure_by_hand():
    rounding = re.compile(r"\bround\(|\.quantize\(|:\.\d+f\}|%\.\d+f")
    found = {str(path.relative_to(ROOT)): rounding.findall(path.read_text()) for path in ROOT.glob("*/report.py")}
    assert {path: hits for path, hits in found.items() if hits} == {}
