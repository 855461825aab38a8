from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partnership.models import Attendance, Body, BodyKind, Membership, Person
from partnership.tests.factories import (
    AgencyFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    aware,
)


@pytest.mark.django_db
def test_a_work_email_belongs_to_one_person_whatever_its_case():
    PersonFactory(name="Ann Lee", email="ann.lee@nhs.example.org")
    twin = Person(name="Ann Lee again", agency=AgencyFactory(), email="Ann.Lee@NHS.example.org")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert "already belongs to Ann Lee" in str(caught.value.message_dict["email"])


@pytest.mark.django_db
def test_the_database_refuses_a_case_variant_duplicate_too():
    from django.db import IntegrityError

    PersonFactory(email="sam@police.example.org")
    with pytest.raises(IntegrityError):
        PersonFactory(email="SAM@police.example.org")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "start, end, overlaps",
    [
        (date(2021, 1, 1), date(2021, 12, 31), False),  # ends before the first began
        (date(2022, 3, 1), None, True),  # open-ended, starting inside
        (date(2021, 1, 1), date(2022, 1, 1), True),  # ends on its first day
        (date(2023, 1, 1), None, False),  # after it ended
    ],
)
def test_a_person_cannot_have_overlapping_memberships_of_one_body(start, end, overlaps):
    first = MembershipFactory(start=date(2022, 1, 1), end=date(2022, 12, 31))
    second = Membership(person=first.person, body=first.body, agency=first.agency, role="member", start=start, end=end)
    if overlaps:
        with pytest.raises(ValidationError, match="already a member"):
            second.full_clean()
    else:
        second.full_clean()


@pytest.mark.django_db
def test_a_membership_cannot_end_before_it_starts():
    membership = MembershipFactory.build(
        person=PersonFactory(), body=BodyFactory(), start=date(2022, 5, 1), end=date(2022, 4, 1)
    )
    membership.agency = membership.person.agency
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        membership.full_clean()


@pytest.mark.django_db
def test_attendance_is_only_for_members_on_the_day():
    meeting = MeetingFactory(starts_at=aware(date(2022, 6, 15)))
    former = MembershipFactory(body=meeting.body, start=date(2020, 1, 1), end=date(2022, 6, 14))
    elsewhere = MembershipFactory()
    for membership in (former, elsewhere):
        with pytest.raises(ValidationError, match="was not a member of"):
            Attendance(meeting=meeting, membership=membership, status="present").full_clean()


@pytest.mark.django_db
def test_a_local_group_needs_a_borough_and_a_body_cannot_sit_under_itself():
    with pytest.raises(ValidationError, match="belongs to a borough"):
        Body(name="Local group", kind=BodyKind.LOCAL_GROUP).full_clean()
    parent = BodyFactory()
    child = BodyFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError, match="cannot sit under itself"):
        parent.full_clean()


@pytest.mark.django_db
def test_a_joint_meeting_names_the_other_body():
    meeting = MeetingFactory.build(body=BodyFactory(), kind="joint", starts_at=aware(date(2022, 6, 1)))
    with pytest.raises(ValidationError, match="joint meeting was held with"):
        meeting.full_clean()


@pytest.mark.django_db
def test_the_admin_refuses_a_duplicate_email_with_the_reason_and_keeps_the_form(client, manager):
    from django.urls import reverse

    agency = AgencyFactory()
    PersonFactory(email="dup@example.org", name="First Holder")
    client.force_login(manager)
    response = client.post(
        reverse("admin:partnership_person_add"),
        {
            "name": "Second",
            "agency": agency.pk,
            "email": "DUP@example.org",
            "job_title": "Nurse",
            "phone": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "already belongs to First Holder" in content
    assert 'value="Nurse"' in content
    assert Person.objects.count() == 1
