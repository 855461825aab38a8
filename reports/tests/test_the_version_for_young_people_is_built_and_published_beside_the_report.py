"""The version of the annual report for children and young people (the 2019 partnership arrangements promise "a
version specifically for children and young people"): made by every build after the main PDF, from the same
records, in a few tagged pages; its written parts are chapters like any other, never printed in the main report;
published beside the main PDF."""

import io
import re

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance.models import YouSaidWeDid, YouSaidWeDidStatus
from governance.tests.factories import PriorityFactory
from lscp.financial_year import FinancialYear
from reports import services
from reports.checks import UNWRITTEN, run_checks
from reports.models import BuildStatus
from reports.rendering import gather, render_html
from reports.young_people import build_young_people_pdf, render_young_people_html

from .conftest import YEAR, approve, publish, stand_in_build

pytestmark = pytest.mark.django_db

ABOUT = (
    "The partnership is a group of people who work to keep children safe. It is made up of the council, the "
    "police and the health service."
)
CHANGES = "Police and social workers now meet every week. More young people got help fast."
HELP = "If you are worried, talk to an adult you trust. You can call Childline on 0800 1111."
YOUNG_PEOPLE_PARTS = {"young-people-about": ABOUT, "young-people-changes": CHANGES, "young-people-help": HELP}


@pytest.fixture
def records(db):
    """The year's priorities and "You said, we did", and another year's, which must stay out."""
    PriorityFactory(number=1, title="Keeping children safe from domestic abuse")
    PriorityFactory(number=2, title="Safer streets for young people")
    PriorityFactory(
        first_year=FinancialYear(2020), last_year=FinancialYear(2020), number=1, title="Online safety for all"
    )
    YouSaidWeDid.objects.create(
        year=YEAR, you_said="Buses home from youth clubs stop too early.", we_did="We asked for later buses.", order=1
    )
    YouSaidWeDid.objects.create(
        year=YEAR,
        you_said="We want to help choose youth workers.",
        we_did="Young people sat on interview panels.",
        status=YouSaidWeDidStatus.DONE,
        order=2,
    )
    YouSaidWeDid.objects.create(
        year=FinancialYear(2021), you_said="Parks feel unsafe after dark.", we_did="New lights were put in."
    )


def write_young_people_parts(report, user):
    for key, text in YOUNG_PEOPLE_PARTS.items():
        services.save_narrative(report=report, key=key, text=text, edited_by=user)


def text_of(pdf):
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_each_build_makes_the_version_for_young_people_after_the_main_pdf(
    report, records, manager, client, django_capture_on_commit_callbacks
):
    write_young_people_parts(report, manager)
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report)
    build.refresh_from_db()
    assert build.status == BuildStatus.SUCCEEDED, build.error
    young = build.young_people_pdf.open("rb").read()
    build.young_people_pdf.close()
    assert young.startswith(b"%PDF") and young != build.pdf.open("rb").read()
    assert build.young_people_page_count == len(pypdf.PdfReader(io.BytesIO(young)).pages) <= 8
    assert "Where to get help" in text_of(young) and "Childline" in text_of(young)

    client.force_login(manager)
    response = client.get(reverse("reports:build_young_people", args=[report.year, build.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == young
    page = client.get(report.get_absolute_url()).content.decode()
    assert reverse("reports:build_young_people", args=[report.year, build.pk]) in page


def test_it_is_a_tagged_pdf_in_english_of_eight_pages_at_most(report, records, manager):
    write_young_people_parts(report, manager)
    pdf, pages = build_young_people_pdf(report)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]
    assert pages == len(reader.pages) <= 8
    assert "for children and young people" in reader.metadata.title


def test_it_carries_the_years_priorities_and_you_said_we_did_and_no_other_years(report, records, manager):
    write_young_people_parts(report, manager)
    text = text_of(build_young_people_pdf(report)[0])
    for words in (
        "Keeping children safe from domestic abuse",
        "Safer streets for young people",
        "Buses home from youth clubs stop too early.",
        "We asked for later buses. (planned)",
        "Young people sat on interview panels.",
        ABOUT,
        CHANGES,
    ):
        assert words in text, words
    assert "Online safety for all" not in text
    assert "Parks feel unsafe after dark." not in text and "New lights were put in." not in text


def test_its_written_parts_are_not_printed_in_the_main_report(report, records, manager):
    write_young_people_parts(report, manager)
    main = render_html(report, gather(report))
    assert ABOUT not in main and HELP not in main and "What the partnership is" not in main
    assert ABOUT in render_young_people_html(report)


def test_a_drafts_unwritten_parts_say_so_in_the_version_for_young_people(report, records):
    html = render_young_people_html(report)
    for key in YOUNG_PEOPLE_PARTS:
        part = re.search(rf'<section[^>]*id="section-{key}".*?</section>', html, re.S).group(0)
        assert "This chapter has not been written yet (written by the business manager)." in part, key


def test_its_unwritten_parts_block_approval_and_cannot_be_set_aside(report, records, manager):
    from .conftest import write_all_chapters

    write_all_chapters(report, manager)
    services.save_narrative(report=report, key="young-people-help", text="", edited_by=manager)
    unwritten = [p for p in run_checks(report) if p.check == UNWRITTEN]
    assert [p.key for p in unwritten] == ["unwritten:young-people-help"]
    assert not unwritten[0].can_set_aside
    with pytest.raises(services.ValidationError, match="have not been written yet: Where to get help"):
        approve(report, manager)

    services.save_narrative(report=report, key="young-people-help", text=HELP, edited_by=manager)
    approve(report, manager)
    assert report.status == "approved"


def test_the_public_downloads_it_beside_the_report_once_published_and_not_before(client, report):
    url = reverse("reports:published_young_people_pdf", args=[report.year])
    build = stand_in_build(report)
    build.young_people_pdf.save("for-young-people.pdf", ContentFile(b"%PDF-1.7\n% for young people\n"))
    build.young_people_page_count = 6
    build.save()
    assert client.get(url).status_code == 404

    services.publish_report(report=report, build=build)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n% for young people\n"
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert url in page and "For children and young people (PDF, 6 pages)" in page
    # The list of every year's reports offers it too, beside the report.
    listed = client.get(reverse("reports:list")).content.decode()
    assert url in listed and "For children and young people (PDF, 6 pages)" in listed


def test_a_report_published_before_the_version_existed_has_none_to_download(client, report):
    publish(report)
    assert client.get(reverse("reports:published_pdf", args=[report.year])).status_code == 200
    assert client.get(reverse("reports:published_young_people_pdf", args=[report.year])).status_code == 404
    for address in (reverse("reports:report", args=[report.year]), reverse("reports:list")):
        assert "For children and young people" not in client.get(address).content.decode()
