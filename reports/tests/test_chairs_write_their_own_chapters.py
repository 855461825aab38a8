"""A section may name the body whose chairs write it. The chairs of that body open and save that chapter on the
web form, and nothing else of the report; the business manager writes every chapter; nobody changes a chapter
once the report is approved, and the page says why instead of refusing on Save."""

from datetime import date

import pytest
from django.urls import reverse

from partnership.models import MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory
from reports import services
from reports.models import NarrativeSection

from .conftest import approve, narrative_section, write_all_chapters

CASE_REVIEWS = narrative_section("case-reviews", "Learning from case reviews", written_by="case review")


@pytest.fixture
def case_reviews(report, register_sections, chaired_body):
    """The chapter the Case Review Subgroup writes (the `chair` fixture co-chairs it), registered after the
    report was started, as its row is made on demand."""
    register_sections(CASE_REVIEWS)
    services.ensure_narratives(report)
    return report.narratives.get(key=CASE_REVIEWS.key)


@pytest.fixture
def other_chair(other_body):
    user = UserFactory(username="other-chair")
    person = PersonFactory(user=user, name="Omar Otherchair")
    MembershipFactory(person=person, body=other_body, role=MembershipRole.CHAIR, start=date(2020, 4, 1))
    return user


def chapter_url(report, key=CASE_REVIEWS.key):
    return reverse("reports:narrative", args=[report.year, key])


@pytest.mark.django_db
def test_a_chapter_starts_with_the_body_its_section_names_in_any_case(case_reviews, chaired_body):
    assert case_reviews.written_by == chaired_body


@pytest.mark.django_db
def test_the_named_body_is_the_exact_name_else_the_shortest_current_one_containing_it(db):
    retired = BodyFactory(name="Case Review", active_to=date(2019, 3, 31))
    current = BodyFactory(name="Case Review Subgroup")
    BodyFactory(name="Case Review Subgroup (Westminster)")
    found = services._bodies_named(["case review subgroup", "Case Review", "learning and development"])
    assert found["case review subgroup"] == current
    assert found["Case Review"] == retired  # the exact name wins, even a body that has closed
    assert "learning and development" not in found  # no such body: only the business manager writes it


@pytest.mark.django_db
def test_the_chair_of_the_named_body_writes_the_chapter_on_the_web_form(client, chair, case_reviews):
    client.force_login(chair)
    page = client.get(chapter_url(case_reviews.report))
    assert page.status_code == 200
    assert 'name="text"' in page.content.decode()
    saved = client.post(chapter_url(case_reviews.report), {"text": "Two rapid reviews led to new guidance."})
    assert saved.status_code == 302 and saved["Location"] == reverse("reports:chapters")
    case_reviews.refresh_from_db()
    assert case_reviews.text == "Two rapid reviews led to new guidance." and case_reviews.last_edited_by == chair


@pytest.mark.django_db
def test_a_chair_of_another_body_cannot_open_or_save_the_chapter(client, other_chair, case_reviews):
    client.force_login(other_chair)
    assert client.get(chapter_url(case_reviews.report)).status_code == 403
    assert client.post(chapter_url(case_reviews.report), {"text": "Not mine to write."}).status_code == 403
    case_reviews.refresh_from_db()
    assert case_reviews.text == ""


@pytest.mark.django_db
def test_a_partner_cannot_open_or_save_the_chapter(client, partner, case_reviews):
    client.force_login(partner)
    assert client.get(chapter_url(case_reviews.report)).status_code == 403
    assert client.post(chapter_url(case_reviews.report), {"text": "Not mine to write."}).status_code == 403
    case_reviews.refresh_from_db()
    assert case_reviews.text == ""


@pytest.mark.django_db
def test_a_chair_reaches_nothing_else_of_the_draft_report(client, chair, case_reviews):
    report = case_reviews.report
    build = services.request_build(report=report)  # queued only: the test never commits
    y = report.year
    client.force_login(chair)
    refused = [
        ("get", reverse("reports:report", args=[y]), 404),  # a draft is not public
        ("get", reverse("reports:preview", args=[y]), 403),
        ("get", chapter_url(report, "foreword"), 403),  # a chapter the business manager writes
        ("get", reverse("reports:build_status", args=[y, build.pk]), 403),
        ("get", reverse("reports:build_download", args=[y, build.pk]), 403),
        ("get", reverse("reports:publish", args=[y]), 403),
        ("post", reverse("reports:build", args=[y]), 403),
        ("get", reverse("reports:approve", args=[y]), 403),
        ("post", reverse("reports:approve", args=[y]), 403),
        ("post", reverse("reports:workflow", args=[y, "draft"]), 403),
        ("post", reverse("reports:publish", args=[y]), 403),
    ]
    got = [(method, url, getattr(client, method)(url).status_code) for method, url, _ in refused]
    assert got == refused
    assert report.builds.count() == 1


@pytest.mark.django_db
def test_the_business_manager_writes_every_chapter(client, manager, case_reviews):
    client.force_login(manager)
    for section in services.narrative_sections():
        response = client.post(chapter_url(case_reviews.report, section.key), {"text": f"About {section.key}."})
        assert response.status_code == 302, section.key
    texts = dict(case_reviews.report.narratives.values_list("key", "text"))
    assert all(texts[section.key] == f"About {section.key}." for section in services.narrative_sections())


@pytest.mark.django_db
def test_once_approved_a_chair_reads_the_chapter_with_the_reason_and_no_form(client, chair, manager, case_reviews):
    report = case_reviews.report
    write_all_chapters(report, manager, text="Agreed by the partnership.")
    approve(report, manager)
    client.force_login(chair)
    page = client.get(chapter_url(report)).content.decode()
    assert "Agreed by the partnership." in page
    assert "is approved, so its chapters cannot be changed" in page
    assert 'name="text"' not in page and ">Save<" not in page


@pytest.mark.django_db
def test_a_save_that_arrives_after_approval_keeps_the_typed_text_on_the_page(client, chair, manager, case_reviews):
    report = case_reviews.report
    client.force_login(chair)
    assert 'name="text"' in client.get(chapter_url(report)).content.decode()  # the form opened while a draft
    write_all_chapters(report, manager, text="Agreed by the partnership.")
    approve(report, manager)
    page = client.post(chapter_url(report), {"text": "My late change to the chapter."}).content.decode()
    assert "Your changes were not saved" in page and "My late change to the chapter." in page
    assert "is approved, so its chapters cannot be changed" in page
    assert NarrativeSection.objects.get(pk=case_reviews.pk).text == "Agreed by the partnership."


@pytest.mark.django_db
def test_a_chair_lists_the_chapters_they_write_with_their_state(
    client, chair, manager, case_reviews, django_assert_max_num_queries
):
    client.force_login(chair)
    # The page's own; the menu asks nothing more (the chair's bodies' names and kinds are among their roles' facts).
    with django_assert_max_num_queries(8):
        page = client.get(reverse("reports:chapters")).content.decode()
    assert "Your chapters of the annual report" in page
    assert "Learning from case reviews" in page and "Not started" in page
    assert chapter_url(case_reviews.report) in page
    assert "Foreword" not in page  # the business manager's chapter

    # Every chapter the subgroup writes (the case reviews app registers one of its own too).
    for chapter in case_reviews.report.narratives.filter(written_by=case_reviews.written_by):
        services.save_narrative(report=case_reviews.report, key=chapter.key, text="Done.", edited_by=chair)
    page = client.get(reverse("reports:chapters")).content.decode()
    assert "Not written" not in page and "Written · last edited" in page and "by chair" in page

    client.force_login(manager)
    everything = client.get(reverse("reports:chapters")).content.decode()
    assert "Learning from case reviews" in everything and "Foreword by the independent chair" in everything


@pytest.mark.django_db
def test_the_chapters_page_leaves_out_reports_that_are_no_longer_drafts(client, chair, manager, case_reviews):
    write_all_chapters(case_reviews.report, manager)
    approve(case_reviews.report, manager)
    client.force_login(chair)
    page = client.get(reverse("reports:chapters")).content.decode()
    assert "Learning from case reviews" not in page and "No draft report has a chapter for you" in page


@pytest.mark.django_db
def test_the_business_manager_changes_who_writes_a_chapter_in_the_admin(client, manager, case_reviews, other_body):
    client.force_login(manager)
    url = reverse("admin:reports_annualreport_change", args=[case_reviews.report.pk])
    page = client.get(url).content.decode()
    index = [n.pk for n in case_reviews.report.narratives.all()].index(case_reviews.pk)
    assert f'name="narratives-{index}-written_by"' in page
    assert f'<option value="{other_body.pk}">' in page
