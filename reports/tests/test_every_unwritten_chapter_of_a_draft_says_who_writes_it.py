"""In a draft, every chapter people write that nobody has written yet says so plainly, the same way, naming who
writes it and when it is due; once written, the notice goes and the text takes its place."""

import re
from datetime import date

import pytest
from django.urls import reverse

from partnership.tests.factories import BodyFactory
from reports import services
from reports.checks import run_checks
from reports.rendering import gather, render_html
from reports.sections import registered_sections
from reports.selectors import contributions

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


def test_a_chapter_given_to_someone_names_them_in_the_draft_the_checks_and_the_board(client, manager, chair):
    BodyFactory(name="Safeguarding Children Partnership")
    report = services.create_report(year=YEAR)
    chair.first_name, chair.last_name = "Nadia", "Chaudhry"
    chair.save()
    report.narratives.filter(key="emerging-issues").update(assigned_to=chair, due_on=date(2023, 6, 30))

    html = render_html(report, gather(report))
    expected = f"{NOTICE} (written by Nadia Chaudhry, due 30 June 2023)."
    assert expected in chapter_html(html, "emerging-issues")

    problems = [problem.text for problem in run_checks(report)]
    assert any("Emerging issues" in message and "Nadia Chaudhry" in message for message in problems), problems
    assert not any("Emerging issues" in message and "business manager" in message for message in problems)

    # The chapter's own page says so too, to the person writing it.
    client.force_login(manager)
    page = client.get(reverse("reports:narrative", args=[report.year, "emerging-issues"])).content.decode()
    assert "written by Nadia Chaudhry" in page

    chapters, _ = contributions(report, today=date(2023, 6, 1))
    who = {chapter.key: chapter.who for chapter in chapters}
    assert who["emerging-issues"] == "Nadia Chaudhry"
    # A chapter with a writer of its own is theirs on the board as in the draft, not its body's chairs'.
    assert who["independent-scrutiny"].startswith("the independent scrutineer (")
    assert "the independent scrutineer" in chapter_html(html, "independent-scrutiny")
