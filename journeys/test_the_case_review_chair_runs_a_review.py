"""The Case Review chair (the demo's `chair`, co-chair of the Case Review Subgroup), from the home page: a serious
incident logged under a code name, the National Panel notified, the rapid review recorded and decided, the local
child safeguarding practice review commissioned and taken to its close (a finding, a recommendation and the action
raised from it, its steps, publication and closure); then the register of the subgroup's meeting; then the
subgroup's chapter of the 2023/24 annual report, previewed and saved. The story's dates lie in the half-year before
the day it runs, as they would for a review closed today."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Action
from partnership.models import Attendance, AttendanceStatus, Meeting
from reports.models import NarrativeSection
from reviews.models import PracticeReview, SeriousIncident

pytestmark = pytest.mark.django_db(transaction=True)

CODE_NAME = "Child J"
AGENCY = "National Probation Service"


def day(days_ago):
    """A date `days_ago` days before today, as the browser's date box takes it."""
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def test_the_chair_takes_a_serious_incident_to_a_closed_practice_review(visitor, password):
    visitor.open_home()
    visitor.sign_in("chair", password)
    assert visitor.heading().startswith("Welcome")

    # The incident, logged under its code name from the incident log.
    visitor.follow("Case reviews", exact=True)
    assert visitor.heading() == "Serious incident log"
    log = visitor.form("Log the incident")
    visitor.fill("Code name", CODE_NAME, within=log)
    visitor.fill("Date of the incident", day(200), within=log)
    visitor.fill("Local authority became aware on", day(199), within=log)
    visitor.choose("Borough", "Westminster City Council", within=log)
    visitor.choose("Child's age band", "1 to 4", within=log)
    visitor.choose("Kind", "Serious harm", within=log)
    visitor.tick("neglect", within=log)
    visitor.fill("Circumstances in outline", "A young child was admitted to hospital with injuries.", within=log)
    visitor.press("Log the incident", exact=True)
    assert visitor.heading() == CODE_NAME

    # The National Panel notified, the rapid review started and recorded, and its decision.
    notification = visitor.form("Record the notification")
    visitor.fill("National Panel notified on", day(196), within=notification)
    visitor.fill("National Panel reference", "NP-2026-0042", within=notification)
    visitor.press("Record the notification", exact=True)

    rapid_review = visitor.form("Save the rapid review")
    visitor.fill("Rapid review started on", day(195), within=rapid_review)
    visitor.tick(AGENCY, within=rapid_review)
    visitor.tick("Metropolitan Police Service, Central West Basic Command Unit", within=rapid_review)
    visitor.press("Save the rapid review", exact=True)

    rapid_review = visitor.form("Save the rapid review")
    visitor.fill("Add a meeting on", day(190), within=rapid_review)
    visitor.fill("Submitted to the National Panel on", day(185), within=rapid_review)
    visitor.press("Save the rapid review", exact=True)

    decision = visitor.form("Record the decision")
    visitor.choose("Decision", "Local child safeguarding practice review", within=decision)
    visitor.fill("Rationale", "Agencies did not share what they knew of the family's circumstances.", within=decision)
    visitor.fill("Decided on", day(180), within=decision)
    visitor.press("Record the decision", exact=True)
    # The incident's page as it now stands: its rapid review, decided, and the form to commission the review.
    visitor.check_again()

    # The review it leads to, commissioned: its page opens.
    commission = visitor.form("Commission the review")
    visitor.fill("Reviewer(s)", "An independent reviewer", within=commission)
    visitor.tick(AGENCY, within=commission)
    visitor.fill("Commissioned on", day(175), within=commission)
    visitor.press("Commission the review", exact=True)
    assert visitor.heading() == CODE_NAME
    review = PracticeReview.objects.get(code_name=CODE_NAME)
    assert review.kind == "lcspr"
    assert review.rapid_review.incident == SeriousIncident.objects.get(code_name=CODE_NAME)

    # Its steps to the final report, shared with the Panel, the Secretary of State and Ofsted.
    for step, days_ago in [
        ("Terms of reference agreed", 150),
        ("Final report received", 40),
        ("Shared with the Panel, Secretary of State and Ofsted", 30),
    ]:
        steps = visitor.disclose("Record a step")
        visitor.choose(re.compile(r"^\s*Step\b"), step, within=steps)
        visitor.fill("Date of the step", day(days_ago), within=steps)
        visitor.press("Record the step", exact=True)

    # A finding, a recommendation, and the action raised from it in the shared tracker.
    finding = visitor.disclose("Add a finding")
    visitor.fill("Learning point", "Information about the family was held by agencies but not shared.", within=finding)
    visitor.tick("Information sharing", within=finding)
    visitor.press("Add the finding", exact=True)

    recommendation = visitor.disclose("Add a recommendation")
    visitor.fill("Recommendation", "The partnership reviews its information-sharing protocol.", within=recommendation)
    visitor.press("Add the recommendation", exact=True)

    action = visitor.disclose("Raise an action from a recommendation")
    visitor.choose("Recommendation", "Recommendation 1", within=action)
    visitor.fill("What is to be done", "Revise the information-sharing protocol", within=action)
    visitor.choose("Owner agency", AGENCY, within=action)
    visitor.fill("Due by", (timezone.localdate() + timedelta(days=90)).isoformat(), within=action)
    visitor.check_again()  # the page with a form unfolded
    visitor.press("Raise the action", exact=True)
    assert Action.objects.filter(title="Revise the information-sharing protocol").exists()

    # Published, then closed with its action still open in the tracker (so with the reason).
    publication = visitor.disclose("Publication")
    visitor.fill("Published on", day(10), within=publication)
    visitor.press("Save the publication", exact=True)

    closure = visitor.disclose("Close the review")
    visitor.fill("Closed on", day(0), within=closure)
    visitor.fill(
        "Reason for closing with actions open", "Its action is followed up in the action tracker.", within=closure
    )
    visitor.press("Close the review", exact=True)
    # The review's page as it now stands, with its finding, its recommendation's action and the closure.
    visitor.check_again()
    review.refresh_from_db()
    assert review.closed_on == timezone.localdate()
    assert review.findings.count() == 1 and review.recommendations.count() == 1


def test_the_chair_takes_the_register_of_the_subgroups_meeting(visitor, password):
    visitor.open_home()
    visitor.sign_in("chair", password)

    visitor.follow("Case Review Subgroup", exact=True)
    visitor.follow("Record a meeting", exact=True)
    visitor.fill(re.compile(r"^\s*Date\b"), day(7))
    visitor.choose("Status", "Held")
    visitor.fill("Location", "Kensington Town Hall")
    visitor.click("Mark everyone not yet recorded as present")
    visitor.choose("Attendance of Nadia Chaudhry", "Apologies")
    visitor.press("Save the meeting", exact=True)
    assert visitor.heading().startswith("Case Review Subgroup: ")

    held_on = timezone.localdate() - timedelta(days=7)
    meeting = Meeting.objects.get(body__name="Case Review Subgroup", starts_at__date=held_on)
    assert meeting.status == "held"
    register = dict(meeting.attendances.values_list("membership__person__name", "status"))
    assert register["Nadia Chaudhry"] == AttendanceStatus.APOLOGIES
    assert register["Fiona Makepeace"] == AttendanceStatus.PRESENT
    assert not Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.NOT_RECORDED).exists()


def test_the_chair_writes_the_subgroups_chapter_of_the_annual_report(visitor, password):
    visitor.open_home()
    visitor.sign_in("chair", password)

    visitor.follow("All your parts")
    visitor.follow(re.compile(r"^Write Learning from reviews"))
    text = "## What we learnt\n\nThe subgroup held rapid reviews and one local child safeguarding practice review."
    about = visitor.page.inner_text("main")
    assert "2023/24" in about and "written by the chairs of the Case Review Subgroup" in about
    visitor.fill("Text", text, exact=True)
    visitor.press("Preview", exact=True)
    visitor.check_again()
    assert visitor.page.get_by_role("heading", name="What we learnt").is_visible()
    visitor.press("Save", exact=True)

    chapter = NarrativeSection.objects.get(report__year=2023, key="learning-from-reviews")
    # The browser sends the lines of a text box ended with CR LF.
    assert chapter.text.replace("\r\n", "\n") == text
    assert chapter.last_edited_by.username == "chair"
