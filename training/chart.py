"""The confidence chart of the "Multi-agency training" chapter, drawn as SVG from the impact figures: per course,
mean confidence before, after and at follow-up (1 to 5) as grouped horizontal bars. Returned with a description
in words, the text alternative for readers who cannot see it (the PDF's /Alt)."""

import base64
import textwrap
from xml.sax.saxutils import escape

STAGES = (("before", "Before", "#a8c5e6"), ("after", "After", "#264f8a"), ("follow_up", "Follow-up", "#e07a1f"))
LABEL_WIDTH, BAR_AREA, BAR_HEIGHT, GAP, TOP = 230, 330, 9, 12, 34
WIDTH = LABEL_WIDTH + BAR_AREA + 40


MOST_COURSES = 10


def confidence_svg(courses):
    """(svg text, description) for the courses most attended (at most MOST_COURSES, so the figure stays one page
    whatever the size of the programme; the chapter's table has every course) that have any confidence score;
    (None, "") when none has."""
    rows = [c for c in courses if any(c["stages"][key]["confidence"] is not None for key, _, _ in STAGES)]
    rows = sorted(rows, key=lambda c: (-c["attended"], c["title"]))[:MOST_COURSES]
    if not rows:
        return None, ""
    group = len(STAGES) * BAR_HEIGHT + GAP
    height = TOP + len(rows) * group + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        'font-family="DejaVu Sans, sans-serif" font-size="9">'
    ]
    for index, (_, label, colour) in enumerate(STAGES):
        x = LABEL_WIDTH + index * 95
        parts.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="15">{label}</text>')
    for score in range(0, 6):
        x = LABEL_WIDTH + BAR_AREA * score / 5
        parts.append(f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 20}" stroke="#d0d7e2"/>')
        parts.append(f'<text x="{x}" y="{height - 8}" text-anchor="middle">{score}</text>')
    for row_index, course in enumerate(rows):
        y = TOP + row_index * group
        for line_index, line in enumerate(textwrap.wrap(course["title"], 42)[:2]):
            parts.append(
                f'<text x="{LABEL_WIDTH - 6}" y="{y + 10 + line_index * 11}" text-anchor="end">{escape(line)}</text>'
            )
        for stage_index, (key, _, colour) in enumerate(STAGES):
            value = course["stages"][key]["confidence"]
            if value is None:
                continue
            bar_y = y + stage_index * BAR_HEIGHT
            width = BAR_AREA * float(value) / 5
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{width:.1f}" height="{BAR_HEIGHT - 1}" fill="{colour}"/>'
            )
            parts.append(f'<text x="{LABEL_WIDTH + width + 3:.1f}" y="{bar_y + 7}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts), _describe(rows)


def _describe(rows):
    sentences = [
        "Mean confidence from 1 to 5 before the session, after it and at follow-up, for the most attended courses."
    ]
    for course in rows:
        figures = [
            f"{label.lower()} {course['stages'][key]['confidence']}"
            for key, label, _ in STAGES
            if course["stages"][key]["confidence"] is not None
        ]
        sentences.append(f"{course['title']}: {', '.join(figures)}.")
    return " ".join(sentences)


def as_data_uri(svg):
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
