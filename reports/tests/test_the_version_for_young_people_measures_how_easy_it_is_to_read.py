"""The written parts of the version for young people are measured for reading ease (Flesch's formula, syllables from
the hyphenation dictionaries): the checks page shows the score in words, and a text harder than
YOUNG_PEOPLE_MIN_READING_EASE is a problem the business manager fixes or sets aside with a reason."""

import re

import pytest
from django.urls import reverse

from reports import services
from reports.checks import run_checks
from reports.readability import reading_ease
from reports.young_people import READING_EASE, young_people_reading_ease

PLAIN = {
    "young-people-about": "We are a team. We help keep children safe. We work with the police and your school.",
    "young-people-changes": "This year more of you got help fast. We asked you what to change, and we did it.",
    "young-people-help": "If you are sad or scared, talk to an adult you trust. You can call Childline on 0800 1111.",
}
HARD = (
    "Notwithstanding considerable organisational complexity, the statutory safeguarding partners' multi-agency "
    "arrangements necessitated comprehensive accountability mechanisms, facilitating collaborative interdisciplinary "
    "scrutiny of operational effectiveness across constituent institutional jurisdictions."
)


def write(report, user, texts):
    for key, text in texts.items():
        services.save_narrative(report=report, key=key, text=text, edited_by=user)


def reading_problems(report):
    return [problem for problem in run_checks(report) if problem.check == READING_EASE]


def test_flesch_reading_ease_counts_words_sentences_and_syllables():
    # 3 words, 1 sentence, 4 syllables (chil-dren, are, safe): 206.835 − 1.015 × 3 − 84.6 × 4/3 = 91.0.
    ease = reading_ease("Children are safe.")
    assert (ease.words, ease.sentences) == (3, 1)
    assert ease.rounded == 91 and ease.band == "very easy"
    assert reading_ease(HARD).band == "very difficult"
    assert reading_ease("") is None


@pytest.mark.django_db
def test_the_checks_page_shows_the_reading_ease_in_words(client, manager, report):
    write(report, manager, PLAIN)
    ease = young_people_reading_ease(report)
    assert ease.score >= 70
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    shown = re.search(r'id="young-people-reading-ease"><strong>Reading ease (\d+): ([a-z ]+)</strong>', page)
    assert shown and (int(shown.group(1)), shown.group(2)) == (ease.rounded, ease.band)
    assert READING_EASE not in page


@pytest.mark.django_db
def test_the_checks_page_says_when_there_is_nothing_to_measure_yet(client, manager, report):
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    assert "Its written parts are not written yet, so their reading ease cannot be measured." in page


@pytest.mark.django_db
def test_a_hard_text_raises_a_problem_that_may_be_set_aside_until_the_text_changes(client, manager, report):
    write(report, manager, PLAIN)
    assert reading_problems(report) == []

    services.save_narrative(report=report, key="young-people-changes", text=HARD, edited_by=manager)
    [problem] = reading_problems(report)
    assert problem.can_set_aside and "at least 60 is wanted" in problem.text
    assert problem.fix_url == reverse("reports:narrative", args=[report.year, "young-people-about"])
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    assert f"{READING_EASE} (1)" in page

    services.set_aside_check(report=report, key=problem.key, reason="Read with the Youth Council.", by=manager)
    assert problem.key not in {p.key for p in services.failing_checks(report)}
    services.save_narrative(report=report, key="young-people-help", text=HARD, edited_by=manager)
    assert [p.check for p in services.failing_checks(report) if p.check == READING_EASE] == [READING_EASE]


@pytest.mark.django_db
def test_the_minimum_reading_ease_is_a_setting(manager, report, settings):
    write(report, manager, {**PLAIN, "young-people-changes": HARD})
    ease = young_people_reading_ease(report)
    settings.YOUNG_PEOPLE_MIN_READING_EASE = ease.rounded + 1
    assert len(reading_problems(report)) == 1
    settings.YOUNG_PEOPLE_MIN_READING_EASE = max(0, int(ease.score) - 1)
    assert reading_problems(report) == []
