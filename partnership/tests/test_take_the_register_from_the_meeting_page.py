"""The register of any meeting, past or future, is taken from the meeting's own page: its chairs and the
business manager get a "Take the register" (or "Edit the register") link that opens the form on that
meeting's date, with no query parameters; each line names the member's role and job title."""

from datetime import date

import pytest
from django.urls import reverse

from partnership.models import Attendance, MeetingStatus
from partnership.services import prefill_register
from partnership.tests.factories import MeetingFactory, MembershipFactory, PersonFactory, aware


@pytest.fixture
def past_meeting(chaired_body):
    """A meeting from two years back, entered by the business manager without a register; one member has
    left since, one joined after it."""
    meeting = MeetingFactory(body=chaired_body, starts_at=aware(date(2021, 3, 10)), status=MeetingStatus.SCHEDULED)
    MembershipFactory(
        body=chaired_body,
        role="adviser",
        person=PersonFactory(name="Lee Former", job_title="Designated Nurse"),
        start=date(2020, 4, 1),
        end=date(2021, 12, 31),
    )
    MembershipFactory(body=chaired_body, person=PersonFactory(name="Kim Later"), start=date(2022, 1, 1))
    return meeting


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["chair", "manager"])
def test_chairs_and_the_manager_get_a_take_the_register_link(client, request, past_meeting, user):
    client.force_login(request.getfixturevalue(user))
    content = client.get(past_meeting.get_absolute_url()).content.decode()
    url = reverse("partnership:meeting_edit", args=[past_meeting.pk])
    assert f'href="{url}#register">Take the register</a>' in content


@pytest.mark.django_db
def test_the_link_says_edit_once_the_register_is_taken(client, chair, past_meeting):
    prefill_register(meeting=past_meeting)
    Attendance.objects.filter(meeting=past_meeting).update(status="present")
    client.force_login(chair)
    assert ">Edit the register</a>" in client.get(past_meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_partner_gets_no_link(client, partner, past_meeting):
    client.force_login(partner)
    assert "the register</a>" not in client.get(past_meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_form_opens_on_the_meetings_own_date_with_role_and_job_title(client, chair, past_meeting):
    client.force_login(chair)
    response = client.get(reverse("partnership:meeting_edit", args=[past_meeting.pk]))
    assert response.context["register_date"] == date(2021, 3, 10)
    names = {line.membership_obj.person.name for line in response.context["register"].forms}
    assert "Lee Former" in names and "Kim Later" not in names
    content = response.content.decode()
    assert "Designated Nurse · Adviser," in content
    assert 'id="register"' in content
