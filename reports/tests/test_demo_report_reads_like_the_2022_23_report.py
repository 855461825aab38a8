"""The demo's 2022/23 report reads like the K&C and Westminster annual report 2022/23: what that report has is there
(in our own words, its figures as published), what it says did not happen that year is not invented for it (no
multi-agency audit, the Section 11 audits relaunched only in 2023/24), its structure text agrees with its diagram, and
the challenge log's examples are challenges between partners."""

import re
from html import unescape

import pytest

from audits.models import Cycle, MultiAgencyAudit, Return
from governance.models import ChallengeLogEntry
from lscp.financial_year import FinancialYear
from partnership.selectors import bodies_active_in

YEAR = FinancialYear(2022)


def narrative_of(built, key):
    """The text people wrote for a chapter (its narrative block), without the tables added from the records."""
    match = re.search(r'<div class="narrative">(.*?)</div>', built.section_html(key), re.S)
    assert match, f"{key} has no narrative"
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))))


def items_of_first_list(html):
    found = re.search(r"<(ol|ul)>(.*?)</\1>", html, re.S)
    return re.findall(r"<li>", found.group(2)) if found else []


def test_the_inspections_are_named_with_their_judgements_and_findings(demo_report):
    chapter = demo_report.section_text("inspections")
    assert "Olive House children's home Ofsted (children's home inspection) November 2022 Good" in chapter
    assert chapter.count("Not graded") == 2  # the focused visits in each borough
    assert chapter.count("excellent support") == 2


def test_the_childrens_plan_the_iro_figures_and_plans_and_the_national_reviews_are_there(demo_report):
    listening = demo_report.section_html("listening")
    assert "Children and Young People's Plan" in listening
    assert len(items_of_first_list(listening)) == 6  # the plan's six priorities
    care = demo_report.section_text("children-in-care")
    assert "Of them, held within the statutory timescales 307 (99%) 515 (99%) 822 (99%)" in care
    assert "Next year the IRO services will" in care
    national = demo_report.section_text("national-reviews")
    assert "Stable Homes, Built on Love" in national and "Awaab Ishak" in national


def test_the_lado_schools_training_and_scrutiny_plans_are_there(demo_report):
    assert "A low-level concern is any concern that an adult has acted" in narrative_of(demo_report, "lado")
    schools = demo_report.section_text("schools")
    for workshop in ("safeguarding refresher", "Keeping Children Safe in Education 2022", "Beyond the Front Door"):
        assert workshop in schools
    assert "reflective practice sessions" in schools
    training = demo_report.section_html("training")
    assert "seven commitments" in training and len(items_of_first_list(training)) == 7
    scrutiny = demo_report.section_html("independent-scrutiny")
    assert "work plan" in scrutiny and len(items_of_first_list(scrutiny)) == 6


@pytest.mark.django_db
def test_what_did_not_happen_in_2022_23_is_not_invented_for_it(demo, demo_report):
    assert not MultiAgencyAudit.objects.filter(held_on__range=(YEAR.start, YEAR.end)).exists()
    assert "No multi-agency audit was held in 2022/23." in demo_report.section_text("scrutiny")
    start, end = YEAR.datetime_range()
    assert not Return.objects.filter(submitted_at__gte=start, submitted_at__lt=end).exists()
    # The relaunch is 2023/24's, with returns at every stage.
    relaunch = Cycle.objects.get(opens_on__range=(YEAR.next.start, YEAR.next.end))
    assert relaunch.returns.count() == 5
    assert MultiAgencyAudit.objects.filter(held_on__range=(YEAR.next.start, YEAR.next.end)).count() == 1


@pytest.mark.django_db
def test_the_structure_text_names_every_body_its_diagram_draws(demo, demo_report):
    text = narrative_of(demo_report, "structure")
    drawn = [body.name for body in bodies_active_in(year=YEAR)]
    assert len(drawn) > 10
    assert [name for name in drawn if name not in text] == []


@pytest.mark.django_db
def test_the_challenge_log_examples_are_challenges_not_requests_for_assurance(demo, demo_report):
    examples = ChallengeLogEntry.objects.in_year(YEAR).filter(publish_as_example=True)
    assert examples.count() >= 3
    asking_for_assurance = re.compile(r"\bask\w*\b[^.]*\bfor assurance\b|\bassurance (?:that|about|on)\b", re.I)
    for example in examples:
        assert not asking_for_assurance.search(example.issue), example.issue
        assert example.raised_by_agency_id != example.agency_challenged_id
    assert asking_for_assurance.search("After the review the partnership asked for assurance that children were safe.")
    assert "asked for assurance" not in demo_report.section_text("challenge")


def test_the_members_list_puts_the_chair_first(demo_report):
    members = demo_report.section_html("members")
    partnership = re.search(r"<caption>Local Safeguarding Children Partnership</caption>.*?</table>", members, re.S)
    first_row = re.search(r"<tbody>\s*<tr><td>[^<]*</td><td>([^<]*)</td>", partnership.group(0))
    assert "Independent Chair" in unescape(first_row.group(1))
