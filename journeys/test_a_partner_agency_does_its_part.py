"""A partner agency's representative (the demo's `partner`, of the National Probation Service): signs in from the
front page, completes and submits the agency's Section 11 return for the cycle open now, writes the agency's
statement for the annual report, and reports progress, with a document as evidence, on the action the return
raised."""

from pathlib import Path

import pytest
from django.utils import timezone

from audits.models import Return
from governance.models import Action, AgencyStatement
from partnership.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

AGENCY = "National Probation Service"
# The standard of the demo's set (audits/demo/assurance_data.py) that the agency no longer fully meets.
SLIPPED = "Standard 5: Information sharing"
# The smallest file the upload check takes for a PDF: one that starts as a PDF does.
EVIDENCE = (
    "information-sharing-audit.pdf",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
)


def test_a_partner_agency_does_its_part(visitor, password, mailoutbox, settings):
    visitor.open_home()
    visitor.sign_in("partner", password)
    assert visitor.heading() == "Welcome, Nadia Chaudhry"

    complete_the_section_11_return(visitor)
    write_the_agency_statement(visitor)
    report_progress_on_the_action_raised(visitor)

    # The agency's representatives heard that the return went in; the business team, that the statement did.
    partner = Person.objects.get(user__username="partner")
    assert any(partner.email in mail.to and "Section 11" in mail.subject for mail in mailoutbox)
    assert any(settings.DEFAULT_FROM_EMAIL in mail.to and AGENCY in mail.body for mail in mailoutbox)


def complete_the_section_11_return(visitor):
    page = visitor.page
    visitor.menu("Assurance", "Section 11 returns")
    assert visitor.heading() == "Section 11 and 175 self-assessments"
    visitor.press("Start the return for Section 11 audit")
    assert visitor.heading().startswith("Our return: Section 11 audit")

    # The return starts from the agency's last accepted one: every standard rated fully met, with its evidence.
    # Information sharing has slipped since: partially met, and its evidence not yet written.
    standard = page.get_by_role("group", name=SLIPPED, exact=True)
    assert standard.get_by_label("Fully met", exact=True).is_checked()
    visitor.tick("Partially met", exact=True, within=standard)
    visitor.fill("Evidence", exact=True, value="", within=standard)
    visitor.press("Submit to the partnership")
    assert page.get_by_role("heading", name="There is a problem").is_visible()

    standard = page.get_by_role("group", name=SLIPPED, exact=True)
    visitor.fill(
        "Evidence", exact=True, value="Sharing agreements with two of the three boroughs are signed.", within=standard
    )
    visitor.attach("Add evidence files", *EVIDENCE, within=standard)
    visitor.press("Save as draft")
    visitor.press("Submit to the partnership")
    assert visitor.heading().startswith("Submit your return for Section 11 audit")
    visitor.press("Yes, submit it to the partnership")
    assert "was submitted to the partnership" in visitor.page.get_by_role("status").inner_text()

    agency_return = Return.objects.get(agency__name=AGENCY, cycle__closes_on__gte=timezone.localdate())
    assert agency_return.status == "submitted"
    assert agency_return.responses.get(standard__number=5).files.count() == 1


def write_the_agency_statement(visitor):
    page = visitor.page
    visitor.go_home()
    # The home page says the statement for the report being put together is not started.
    visitor.follow("Write it", exact=True)
    assert visitor.heading().startswith("Our statement for")
    visitor.fill("Our statement", "## Our year\n\nWe trained **every** probation officer in contextual safeguarding.")
    visitor.press("Preview")
    assert page.get_by_role("heading", name="Our year").is_visible()
    visitor.press("Save as draft")
    visitor.press("Submit to the business manager")
    assert visitor.heading().startswith("Send your statement for")
    visitor.press("Yes, send it to the business manager")
    assert "was sent to the business manager" in page.get_by_role("status").inner_text()

    statement = AgencyStatement.objects.get(agency__name=AGENCY, status="submitted")
    assert "contextual safeguarding" in statement.text


def report_progress_on_the_action_raised(visitor):
    page = visitor.page
    visitor.follow("Actions", exact=True, within=page.get_by_role("navigation", name="Main"))
    title = "Section 11 standard 5: Information sharing"
    visitor.follow(title, exact=True)
    assert visitor.heading() == title
    visitor.follow("Add a progress update")
    visitor.fill("Progress", "The third borough's information sharing agreement is drafted; signing next month.")
    visitor.attach("Evidence", *EVIDENCE, exact=True)
    visitor.choose("New status", "On track")
    visitor.choose("New RAG rating", "Amber: some progress")
    visitor.press("Save the update")
    assert visitor.heading() == title
    assert "progress update" in page.get_by_role("status").inner_text()

    # The evidence comes back from the action's page, as it went in.
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Download the evidence ({EVIDENCE[0]})").click()
    assert Path(download.value.path()).read_bytes() == EVIDENCE[1]

    action = Action.objects.get(owner_agency__name=AGENCY, title=title)
    assert action.status == "on_track"
    assert action.updates.get().evidence
