"""Writes that are workflows: recording a meeting with its register, keeping a register complete."""

from django.core.exceptions import ValidationError
from django.db import transaction

from lscp.dates import long_date

from .models import (
    HELD_MEETING_REGISTER_INCOMPLETE,
    HELD_MEETING_REGISTER_MISSING,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
)


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
