"""A stored file's own address (the admin's "Currently: …" link, a read-only file field) opens the file for those
its record's download page lets have it, and refuses the others as that page does. Before, every such link pointed
at an address nothing answered (404), so the business manager met a dead link on every record with a file."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse

from audits.models import Return, StandardResponse
from governance.models import Action, ActionUpdate
from lscp.stored_files import models_with_files
from partnership.models import Body, Meeting
from reports.models import AnnualReport, BuildStatus, ReportBuild

from .test_every_link_each_demo_role_sees_opens import links_on

PDF = b"%PDF-1.7\n% a stored file\n"


def _records_with_files():
    """One demo record of every model that stores files, each with a file in every file field."""
    meeting = Meeting.objects.filter(body__name="Case Review Subgroup").first()
    meeting.papers.save("papers.pdf", ContentFile(PDF))
    meeting.minutes.save("minutes.pdf", ContentFile(PDF))
    body = Body.objects.get(name="Best Practice and Performance Subgroup")
    body.terms_of_reference_file.save("terms.pdf", ContentFile(PDF))
    update = ActionUpdate(action=Action.objects.first(), text="Evidence of progress.")
    update.evidence.save("evidence.pdf", ContentFile(PDF), save=False)
    update.save()
    other_agency_return = Return.objects.exclude(agency__name="National Probation Service").first()
    response = StandardResponse.objects.filter(agency_return=other_agency_return).first()
    if response is None:
        standard = other_agency_return.cycle.standard_set.standards.first()
        response = StandardResponse.objects.create(agency_return=other_agency_return, standard=standard)
    evidence = response.files.model(response=response)
    evidence.file.save("section-11-evidence.pdf", ContentFile(PDF))
    build = ReportBuild(report=AnnualReport.objects.get(year="2022/23"), status=BuildStatus.SUCCEEDED)
    build.pdf.save("annual-report.pdf", ContentFile(PDF))
    build.html_edition.save("annual-report.html", ContentFile(HTML))  # the web edition made with it
    build.young_people_pdf.save("for-young-people.pdf", ContentFile(PDF))  # and the version for young people
    return [meeting, body, update, evidence, build]


# What each stored file holds here: a PDF, but for the web edition of a report's build.
HTML = b"<!doctype html><title>Annual report</title>"


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_model_that_stores_files_says_where_they_are_downloaded():
    models = dict(models_with_files())
    assert {Meeting, Body, ActionUpdate, ReportBuild} <= set(models)
    missing = [model.__name__ for model in models if not callable(getattr(model, "file_download_url", None))]
    assert not missing, f"Stored files with no download page: {', '.join(missing)}"


@pytest.mark.django_db
def test_the_stored_files_own_address_opens_it_for_the_business_manager(demo, demo_user, client):
    records = _records_with_files()
    assert {type(record) for record in records} == {model for model, _ in models_with_files()}
    client.force_login(demo_user("manager"))
    for record in records:
        for field in dict(models_with_files())[type(record)]:
            response = client.get(getattr(record, field).url)
            assert response.status_code == 200, f"{type(record).__name__}.{field}: {response.status_code}"
            assert content_of(response) == (HTML if field == "html_edition" else PDF)


@pytest.mark.django_db
def test_every_file_link_on_the_admins_record_pages_opens(demo, demo_user, client):
    records = _records_with_files()
    client.force_login(demo_user("manager"))
    opened = 0
    for record in records:
        meta = type(record)._meta
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        except NoReverseMatch:  # shown only inside another record's page
            continue
        page = client.get(url)
        assert page.status_code == 200
        for href in links_on(page.content.decode()):
            if href.startswith(settings.MEDIA_URL):
                response = client.get(href)
                assert response.status_code == 200, f"{href} on {url}: {response.status_code}"
                assert content_of(response)
                opened += 1
    assert opened >= 4  # papers, minutes, terms of reference, the build's PDF at least


@pytest.mark.django_db
def test_the_stored_files_own_address_refuses_whom_its_download_page_refuses(demo, demo_user, client):
    meeting, _, _, evidence, build = _records_with_files()
    client.force_login(demo_user("partner"))
    # Another agency's Section 11 evidence and a draft's build are not the partner's; a meeting's papers are.
    assert client.get(evidence.file.url).status_code == 404
    assert client.get(build.pdf.url).status_code in (403, 404)
    assert client.get(meeting.papers.url).status_code == 200
    client.force_login(User.objects.create_user("someone-with-no-role"))
    assert client.get(meeting.papers.url).status_code in (403, 404)
    client.logout()
    response = client.get(meeting.papers.url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_an_address_no_record_holds_is_not_found(demo, demo_user, client):
    client.force_login(demo_user("manager"))
    assert client.get(f"{settings.MEDIA_URL}papers/2022/nobody-stored-this.pdf").status_code == 404
