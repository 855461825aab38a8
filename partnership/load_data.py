"""The partnership's part of the large synthetic partnership (`manage.py generate_load_data`): boroughs,
agencies, people, bodies with their members, and meetings with their attendance lines. At scale 1: 200 agencies,
3,000 people and 1,000 meetings over ten years."""

import datetime

from django.utils import timezone

from lscp.synthetic import at_hour, fictional_name, first_day, insert, random_day, scaled

from .models import (
    Agency,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    LocalAuthority,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Person,
    Sector,
)

MEMBERS_PER_BODY = 12
AGENCY_KINDS = ("Children's Services", "Health Trust", "Police Unit", "School Trust", "Housing Service", "Charity")


def has_records():
    return Agency.objects.exists() or Person.objects.exists() or Body.objects.exists()


def generate(*, scale, rng, tag=""):
    today = timezone.localdate()
    start = first_day(today)
    boroughs = insert(
        LocalAuthority,
        [LocalAuthority(name=f"Synthetic Borough {n}{tag}", code=f"SB{n}{tag.strip()}") for n in range(1, 4)],
    )
    sectors = list(Sector.values)
    agencies = insert(
        Agency,
        [
            Agency(
                name=f"Synthetic {rng.choice(AGENCY_KINDS)} {n}{tag}",
                sector=rng.choice(sectors),
                statutory_partner=n <= 3,
            )
            for n in range(1, scaled(200, scale, minimum=3) + 1)
        ],
    )
    Agency.boroughs.through.objects.bulk_create(
        [Agency.boroughs.through(agency_id=a.pk, localauthority_id=rng.choice(boroughs).pk) for a in agencies]
    )
    people = insert(
        Person,
        [
            Person(
                name=fictional_name(rng),
                job_title="Safeguarding lead",
                agency=rng.choice(agencies),
                email=f"person{n}{tag.strip()}@synthetic.example.org",
            )
            for n in range(1, scaled(3_000, scale, minimum=MEMBERS_PER_BODY) + 1)
        ],
    )
    partnership = insert(Body, [Body(name=f"Synthetic Safeguarding Partnership{tag}", kind=BodyKind.PARTNERSHIP)])[0]
    bodies = [partnership] + insert(
        Body,
        [
            Body(
                name=f"Synthetic Subgroup {n}{tag}",
                kind=BodyKind.SUBGROUP,
                parent=partnership,
                meeting_frequency="quarterly",
            )
            for n in range(1, scaled(30, scale, minimum=2) + 1)
        ],
    )
    memberships = []
    for body in bodies:
        for index, person in enumerate(rng.sample(people, MEMBERS_PER_BODY)):
            role = MembershipRole.CHAIR if index == 0 else MembershipRole.MEMBER
            memberships.append(Membership(person=person, body=body, role=role, agency_id=person.agency_id, start=start))
    insert(Membership, memberships)
    members_of = {}
    for membership in memberships:
        members_of.setdefault(membership.body_id, []).append(membership)
    meetings = []
    taken = set()  # one meeting of a body at a time, as the meeting form requires
    while len(meetings) < scaled(1_000, scale, minimum=2):
        day = random_day(rng, start, today + datetime.timedelta(days=180))
        body, hour = rng.choice(bodies), rng.choice((9, 10, 14))
        if (body.pk, day, hour) in taken:
            continue
        taken.add((body.pk, day, hour))
        meetings.append(
            Meeting(
                body=body,
                starts_at=at_hour(day, hour),
                location="Synthetic Town Hall",
                status=MeetingStatus.HELD if day < today else MeetingStatus.SCHEDULED,
            )
        )
    insert(Meeting, meetings)
    statuses = (AttendanceStatus.PRESENT,) * 6 + (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
    attendances = [
        Attendance(
            meeting=meeting,
            membership=membership,
            status=rng.choice(statuses) if meeting.status == MeetingStatus.HELD else AttendanceStatus.NOT_RECORDED,
        )
        for meeting in meetings
        for membership in members_of[meeting.body_id]
    ]
    insert(Attendance, attendances)
    return {
        "agencies": len(agencies),
        "people": len(people),
        "bodies": len(bodies),
        "memberships": len(memberships),
        "meetings": len(meetings),
        "attendance lines": len(attendances),
    }
