"""The version of the annual report for children and young people (the 2019 partnership arrangements: "a version
specifically for children and young people"): a few pages in plain words and larger type, from the same records as
the main report, with its own sections (`YOUNG_PEOPLE_SECTIONS` in the apps' report.py, reports/sections.py) and its
own template, laid out by the same pipeline as a tagged PDF and published beside the main one.

Its written parts are narrative chapters like any other, keyed "young-people-…"; their reading ease is measured
for the checks before approval."""

import hashlib

from django.conf import settings
from django.urls import reverse

from lscp.report_sections import Problem

from .markdown import render_markdown
from .readability import plain_text, reading_ease
from .sections import young_people_sections

DOCUMENT = "reports/young_people/document.html"
READING_EASE = "Reading ease of the version for young people"
TOO_HARD = (
    "The written parts of the version for young people read as %(band)s (reading ease %(score)s; at least "
    "%(minimum)s is wanted). Shorter sentences and shorter words make it easier."
)


def render_young_people_html(report):
    """The version for young people as one HTML document, laid out for the PDF."""
    from .rendering import gather, render_html

    return render_html(report, gather(report, young_people_sections()), for_pdf=True, document=DOCUMENT)


def build_young_people_pdf(report):
    """(pdf bytes, page count) of the version for young people."""
    from .rendering import write_pdf

    return write_pdf(render_young_people_html(report))


def written_parts(report):
    """The chapters of the version for young people that people write, each (section, text), in its order."""
    texts = dict(report.narratives.filter(key__in=[s.key for s in young_people_sections()]).values_list("key", "text"))
    return [(section, texts.get(section.key, "")) for section in young_people_sections() if section.narrative]


def _written_text(report):
    return "\n\n".join(plain_text(render_markdown(text)) for _, text in written_parts(report) if text.strip())


def young_people_reading_ease(report):
    """The Flesch reading ease of the written parts of the version for young people together (`ReadingEase`), or
    None while none is written."""
    return reading_ease(_written_text(report))


def reading_ease_problems(report):
    """A `Problem` when the written parts read harder than YOUNG_PEOPLE_MIN_READING_EASE. Its key carries a digest of
    their text, so a decision to set it aside holds only until the text changes."""
    text = _written_text(report)
    ease = reading_ease(text)
    minimum = settings.YOUNG_PEOPLE_MIN_READING_EASE
    if ease is None or ease.score >= minimum:
        return []
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    first = next((section for section, text in written_parts(report) if text.strip()), None)
    return [
        Problem(
            f"reading-ease:young-people:{digest}",
            READING_EASE,
            TOO_HARD % {"band": ease.band, "score": ease.rounded, "minimum": minimum},
            reverse("reports:narrative", args=[report.year, first.key]) if first else "",
            "Edit its parts",
        )
    ]
