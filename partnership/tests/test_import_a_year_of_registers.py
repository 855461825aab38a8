"""A year of registers imports from one spreadsheet through the admin (Attendance → Import): a row per
member per meeting, found by body and day (the meeting is created, held, when the body has none that day),
the member by work e-mail or role. All or nothing: one bad row imports nothing, and the page names the row
(the heading row is row 1) and the reason."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership.models import Attendance, BodyKind, Meeting, MeetingStatus
from partnership.tests.factories import (
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    aware,
)

HEADINGS = ["Meeting date", "Body", "Member (work e-mail)", "Role", "Attendance", "Deputy's name"]
DAYS = [date(2022, 5, 18), date(2022, 7, 13), date(2022, 10, 12), date(2023, 1, 18), date(2023, 3, 22)]
WORDS = ["attended", "sent apologies", "represented by", "absent", "y", "x", "not expected"]
IMPORT_URL = reverse("admin:partnership_attendance_import")


def csv_upload(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile("registers.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")


def upload(client, rows):
    return client.post(IMPORT_URL, {"import_file": csv_upload(rows), "format": "0", "resource": "0"})


def problems(response):
    result = response.context.get("result")
    found = []
    for problem in result.problems() if result else []:
        where = ", ".join(part for part in (f"Row {problem.row}" if problem.row else "", problem.column) if part)
        found.append(f"{where}: {problem.message}" if where else problem.message)
    return found


def import_rows(client, rows):
    preview = upload(client, rows)
    assert preview.status_code == 200
    assert preview.context.get("confirm_form") is not None, problems(preview)
    form = preview.context["confirm_form"]
    return client.post(reverse("admin:partnership_attendance_process_import"), form.initial, follow=True)


@pytest.fixture
def board():
    """The Partnership with 35 members all year, each with their own job title; the first meeting is already
    in the system (held, no register yet)."""
    body = BodyFactory(name="LSCP Partnership", kind=BodyKind.PARTNERSHIP)
    members = [
        MembershipFactory(
            body=body,
            person=PersonFactory(email=f"member{i}@agency.example.org", job_title=f"Head of service {i}"),
            start=date(2020, 4, 1),
        )
        for i in range(35)
    ]
    MeetingFactory(body=body, starts_at=aware(DAYS[0], hour=14))
    return body, members


def year_of_registers(members):
    """5 meetings × 35 members; every third member is named by role instead of e-mail."""
    rows = [HEADINGS]
    for d, day in enumerate(DAYS):
        for i, membership in enumerate(members):
            word = WORDS[(i + d) % len(WORDS)]
            by_role = i % 3 == 0
            rows.append(
                [
                    day.strftime("%d/%m/%Y"),
                    "LSCP Partnership",
                    "" if by_role else membership.person.email,
                    membership.person.job_title if by_role else "",
                    word,
                    "Jo Deputy" if word == "represented by" else "",
                ]
            )
    return rows


@pytest.mark.django_db
def test_a_year_of_registers_imports_and_creates_the_missing_meetings(client, manager, board):
    body, members = board
    client.force_login(manager)
    response = import_rows(client, year_of_registers(members))

    assert "Import finished: 175 new" in " ".join(str(m) for m in response.context["messages"])
    meetings = list(Meeting.objects.filter(body=body).order_by("starts_at"))
    assert [m.date for m in meetings] == DAYS
    assert {m.status for m in meetings} == {MeetingStatus.HELD}
    assert meetings[0].starts_at == aware(DAYS[0], hour=14)  # the meeting already there was used
    assert Attendance.objects.count() == 175
    first = Attendance.objects.get(meeting=meetings[0], membership=members[2])
    assert (first.status, first.deputy_name) == ("deputy", "Jo Deputy")
    assert Attendance.objects.get(meeting=meetings[0], membership=members[0]).status == "present"
    assert Attendance.objects.get(meeting=meetings[0], membership=members[5]).status == "absent"  # "x"


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing(client, manager, board):
    _, members = board
    client.force_login(manager)
    import_rows(client, year_of_registers(members))
    response = import_rows(client, year_of_registers(members))
    assert "0 new, 0 updated, 0 deleted and 175 skipped" in " ".join(str(m) for m in response.context["messages"])
    assert Attendance.objects.count() == 175


def bad_row(rows, number, **cells):
    """The file with row `number` (as the spreadsheet numbers it) changed."""
    rows = [list(row) for row in rows]
    for heading, value in cells.items():
        rows[number - 1][HEADINGS.index(heading)] = value
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, expected",
    [
        (
            {"Member (work e-mail)": "nobody@agency.example.org"},
            "Row 50, Member (work e-mail): There is no person with the work e-mail “nobody@agency.example.org”",
        ),
        (
            {"Member (work e-mail)": "outsider@agency.example.org"},
            "Row 50, Member (work e-mail): Olive Outsider was not a member of LSCP Partnership on 13 July 2022.",
        ),
        (
            {"Attendance": "late"},
            "Row 50, Attendance: “late” is not a way of attending: use one of “Attended”, “Represented by a "
            "deputy”, “Sent apologies”, “Absent” or “Not expected”.",
        ),
        (
            {"Attendance": "represented by", "Deputy's name": ""},
            "Row 50, Deputy's name: Give the name of the deputy who attended for Person",
        ),
        (
            {"Member (work e-mail)": "", "Role": "Head of nothing"},
            "Row 50, Role: Nobody on LSCP Partnership on 13 July 2022 has the role or job title “Head of nothing”",
        ),
        (
            {"Meeting date": "31/02/2023"},
            "Row 50, Meeting date: “31/02/2023” is not a date",
        ),
    ],
    ids=[
        "unknown member",
        "not on the body that day",
        "unknown word",
        "deputy without name",
        "unknown role",
        "bad date",
    ],
)
def test_one_bad_row_imports_nothing_and_names_the_row(client, manager, board, change, expected):
    body, members = board
    MembershipFactory(person=PersonFactory(name="Olive Outsider", email="outsider@agency.example.org"))
    client.force_login(manager)
    rows = year_of_registers(members)
    # Row 50 is member 13 at the second meeting, named by e-mail, attended.
    assert rows[49][2] == members[13].person.email and rows[49][4] == "attended"
    response = upload(client, bad_row(rows, 50, **change))

    assert response.context.get("confirm_form") is None
    found = problems(response)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert Attendance.objects.count() == 0
    assert Meeting.objects.filter(body=body).count() == 1


@pytest.mark.django_db
def test_a_held_meetings_register_must_cover_every_member(client, manager, board):
    body, members = board
    client.force_login(manager)
    rows = [row for row in year_of_registers(members) if row[2] != members[1].person.email or row[0] != "13/07/2022"]
    response = upload(client, rows)
    found = problems(response)
    assert found == [
        f"The register of LSCP Partnership on 13 July 2022 has no row for {members[1].person} "
        f"({members[1].person.email}). A held meeting's register covers every member of the body on that day: "
        "add a row for each (“not expected” if they were not expected)."
    ]
    assert Attendance.objects.count() == 0


@pytest.mark.django_db
def test_the_same_member_twice_at_one_meeting_is_refused(client, manager, board):
    _, members = board
    client.force_login(manager)
    rows = year_of_registers(members)
    rows.append(list(rows[2]))
    found = problems(upload(client, rows))
    assert found[0].startswith(f"Row 177, Member (work e-mail): {members[1].person}'s attendance at the meeting")
    assert found[0].endswith("is also on row 3.")


@pytest.mark.django_db
def test_an_existing_register_line_is_updated_not_duplicated(client, manager, board):
    body, members = board
    meeting = Meeting.objects.get(body=body)
    AttendanceFactory(meeting=meeting, membership=members[1], status="absent")
    client.force_login(manager)
    import_rows(client, year_of_registers(members))
    assert Attendance.objects.get(meeting=meeting, membership=members[1]).status == "apologies"
    assert Attendance.objects.count() == 175


@pytest.mark.django_db
def test_the_export_reads_back_as_the_same_columns(client, manager, board):
    body, members = board
    client.force_login(manager)
    import_rows(client, year_of_registers(members))
    export_url = reverse("admin:partnership_attendance_export")
    form = client.get(export_url).context["form"]
    data = {"format": "0", "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)})
    rows = list(csv.reader(io.StringIO(client.post(export_url, data).content.decode("utf-8-sig"))))
    assert rows[0] == ["ID", *HEADINGS[:4], "Attendance", "Deputy's name", "Deputy's agency"]
    assert ["2022-05-18", "LSCP Partnership", members[2].person.email] == rows[1][1:4] or len(rows) == 176


def board_of(name, size):
    """A body of `size` members all year, each with their own work e-mail and job title."""
    body = BodyFactory(name=name, kind=BodyKind.SUBGROUP)
    members = [
        MembershipFactory(
            body=body,
            person=PersonFactory(email=f"{name[:4].lower()}{i}@agency.example.org", job_title=f"Lead {i}"),
            start=date(2020, 4, 1),
        )
        for i in range(size)
    ]
    return body, members


def registers_of(body, members):
    rows = year_of_registers(members)
    return [rows[0], *([row[0], body.name, *row[2:]] for row in rows[1:])]


@pytest.mark.django_db
def test_a_register_line_costs_only_its_writes_whatever_the_length_of_the_file(client, manager):
    """The bodies, people, members, meetings and lines a file names are read once per import: a longer file adds
    only each line's own writes (its savepoint, the line and its history), in the preview and again on confirming."""
    client.force_login(manager)
    counts = {}
    for name, size in (("Small", 6), ("Large", 30)):
        body, members = board_of(name, size)
        with CaptureQueriesContext(connection) as queries:
            import_rows(client, registers_of(body, members))
        assert Attendance.objects.filter(meeting__body=body).count() == 5 * size
        counts[size] = len(queries)
    rows_more = 5 * (30 - 6)
    people_more = sum(1 for i in range(6, 30) if i % 3)  # members named by e-mail (every third by role)
    writes = 4 * rows_more * 2  # savepoint, release, the line, its history: in the preview and on confirming
    assert counts[30] - counts[6] <= writes + 2 * people_more, counts
