from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from partnership.tests.factories import AgencyFactory, MeetingFactory, MembershipFactory

# A day to come, within the range a meeting may be dated in (up to five years ahead).
NEXT_YEAR = f"{timezone.localdate().year + 1}-01-14"


def register_post(memberships, statuses, *, day="2022-06-15", status="held", deputies=None, **extra):
    deputies = deputies or {}
    data = {
        "date": day,
        "time": "10:00",
        "kind": "ordinary",
        "status": status,
        "theme": "Neglect",
        "location": "Kensington Town Hall",
        "register-TOTAL_FORMS": str(len(memberships)),
        "register-INITIAL_FORMS": str(len(memberships)),
        "register-MIN_NUM_FORMS": "0",
        "register-MAX_NUM_FORMS": "1000",
    }
    for i, (membership, line_status) in enumerate(zip(memberships, statuses, strict=True)):
        name, agency = deputies.get(i, ("", ""))
        data.update(
            {
                f"register-{i}-membership": str(membership.pk),
                f"register-{i}-status": line_status,
                f"register-{i}-deputy_name": name,
                f"register-{i}-deputy_agency": str(agency),
            }
        )
    data.update(extra)
    return data


@pytest.fixture
def members(chaired_body, chair):
    """The chair's own membership plus three others, all current in June 2022."""
    chair_membership = chair.person.memberships.get()
    return [chair_membership] + [MembershipFactory(body=chaired_body) for _ in range(3)]


@pytest.mark.django_db
def test_a_chair_records_a_meeting_and_its_whole_register_in_one_form(client, chair, chaired_body, members):
    client.force_login(chair)
    deputy_agency = AgencyFactory(name="Central London Community Healthcare NHS Trust")
    data = register_post(
        members, ["present", "deputy", "apologies", "not_expected"], deputies={1: ("Jo Deputy", deputy_agency.pk)}
    )
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)

    meeting = Meeting.objects.get(body=chaired_body)
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.status == MeetingStatus.HELD and meeting.date == date(2022, 6, 15)
    recorded = {a.membership_id: a for a in Attendance.objects.filter(meeting=meeting)}
    assert [recorded[m.pk].status for m in members] == ["present", "deputy", "apologies", "not_expected"]
    assert recorded[members[1].pk].deputy_name == "Jo Deputy"
    assert recorded[members[1].pk].deputy_agency == deputy_agency


@pytest.mark.django_db
def test_the_register_lists_only_members_current_on_the_meeting_date(client, chair, chaired_body, members):
    left = MembershipFactory(body=chaired_body, start=date(2020, 4, 1), end=date(2022, 5, 31))
    joined_later = MembershipFactory(body=chaired_body, start=date(2022, 7, 1))
    client.force_login(chair)
    response = client.get(reverse("partnership:meeting_create", args=[chaired_body.pk]) + "?date=2022-06-15")
    listed = {line.membership_obj for line in response.context["register"].forms}
    assert listed == set(members)
    assert left not in listed and joined_later not in listed


@pytest.mark.django_db
def test_a_held_meeting_needs_everyones_attendance_and_keeps_what_was_typed(client, chair, chaired_body, members):
    client.force_login(chair)
    data = register_post(members, ["present", "", "apologies", "present"], theme="Exploitation")
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)

    assert response.status_code == 200
    assert not Meeting.objects.exists()
    content = response.content.decode()
    assert "There is a problem" in content
    assert f"Choose how {members[1].person} attended." in content
    assert 'value="Exploitation"' in content  # the theme typed is still there
    assert 'value="apologies" selected' in content


@pytest.mark.django_db
def test_a_deputy_needs_a_name(client, chair, chaired_body, members):
    client.force_login(chair)
    data = register_post(members, ["present", "deputy", "present", "present"])
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 200
    assert f"Give the name of the deputy who attended for {members[1].person}." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_attendance_for_someone_who_is_not_a_member_is_refused(client, chair, chaired_body, members, other_body):
    stranger = MembershipFactory(body=other_body)
    client.force_login(chair)
    data = register_post(members[:3] + [stranger], ["present"] * 4)
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 200
    assert "not a member of the body on the meeting date" in response.content.decode()
    assert not Meeting.objects.exists() and not Attendance.objects.exists()


@pytest.mark.django_db
def test_a_future_meeting_is_scheduled_with_its_register_not_yet_recorded(client, chair, chaired_body, members):
    client.force_login(chair)
    data = register_post(members, [""] * 4, day=NEXT_YEAR, status="scheduled")
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 302
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert statuses == {AttendanceStatus.NOT_RECORDED}


@pytest.mark.django_db
def test_a_meeting_in_the_future_cannot_be_marked_held(client, chair, chaired_body, members):
    client.force_login(chair)
    data = register_post(members, ["present"] * 4, day=NEXT_YEAR, status="held")
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 200
    assert "cannot be marked as held" in response.content.decode()


@pytest.mark.django_db
def test_editing_a_meeting_updates_its_register_without_duplicates(client, chair, chaired_body, members):
    meeting = MeetingFactory(body=chaired_body, status=MeetingStatus.SCHEDULED)
    for m in members:
        Attendance.objects.create(meeting=meeting, membership=m)
    client.force_login(chair)
    data = register_post(members, ["present", "absent", "present", "apologies"])
    response = client.post(reverse("partnership:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    assert list(Attendance.objects.filter(meeting=meeting, status="absent").values_list("membership", flat=True)) == [
        members[1].pk
    ]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


@pytest.mark.django_db
def test_updating_the_register_for_a_new_date_keeps_what_was_typed(client, chair, chaired_body, members):
    joined_later = MembershipFactory(body=chaired_body, start=date(2022, 7, 1))
    client.force_login(chair)
    data = register_post(members, ["present", "apologies", "", ""], day="2022-07-20", refresh="1")
    response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
    assert response.status_code == 200
    assert not Meeting.objects.exists()
    lines = {line.membership_obj: line for line in response.context["register"].forms}
    assert joined_later in lines
    assert lines[members[1]]["status"].value() == "apologies"


@pytest.mark.django_db
def test_the_chair_cannot_record_a_meeting_of_a_body_they_do_not_chair(client, chair, other_body):
    member = MembershipFactory(body=other_body)
    client.force_login(chair)
    response = client.post(
        reverse("partnership:meeting_create", args=[other_body.pk]), register_post([member], ["present"])
    )
    assert response.status_code == 403
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_meeting_sent_twice_is_recorded_once_and_its_register_counts_once(client, chair, chaired_body, members):
    client.force_login(chair)
    data = register_post(members, ["present", "present", "present", "present"])
    url = reverse("partnership:meeting_create", args=[chaired_body.pk])
    assert client.post(url, data).status_code == 302

    again = client.post(url, data)

    assert again.status_code == 200
    assert Meeting.objects.filter(body=chaired_body).count() == 1
    assert Attendance.objects.filter(meeting__body=chaired_body).count() == 4
    assert "already has a meeting at 10:00 on 15 June 2022" in again.text
    assert "Kensington Town Hall" in again.text  # what was typed is kept
    # Another time the same day is another meeting; so is one at a cancelled meeting's time.
    assert client.post(url, {**data, "time": "14:00"}).status_code == 302
    assert Meeting.objects.filter(body=chaired_body).count() == 2
    Meeting.objects.filter(body=chaired_body).update(status=MeetingStatus.CANCELLED)
    assert client.post(url, data).status_code == 302
    assert Meeting.objects.filter(body=chaired_body).count() == 3
