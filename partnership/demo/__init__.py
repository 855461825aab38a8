"""Demo partnership: the 2022/23 report's and the 2019 partnership arrangements' bodies, agencies and roles,
fictional people, 2022/23 meetings and their registers (the data in data.py)."""

import hashlib
import re
import runpy
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from ..models import (
    Agency,
    Attendance,
    AttendanceStatus,
    Body,
    LocalAuthority,
    Meeting,
    MeetingStatus,
    Membership,
    Person,
)

DATA = runpy.run_path(str(Path(__file__).with_name("data.py")))
MEMBERSHIPS_START = date(2021, 4, 1)
# The people behind the demo logins (lscp/demo.py).
LINKED_LOGINS = {"manager": "Eleanor Blackwood", "chair": "Fiona Makepeace", "partner": "Nadia Chaudhry"}

# 2022/23 meetings as the arrangements describe them: the Partnership quarterly, the Executive twice,
# subgroups and local groups about quarterly. Themes from the 2022/23 report's priorities.
MEETINGS = {
    "Local Safeguarding Children Partnership": [
        ("2022-05-18", "Neglect and the cost of living"),
        ("2022-09-21", "Child exploitation and the MACE panel"),
        ("2022-12-07", "Domestic abuse"),
        ("2023-03-15", "The year's learning from reviews"),
    ],
    "LSCP Executive": [("2022-07-13", "Budget and priorities"), ("2023-01-18", "Independent scrutiny report")],
    "Case Review Subgroup": [
        ("2022-04-27", ""),
        ("2022-06-29", ""),
        ("2022-09-28", ""),
        ("2022-11-30", ""),
        ("2023-02-22", ""),
    ],
    "Best Practice and Performance Subgroup": [
        ("2022-06-08", "Data set"),
        ("2022-10-12", "Multi-agency audit"),
        ("2023-01-25", "Section 11"),
        ("2023-03-08", "Data set"),
    ],
    "Children and Community Engagement and Accountability Subgroup": [
        ("2022-06-15", ""),
        ("2022-10-19", ""),
        ("2023-02-15", ""),
    ],
    "Kensington and Chelsea LSCP Local Group": [
        ("2022-06-22", ""),
        ("2022-09-14", ""),
        ("2022-12-14", ""),
        ("2023-03-22", ""),
    ],
    "Westminster LSCP Local Group": [("2022-06-23", ""), ("2022-09-15", ""), ("2022-12-15", ""), ("2023-03-23", "")],
    "LSCP Strategic Planning Group": [("2022-05-04", ""), ("2022-11-09", "")],
}
# A partner whose attendance the scrutineer has to challenge, so the report shows the flag working.
POOR_ATTENDER_AGENCY = "National Probation Service"


def _email(name, agency):
    local = re.sub(r"[^a-z]+", ".", name.lower()).strip(".")
    domain = re.sub(r"[^a-z0-9]+", "-", agency.lower()).strip("-")[:40]
    return f"{local}@{domain}.example.org"


def _choose_status(meeting, membership, agency_name):
    """A fixed, plausible attendance: the same on every run, so loading twice changes nothing."""
    roll = (
        int(
            hashlib.sha256(
                f"{meeting.body.name}|{meeting.starts_at:%Y%m%d}|{membership.person.name}".encode()
            ).hexdigest()[:8],
            16,
        )
        % 100
    )
    if membership.role in ("observer", "virtual"):
        return AttendanceStatus.NOT_EXPECTED if roll < 60 else AttendanceStatus.PRESENT
    if agency_name == POOR_ATTENDER_AGENCY:
        return AttendanceStatus.PRESENT if roll < 35 else AttendanceStatus.APOLOGIES
    if roll < 76:
        return AttendanceStatus.PRESENT
    if roll < 85:
        return AttendanceStatus.DEPUTY
    if roll < 95:
        return AttendanceStatus.APOLOGIES
    return AttendanceStatus.ABSENT


def load(*, stdout):
    boroughs = {}
    for code, name in DATA["BOROUGHS"]:
        boroughs[code], _ = LocalAuthority.objects.get_or_create(code=code, defaults={"name": name})
    agencies = {}
    for row in DATA["AGENCIES"]:
        agency, created = Agency.objects.get_or_create(
            name=row["name"], defaults={"sector": row["sector"], "statutory_partner": row["statutory"]}
        )
        if created:
            agency.boroughs.set([boroughs[c] for c in row["boroughs"]])
        agencies[row["name"]] = agency
    bodies = {}
    for row in DATA["BODIES"]:
        bodies[row["name"]], _ = Body.objects.get_or_create(
            name=row["name"],
            defaults={
                "kind": row["kind"],
                "parent": bodies.get(row["parent"]),
                "borough": boroughs.get(row["borough"]),
                "purpose": row["purpose"],
                "meeting_frequency": row["frequency"],
                "active_from": date(2019, 9, 29),
            },
        )
    people = {}
    for row in DATA["MEMBERS"]:
        if row["name"] not in people:
            people[row["name"]], _ = Person.objects.get_or_create(
                email=_email(row["name"], row["agency"]),
                defaults={"name": row["name"], "job_title": row["job_title"], "agency": agencies[row["agency"]]},
            )
        Membership.objects.get_or_create(
            person=people[row["name"]],
            body=bodies[row["body"]],
            start=MEMBERSHIPS_START,
            defaults={"role": row["role"], "agency": agencies[row["agency"]]},
        )
    for username, person_name in LINKED_LOGINS.items():
        person = people[person_name]
        if person.user_id is None:
            person.user = User.objects.get(username=username)
            person.save(update_fields=["user"])

    meetings_made = 0
    for body_name, dates in MEETINGS.items():
        body = bodies[body_name]
        members = list(Membership.objects.filter(body=body).select_related("person", "agency"))
        for day, theme in dates:
            meetings_made += _hold_meeting(body, members, day, theme)[1]
    stdout.write(
        f"Partnership: {len(agencies)} agencies, {len(bodies)} bodies, {len(people)} people, "
        f"{meetings_made} meetings added."
    )


def _hold_meeting(body, members, day, theme):
    """The body's meeting on `day` (ISO), held, with its register; made once. Returns (meeting, created)."""
    starts_at = datetime.combine(date.fromisoformat(day), time(10, 0), tzinfo=timezone.get_current_timezone())
    meeting, created = Meeting.objects.get_or_create(
        body=body,
        starts_at=starts_at,
        defaults={
            "theme": theme,
            "status": MeetingStatus.HELD,
            "location": "Kensington Town Hall" if starts_at.month % 2 else "Westminster City Hall",
            "online": starts_at.month % 3 == 0,
        },
    )
    for membership in members:
        if membership.is_current_on(meeting.date):
            Attendance.objects.get_or_create(
                meeting=meeting, membership=membership, defaults=_attendance_defaults(meeting, membership)
            )
    return meeting, created


# The meeting that agreed the 2022/23 annual report: the Executive's. It belongs to the report's publication, not to
# the year's meetings: `load_demo` leaves it out (the demo it loads has its 2022/23 report in draft), and
# `publish_demo_report` holds it through `report_approval_meeting`. The demo publishes the report on the day that
# command runs (each e-mail the product sends the report with is dated that day, and the duties fall due seven days
# after publication), so the meeting is two to three weeks before that day, on a Wednesday like the others.
REPORT_APPROVAL_BODY = "LSCP Executive"
REPORT_APPROVAL_THEME = "Annual report 2022/23"


def report_approval_meeting(*, today):
    """The demo's meeting that agreed the 2022/23 annual report, held with its register; made once."""
    body = Body.objects.get(name=REPORT_APPROVAL_BODY)
    meeting = Meeting.objects.filter(body=body, theme=REPORT_APPROVAL_THEME).first()
    if meeting is not None:
        return meeting
    day = today - timedelta(days=14 + (today.weekday() - 2) % 7)
    members = list(Membership.objects.filter(body=body).select_related("person", "agency"))
    return _hold_meeting(body, members, day.isoformat(), REPORT_APPROVAL_THEME)[0]


# Fictional deputies, chosen by a fixed hash so that loading again changes nothing.
DEPUTIES = ["Alex Morgan", "Sam Patel", "Jordan Reid", "Chris Adeyemi", "Robin Clarke", "Jess Kowalski", "Leigh Evans"]


def _attendance_defaults(meeting, membership):
    status = _choose_status(meeting, membership, membership.agency.name)
    defaults = {"status": status}
    if status == AttendanceStatus.DEPUTY:
        pick = int(hashlib.sha256(f"{meeting.pk}|{membership.pk}".encode()).hexdigest()[:6], 16)
        defaults["deputy_name"] = DEPUTIES[pick % len(DEPUTIES)]
        defaults["deputy_agency"] = membership.agency
    return defaults
