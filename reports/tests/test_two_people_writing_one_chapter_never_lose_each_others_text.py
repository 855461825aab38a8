"""Two people editing one chapter at once never lose each other's text: the second save is refused, with what
the second person typed kept in the form and the first person's saved text shown beside it; saving again, with
both in view, is a choice. The same holds in the admin, which stamps who changed a chapter as the web form does."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from reports.models import NarrativeSection

KEY = "foreword"
FIRST = "The partnership's year, as the independent chair saw it."
SECOND = "The partnership's year, as the business manager saw it."


class _Fields(HTMLParser):
    """The values a browser would send for the form fields of a page (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "checkbox"):
            self.data[name] = attrs.get("value") or ""
        elif tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.data[name] = attrs.get("value") or "on"
        elif tag == "textarea" and name:
            self._textarea, self.data[name] = name, ""
        elif tag == "select" and name:
            self._select, self.data[name] = name, ""
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_fields(html):
    parser = _Fields()
    parser.feed(html)
    return parser.data


def textarea(html, element_id):
    found = re.search(rf'<textarea[^>]*id="{element_id}"[^>]*>(.*?)</textarea>', html, re.S)
    return unescape(found.group(1)).strip() if found else None


@pytest.fixture
def chapter_url(report):
    return reverse("reports:narrative", args=[report.year, KEY])


@pytest.fixture
def second_writer(django_user_model, role_groups):
    """A second business manager (a deputy), who may write the same chapters."""
    from django.contrib.auth.models import Group

    from lscp.roles import BUSINESS_MANAGERS_GROUP

    user = django_user_model.objects.create_user("deputy", first_name="Priya", last_name="Raman", is_staff=True)
    user.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    return user


@pytest.mark.django_db
def test_the_second_save_is_refused_with_both_texts_in_view_and_a_second_try_saves(
    client, manager, second_writer, report, chapter_url
):
    client.force_login(second_writer)
    opened = form_fields(client.get(chapter_url).content.decode())  # the deputy opens the form first …

    other = client.__class__()
    other.force_login(manager)
    first_form = form_fields(other.get(chapter_url).content.decode())
    other.post(chapter_url, {**first_form, "text": FIRST})  # … and the business manager saves before them
    assert NarrativeSection.objects.get(report=report, key=KEY).text == FIRST

    refused = client.post(chapter_url, {**opened, "text": SECOND})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Eleanor Manager saved this chapter at" in unescape(page)
    assert "Your text has not been saved" in page
    assert textarea(page, "id_text") == SECOND  # what they typed stays in the form
    assert textarea(page, "their-text") == FIRST  # with the text it would have replaced beside it
    assert NarrativeSection.objects.get(report=report, key=KEY).text == FIRST

    merged = f"{FIRST}\n\n{SECOND}"
    client.post(chapter_url, {**form_fields(page), "text": merged})  # saving again, both in view, is a choice
    saved = NarrativeSection.objects.get(report=report, key=KEY)
    assert saved.text == merged and saved.last_edited_by == second_writer


@pytest.mark.django_db
def test_a_save_of_the_very_text_saved_meanwhile_goes_through(client, manager, second_writer, report, chapter_url):
    client.force_login(second_writer)
    opened = form_fields(client.get(chapter_url).content.decode())
    other = client.__class__()
    other.force_login(manager)
    other.post(chapter_url, {**form_fields(other.get(chapter_url).content.decode()), "text": FIRST})

    response = client.post(chapter_url, {**opened, "text": FIRST})
    assert response.status_code == 302
    assert NarrativeSection.objects.get(report=report, key=KEY).text == FIRST


@pytest.mark.django_db
def test_one_writer_saving_twice_from_the_page_they_reopened_is_never_refused(client, manager, report, chapter_url):
    client.force_login(manager)
    for text in (FIRST, SECOND):
        form = form_fields(client.get(chapter_url).content.decode())
        assert client.post(chapter_url, {**form, "text": text}).status_code == 302
    assert NarrativeSection.objects.get(report=report, key=KEY).text == SECOND


@pytest.mark.django_db
def test_the_admin_refuses_to_write_over_a_chapter_saved_since_it_was_opened(
    client, admin_user, manager, report, chapter_url
):
    admin_page = reverse("admin:reports_annualreport_change", args=[report.pk])
    client.force_login(admin_user)
    opened = form_fields(client.get(admin_page).content.decode())
    foreword = NarrativeSection.objects.get(report=report, key=KEY)
    foreword_field = next(
        name.replace("-id", "-text")
        for name, value in opened.items()
        if name.endswith("-id") and value == str(foreword.pk)
    )

    other = client.__class__()
    other.force_login(manager)
    other.post(chapter_url, {**form_fields(other.get(chapter_url).content.decode()), "text": FIRST})

    refused = client.post(admin_page, {**opened, foreword_field: SECOND})
    page = unescape(refused.content.decode())
    assert refused.status_code == 200 and "saved this chapter at" in page and f"Their text: “{FIRST}”" in page
    assert NarrativeSection.objects.get(report=report, key=KEY).text == FIRST

    reopened = form_fields(client.get(admin_page).content.decode())
    assert client.post(admin_page, {**reopened, foreword_field: SECOND}).status_code == 302
    saved = NarrativeSection.objects.get(report=report, key=KEY)
    assert saved.text == SECOND and saved.last_edited_by == admin_user and saved.last_edited_at is not None
