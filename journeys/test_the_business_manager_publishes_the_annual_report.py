"""The business manager, from the front page: loads the year's data set from the template the import page offers,
adds a line to a chapter, builds the 2022/23 report and watches it being made, goes through the checks (setting
aside the one that fails, with the reason), records the approval with the meeting that agreed it, publishes the
approved build; then, signed out, downloads the published PDF as the public do.

The builds run on a real Celery worker (`live_worker`, requested before `site` so that the live server and the
worker store files in the same folder)."""

import re

import openpyxl
import pytest
from django.conf import settings
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.django_db(transaction=True)

# A PDF takes from ten seconds to a minute to make on a busy machine; the page polls until it is ready.
BUILD_TIMEOUT = 180_000
APPROVING_MEETING = "Local Safeguarding Children Partnership on 15 March 2023 (The year's learning from reviews)"


def fill_in_template(path):
    """As a person would in Excel: the example row written over with the quarter's figure, and a row added below."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    column = {heading: number for number, heading in enumerate(headings, start=1)}
    rows = [
        {"Indicator": "Children in need", "Borough code": "RBKC", "Period": "Q4 2022/23", "Value": 731,
         "London": 2120, "Source": "Children in need census 2023"},
        {"Indicator": "Children in need", "Borough code": "WCC", "Period": "Q4 2022/23", "Value": 1312,
         "London": 2120, "Source": "Children in need census 2023"},
    ]  # fmt: skip
    for number, row in enumerate(rows, start=2):
        for heading in headings:
            sheet.cell(row=number, column=column[heading], value=row.get(heading))
    workbook.save(path)


def wait_for_build(visitor):
    """Watches the report's page while a build is made (static/js/report-build.js polls, then reloads the page
    once the build has finished), and checks the page it comes back as: with the build in its table."""
    expect(visitor.page.locator("tr[data-poll]")).to_have_count(0, timeout=BUILD_TIMEOUT)
    return visitor.check_again()


def test_the_business_manager_publishes_the_annual_report(live_worker, site, visitor, password, tmp_path):
    assert live_worker.media_root == settings.MEDIA_ROOT, "the live server and the worker store files apart"
    page = visitor.page
    visitor.open_home()
    visitor.sign_in("manager", password)
    assert visitor.heading().startswith("Welcome")

    # The quarter's figures, into the data set: a file made from the import page's template, checked, confirmed.
    visitor.follow("Open the records (admin)")
    visitor.follow("Observations", exact=True)
    visitor.follow("Import", exact=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel workbook").click()
    workbook = tmp_path / download.value.suggested_filename
    download.value.save_as(workbook)
    fill_in_template(workbook)
    page.get_by_label("File to import").set_input_files(workbook)
    visitor.choose("Format", "xlsx")
    visitor.press("Submit", exact=True)
    expect(page.get_by_role("button", name="Confirm import")).to_be_visible()
    visitor.press("Confirm import")
    expect(page.get_by_text("Import finished: 2 new, 0 updated")).to_be_visible()

    # The 2022/23 report: a line added to the business manager's own chapter, then a draft PDF built.
    visitor.follow("View site")
    visitor.follow("Annual reports", exact=True)
    visitor.follow("Annual report 2022/23")
    visitor.follow("Edit The year ahead")
    chapter = page.get_by_label("Text")
    chapter.fill(
        chapter.input_value().rstrip()
        + "\n\nThe partnership will also draw on the NSPCC's national learning from case reviews.\n"
    )
    visitor.press("Preview")
    expect(page.get_by_role("heading", name="Preview (not saved yet)")).to_be_visible()
    visitor.press("Save", exact=True)
    expect(page.get_by_text("“The year ahead” was saved.")).to_be_visible()

    visitor.press("Build PDF")
    expect(page.get_by_role("status")).to_contain_text(re.compile(r"has been queued|is being made"))
    progress = page.locator("#builds tbody tr").first.locator(".build-status")
    expect(progress).to_have_text(re.compile(r"^(Queued|Running) – .*\(\d+%\)$"))
    wait_for_build(visitor)
    expect(page.locator("#builds tbody tr").first.locator(".build-status")).to_have_text("Succeeded")

    # The checks: the new abbreviation is not in the glossary; it is set aside with the reason.
    visitor.follow("Checks and approval")
    check = page.get_by_role("listitem").filter(has_text="The report uses “NSPCC”")
    expect(check).to_be_visible()
    reason = "The NSPCC is known to every reader by its initials."
    visitor.fill("Why the report can be approved as it is", reason, within=check)
    visitor.press("Set aside", within=check)
    expect(page.get_by_text("Nothing stops approval")).to_be_visible()
    visitor.check_again()  # the check set aside, and the form to record the approval

    # The approval names the meeting that agreed the report; the approved report is built straight away.
    visitor.choose("The meeting that approved the report", APPROVING_MEETING)
    visitor.press("Record the approval")
    expect(page.get_by_role("status")).to_contain_text("is approved, as agreed by the Local Safeguarding Children")
    wait_for_build(visitor)

    publish = page.get_by_role("link", name=re.compile(r"^Publish build \d+"))
    expect(publish).to_be_visible()
    visitor.follow(re.compile(r"^Publish build \d+"))
    visitor.press(re.compile(r"^Publish build \d+"))
    expect(page.get_by_role("status")).to_contain_text("is published: the public now downloads build")
    visitor.check_again()

    # The public, with no account: the published report's page and its PDF.
    visitor.sign_out()
    visitor.follow("Annual reports", exact=True)
    visitor.follow("Annual report 2022/23")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name=re.compile(r"^Download the report \(PDF")).click()
    pdf = tmp_path / "published.pdf"
    download.value.save_as(pdf)
    assert download.value.suggested_filename == "lscp-annual-report-2022-23.pdf"
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "Approved by the Local Safeguarding Children Partnership on 15 March 2023" in " ".join(cover.split())
