"""Writes that are workflows: recording a meeting with its register, keeping a register complete, anonymising a
person at their request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lscp.data_protection import forget_in_admin_log, placeholder_email
from lscp.dates import long_date

from .models import (
    HELD_MEETING_REGISTER_INCOMPLETE,
    HELD_MEETING_REGISTER_MISSING,
    Attendance,
    AttendanceStatus,
    Body,
    Meeting,
    MeetingStatus,
    Membership,
    Person,
)

ANONYMISED_PERSON_REASON = "Anonymised at the person's request (data protection)"


def expected_members(*, body, on):
    """The memberships whose attendance a meeting of `body` on `on` records, in register order."""
    return (
        Membership.objects.current(on=on).filter(body=body).select_related("person", "agency").order_by("person__name")
    )


@transaction.atomic
def prefill_register(*, meeting):
    """Adds a "not yet recorded" line for every member current on the meeting date who has none."""
    have = set(meeting.attendances.values_list("membership_id", flat=True))
    missing = [
        Attendance(meeting=meeting, membership=membership)
        for membership in expected_members(body=meeting.body, on=meeting.date)
        if membership.pk not in have
    ]
    Attendance.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def save_meeting_with_register(*, meeting, register):
    """Saves a meeting and its whole register in one transaction.

    `register` is a list of (membership, status, deputy_name, deputy_agency) rows. Every row is checked
    (the member must belong to the body on the meeting date); nothing is saved if any row fails, and the
    errors name the member concerned.
    """
    if meeting.body_id is not None:
        # Two sends of one form at the same moment (a double click) wait for each other here, so the second finds
        # the meeting the first recorded and is refused (`Meeting.clean`) instead of recording it again.
        Body.objects.select_for_update().filter(pk=meeting.body_id).exists()
    meeting.full_clean()
    meeting.save()
    existing = {a.membership_id: a for a in meeting.attendances.select_related("membership")}
    errors, to_save = [], []
    for membership, status, deputy_name, deputy_agency in register:
        attendance = existing.pop(membership.pk, None) or Attendance(meeting=meeting, membership=membership)
        attendance.meeting = meeting
        attendance.membership = membership
        attendance.status = status
        attendance.deputy_name = deputy_name or ""
        attendance.deputy_agency = deputy_agency
        try:
            attendance.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors.extend(error.messages)
        to_save.append(attendance)
    # Lines for people who are no longer on the register (the date moved, say) are removed only if
    # nothing was recorded for them.
    stale = [a.pk for a in existing.values() if a.status == AttendanceStatus.NOT_RECORDED]
    recorded_stale = [a for a in existing.values() if a.status != AttendanceStatus.NOT_RECORDED]
    for attendance in recorded_stale:
        if not attendance.membership.is_current_on(meeting.date):
            errors.append(
                f"{attendance.membership.person} has attendance recorded but was not a member on "
                f"{long_date(meeting.date)}; change their line first."
            )
    if meeting.status == MeetingStatus.HELD:
        if any(a.status == AttendanceStatus.NOT_RECORDED for a in to_save):
            errors.append(HELD_MEETING_REGISTER_INCOMPLETE)
        # A line missing altogether is as incomplete as one not yet recorded: without it the member would
        # silently drop out of the year's attendance figures.
        covered = {a.membership_id for a in to_save} | {a.membership_id for a in recorded_stale}
        missing = [m for m in expected_members(body=meeting.body, on=meeting.date) if m.pk not in covered]
        if missing:
            errors.append(HELD_MEETING_REGISTER_MISSING % {"names": ", ".join(str(m.person) for m in missing)})
    if errors:
        raise ValidationError(errors)
    Attendance.objects.filter(pk__in=stale).delete()
    for attendance in to_save:
        attendance.save()
    return meeting


def create_meeting(*, body, register, **fields):
    meeting = Meeting(body=body, **fields)
    return save_meeting_with_register(meeting=meeting, register=register)


def anonymised_name(pk):
    return f"Anonymised person {pk}"


@transaction.atomic
def anonymise_people(*, person_ids, now=None):
    """Replaces each person's name, job title, work e-mail and phone by a placeholder, and unlinks their account,
    in the record and in every earlier version of it (its change history) and the admin's log. The agency stays,
    and so do the memberships, attendance and actions that point at the record: every figure stays the same.
    A person already anonymised is left alone. Returns how many were anonymised."""
    now = now or timezone.now()
    people = list(Person.objects.select_for_update().filter(pk__in=person_ids, anonymised_at__isnull=True))
    for person in people:
        person.name = anonymised_name(person.pk)
        person.email = placeholder_email("person", person.pk)
        person.job_title, person.phone, person.user = "", "", None
        person.anonymised_at = now
        person.full_clean()
        person._change_reason = ANONYMISED_PERSON_REASON
        person.save()
        Person.history.filter(id=person.pk).update(
            name=person.name, email=person.email, job_title="", phone="", user=None
        )
    forget_in_admin_log(Person, {person.pk: person.name for person in people})
    return len(people)
