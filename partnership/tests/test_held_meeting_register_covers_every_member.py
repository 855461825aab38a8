"""A held meeting's register has a line for every member of the body on the meeting date. A posted register
with fewer lines (a stale page, or a tampered TOTAL_FORMS, negative or huge) is refused with a message that
names who is missing, keeps what was typed, and saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnership import services
from partnership.models import Attendance, Meeting, MeetingStatus
from partnership.tests.factories import MeetingFactory
from partnership.tests.test_record_a_meeting import NEXT_YEAR, members, register_post  # noqa: F401 (fixture)


def post(client, body, data):
    return client.post(reverse("partnership:meeting_create", args=[body.pk]), data)


@pytest.mark.django_db
def test_a_register_with_a_member_left_out_is_refused_and_keeps_what_was_typed(
    client,
    chair,
    chaired_body,
    members,  # noqa: F811
):
    client.force_login(chair)
    data = register_post(members[:3], ["present", "apologies", "absent"], theme="Exploitation")
    response = post(client, chaired_body, data)

    assert response.status_code == 200
    assert not Meeting.objects.exists() and not Attendance.objects.exists()
    content = response.content.decode()
    assert "needs a line for every member on the meeting date" in content
    assert str(members[3].person) in content
    lines = {line.membership_obj: line for line in response.context["register"].forms}
    assert set(lines) == set(members)  # the missing member is back in the register
    assert lines[members[1]]["status"].value() == "apologies"
    assert 'value="Exploitation"' in content


@pytest.mark.django_db
@pytest.mark.parametrize("total", ["-1", "0"])
def test_a_negative_or_zero_form_count_saves_nothing(client, chair, chaired_body, members, total):  # noqa: F811
    client.force_login(chair)
    data = register_post(members, ["present"] * 4, **{"register-TOTAL_FORMS": total})
    response = post(client, chaired_body, data)
    assert response.status_code == 200
    assert "needs a line for every member on the meeting date" in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_huge_form_count_fails_fast(client, chair, chaired_body, members, django_assert_max_num_queries):  # noqa: F811
    client.force_login(chair)
    data = register_post(members, ["present"] * 4, **{"register-TOTAL_FORMS": "100000"})
    with django_assert_max_num_queries(13):
        response = post(client, chaired_body, data)
    assert response.status_code == 200
    assert len(response.context["register"].forms) == len(members)  # no more lines were ever built
    assert "Please submit at most 4 forms." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_scheduled_meeting_may_leave_lines_out(client, chair, chaired_body, members):  # noqa: F811
    client.force_login(chair)
    data = register_post(members[:2], ["", ""], day=NEXT_YEAR, status="scheduled")
    assert post(client, chaired_body, data).status_code == 302


@pytest.mark.django_db
def test_the_service_refuses_a_held_meeting_with_a_member_missing(chaired_body, members):  # noqa: F811
    meeting = MeetingFactory.build(body=chaired_body, status=MeetingStatus.HELD)
    register = [(m, "present", "", None) for m in members[:3]]
    with pytest.raises(ValidationError) as refused:
        services.save_meeting_with_register(meeting=meeting, register=register)
    assert str(members[3].person) in " ".join(refused.value.messages)
    assert not Meeting.objects.exists()
