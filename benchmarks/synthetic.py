"""Synthetic copies of the demo records, to measure how the report scales with the size of a partnership."""

from django.db import transaction

from partnership.models import Agency, Attendance, Body, Meeting, Membership, Person


@transaction.atomic
def multiply_records(scale):
    """Adds (scale - 1) copies of every agency, person, body, membership, meeting and attendance line."""
    agencies = list(Agency.objects.all())
    people = list(Person.objects.all())
    bodies = list(Body.objects.order_by("pk"))
    memberships = list(Membership.objects.all())
    meetings = list(Meeting.objects.all())
    attendances = list(Attendance.objects.all())
    for copy in range(1, scale):
        agency_map = {}
        for agency in agencies:
            agency_map[agency.pk] = Agency.objects.create(
                name=f"{agency.name} ({copy})", sector=agency.sector, statutory_partner=agency.statutory_partner
            )
        person_map = {}
        new_people = [
            Person(
                name=f"{p.name} {copy}",
                job_title=p.job_title,
                agency=agency_map[p.agency_id],
                email=f"copy{copy}.{p.email}",
            )
            for p in people
        ]
        for old, new in zip(people, Person.objects.bulk_create(new_people), strict=True):
            person_map[old.pk] = new
        body_map = {}
        for body in bodies:  # in creation order, so parents exist before their groups
            body_map[body.pk] = Body.objects.create(
                name=f"{body.name} ({copy})",
                kind=body.kind,
                parent=body_map.get(body.parent_id),
                borough_id=body.borough_id,
                purpose=body.purpose,
                meeting_frequency=body.meeting_frequency,
                active_from=body.active_from,
                active_to=body.active_to,
            )
        membership_map = {}
        new_memberships = [
            Membership(
                person=person_map[m.person_id],
                body=body_map[m.body_id],
                role=m.role,
                agency=agency_map[m.agency_id],
                start=m.start,
                end=m.end,
            )
            for m in memberships
        ]
        for old, new in zip(memberships, Membership.objects.bulk_create(new_memberships), strict=True):
            membership_map[old.pk] = new
        meeting_map = {}
        new_meetings = [
            Meeting(
                body=body_map[m.body_id],
                starts_at=m.starts_at,
                kind=m.kind,
                theme=m.theme,
                location=m.location,
                online=m.online,
                status=m.status,
            )
            for m in meetings
        ]
        for old, new in zip(meetings, Meeting.objects.bulk_create(new_meetings), strict=True):
            meeting_map[old.pk] = new
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting_map[a.meeting_id],
                membership=membership_map[a.membership_id],
                status=a.status,
                deputy_name=a.deputy_name,
                deputy_agency_id=a.deputy_agency_id,
            )
            for a in attendances
        )
