"""In a draft, every chapter people write that nobody has written yet says so plainly, the same way, naming who
writes it and when it is due; once written, the notice goes and the text takes its place."""

import re
from datetime import date

import pytest

from partnership.tests.factories import BodyFactory
from reports import services
from reports.rendering import gather, render_html
from reports.sections import registered_sections

from .conftest import YEAR

pytestmark = pytest.mark.django_db

NOTICE = "This chapter has not been written yet"


def chapter_html(html, key):
    return re.search(rf'<section[^>]*id="section-{re.escape(key)}".*?</section>', html, re.S).group(0)


def test_every_unwritten_chapter_of_a_draft_names_its_writer():
    BodyFactory(name="Case Review Subgroup")
    report = services.create_report(year=YEAR)
    html = render_html(report, gather(report))
    # The main report's chapters: those of the version for young people are printed in it (their own test).
    sections = [section for section in registered_sections() if section.narrative]
    assert len(sections) >= 11
    for section in sections:
        chapter = chapter_html(html, section.key)
        assert chapter.count(NOTICE) == 1, section.key
    learning = chapter_html(html, "learning-from-reviews")
    assert f"{NOTICE} (written by the chairs of the Case Review Subgroup)." in learning
    assert f"{NOTICE} (written by the business manager)." in chapter_html(html, "introduction")


def test_the_notice_gives_the_due_date_and_goes_once_the_chapter_is_written(manager):
    report = services.create_report(year=YEAR)
    report.narratives.filter(key="foreword").update(due_on=date(2023, 6, 30))
    html = render_html(report, gather(report))
    assert f"{NOTICE} (written by the business manager, due 30 June 2023)." in chapter_html(html, "foreword")

    services.save_narrative(report=report, key="foreword", text="A year of change.", edited_by=manager)
    html = render_html(report, gather(report))
    foreword = chapter_html(html, "foreword")
    assert NOTICE not in foreword and "A year of change." in foreword
