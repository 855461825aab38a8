"""The register form's details: a deputy's name and agency belong to a "represented" line only (ignored
elsewhere, required there), an invalid date on "update the register" is reported instead of silently using
another day, and the page's script is a static file (no inline script, for the Content-Security-Policy)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from partnership.models import Attendance, Meeting
from partnership.tests.factories import AgencyFactory
from partnership.tests.test_record_a_meeting import members, register_post  # noqa: F401 (fixture)


@pytest.mark.django_db
def test_deputy_fields_left_on_a_line_that_is_not_represented_are_ignored(
    client,
    chair,
    chaired_body,
    members,  # noqa: F811
):
    agency = AgencyFactory()
    client.force_login(chair)
    data = register_post(
        members, ["present", "apologies", "present", "present"], deputies={1: ("Left Over", agency.pk)}
    )
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 302
    line = Attendance.objects.get(membership=members[1])
    assert (line.status, line.deputy_name, line.deputy_agency) == ("apologies", "", None)


@pytest.mark.django_db
def test_a_represented_line_needs_the_deputys_name(client, chair, chaired_body, members):  # noqa: F811
    client.force_login(chair)
    data = register_post(members, ["present", "deputy", "present", "present"], deputies={1: ("   ", "")})
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 200
    assert f"Give the name of the deputy who attended for {members[1].person}." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_an_invalid_date_on_update_says_which_day_the_register_is_for(
    client,
    chair,
    chaired_body,
    members,  # noqa: F811
):
    client.force_login(chair)
    data = register_post(members, ["present"] * 4, day="2022-13-45", refresh="1")
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "“2022-13-45” is not a date, so the register below is still for" in content


@pytest.mark.django_db
def test_the_meeting_form_has_no_inline_script(client, chair, chaired_body, members):  # noqa: F811
    client.force_login(chair)
    content = client.get(reverse("partnership:meeting_create", args=[chaired_body.pk])).content.decode()
    assert '<script src="/static/js/meeting-register.js"></script>' in content
    assert "<script>" not in content
    script = Path(settings.BASE_DIR, "static", "js", "meeting-register.js").read_text()
    assert "deputy-field" in script and "mark-all-present" in script


def test_the_register_stacks_into_cards_on_a_narrow_screen():
    css = Path(settings.BASE_DIR, "static", "css", "site.css").read_text()
    narrow = css[css.index("@media (max-width: 767.98px)") :]
    assert ".register-table tr" in narrow and "display: block" in narrow
    assert "min-width: 0" in narrow  # the 10rem minimum of the fields would push the page sideways
