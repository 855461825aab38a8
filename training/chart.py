"""The confidence chart of the "Multi-agency training" chapter, drawn as SVG from the impact figures: per course,
mean confidence before, after and at follow-up (1 to 5) as grouped horizontal bars. Returned with a description
in words, the text alternative for readers who cannot see it (the PDF's /Alt)."""

from lscp.charts import Bar, Group, bar_chart

STAGES = (("before", "Before", "#5f6b76"), ("after", "After", "#1d4f91"), ("follow_up", "Follow-up", "#8a4b08"))

MOST_COURSES = 10


def _score_tick(value):
    return f"{value:g}"


def confidence_svg(courses):
    """(svg text, description) for the courses most attended (at most MOST_COURSES, so the figure stays one page
    whatever the size of the programme; the chapter's table has every course) that have any confidence score;
    (None, "") when none has. Each course's bars are named (before, after, follow-up) and carry their score, on a
    scale from 0 to 5."""
    rows = [c for c in courses if any(c["stages"][key]["confidence"] is not None for key, _, _ in STAGES)]
    rows = sorted(rows, key=lambda c: (-c["attended"], c["title"]))[:MOST_COURSES]
    if not rows:
        return None, ""
    groups = [
        Group(
            label=course["title"],
            bars=[
                Bar(
                    label=label,
                    value=None if (score := course["stages"][key]["confidence"]) is None else float(score),
                    text="no score" if score is None else str(score),
                    colour=colour,
                )
                for key, label, colour in STAGES
            ],
        )
        for course in rows
    ]
    svg = bar_chart(groups, format_tick=_score_tick, label="Mean confidence from 1 to 5", scale=(0, 5))
    return svg, _describe(rows)


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
