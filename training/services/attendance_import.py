"""The import of past attendance: a register kept on paper or another booking site, one row per delegate per
session, from a CSV file or an Excel workbook (columns in docs/imports.md, "Training attendance").

It is all or nothing, as every import here: every row is checked, and if any fails nothing is written and the
problems come back numbered as the spreadsheet numbers its rows (the heading row is row 1). It reads the headings,
cells and workbooks as the shared framework does (`lscp.spreadsheets`: the same widgets, reader and messages), but
it does not go through django-import-export's row-by-row import: that runs `full_clean()` and a save (and a
history row) per record, several queries each, and a year's attendance is tens of thousands of rows. Here the
sessions, agencies, delegates and bookings the file names are loaded into dicts once, each row is checked in
Python against them, and the records are written in bulk, history rows included, in one transaction: the new
delegates with COPY, the new bookings with one INSERT … SELECT from column arrays, changed bookings with
`bulk_update_with_history`: 100,000 rows in under 30 seconds on PostgreSQL (`benchmarks/booking.py`).
PostgreSQL's own constraints (one live booking per delegate and session, one delegate per e-mail) still stand
behind the checks.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from lscp.spreadsheets import (
    FILE_FORMATS,
    REQUIRED,
    Choice,
    Day,
    Problem,
    SpreadsheetError,
    cell_text,
    fast_text,
    match_columns,
    read_spreadsheet,
    remembered,
)
from lscp.spreadsheets.bulk import BATCH, chunks, insert_many_with_history, insert_with_history
from partnership.models import Agency, Sector

from ..models import LIVE_STATUSES, Booking, BookingStatus, CourseSession, Delegate, SessionStatus

COURSE = "Course"
SESSION_DATE = "Session date"
SESSION_START = "Session start"
NAME = "Delegate name"
EMAIL = "Work e-mail"
AGENCY = "Agency"
ORGANISATION = "Organisation"
SECTOR = "Sector"
JOB_ROLE = "Job role"
ATTENDANCE = "Attendance"
COLUMNS = [COURSE, SESSION_DATE, SESSION_START, NAME, EMAIL, AGENCY, ORGANISATION, SECTOR, JOB_ROLE, ATTENDANCE]
REQUIRED_COLUMNS = [COURSE, SESSION_DATE, SESSION_START, NAME, EMAIL, ATTENDANCE]
# The import template's example row (lscp.spreadsheets.template), as docs/imports.md has it.
EXAMPLE = {
    COURSE: "Neglect: recognising and responding",
    SESSION_DATE: "12/10/2022",
    SESSION_START: "09:30",
    NAME: "Dana Officer",
    EMAIL: "dana.officer@met.police.uk",
    AGENCY: "Metropolitan Police",
    JOB_ROLE: "Designated safeguarding lead",
    ATTENDANCE: "Attended",
}

NO_SUCH_COURSE = "There is no course called “%(value)s” in the catalogue: write its title as in the admin."
NOT_A_TIME = "“%(value)s” is not a time of day: write it as 09:30 or 14:00."
NO_SUCH_SESSION = (
    "“%(course)s” has no session on %(date)s at %(time)s: add the session in the admin first, or check the date "
    "and start time."
)
SESSION_IS_CANCELLED = "The session of %(date)s at %(time)s was cancelled: it has no attendance."
SESSION_NOT_YET = "The session of %(date)s at %(time)s has not taken place yet."
NOT_AN_EMAIL = "“%(value)s” is not an e-mail address."
NO_SUCH_AGENCY = (
    "There is no agency called “%(value)s”: write its name as in the admin, or use the Organisation column."
)
NEEDS_ORGANISATION = "Give the delegate's agency, or the name of their organisation (for example their school)."
NEEDS_SECTOR = "Give the sector the delegate works in (it is taken from the agency when there is one)."
NOT_ATTENDANCE = "“%(value)s” is neither attended nor no-show."
TWICE = "%(email)s is also on row %(row)s for the same session: a delegate appears once per session."
NOT_IMPORTED = "Nothing was imported: the records changed while the file was checked (%(error)s). Try again."

ATTENDANCE_WORDS = {
    "attended": BookingStatus.ATTENDED,
    "present": BookingStatus.ATTENDED,
    "yes": BookingStatus.ATTENDED,
    "y": BookingStatus.ATTENDED,
    "noshow": BookingStatus.NO_SHOW,
    "didnotattend": BookingStatus.NO_SHOW,
    "dna": BookingStatus.NO_SHOW,
    "absent": BookingStatus.NO_SHOW,
    "no": BookingStatus.NO_SHOW,
    "n": BookingStatus.NO_SHOW,
}
FORMATS = FILE_FORMATS

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::\d{2})?")
_email = EmailValidator()
_day = Day()
_sector = Choice(Sector.choices, "sector")


@dataclass
class AttendanceImport:
    """What an import did, or why it did nothing (`problems`, in row order)."""

    problems: list = field(default_factory=list)
    bookings_added: int = 0
    bookings_updated: int = 0
    delegates_added: int = 0
    sessions_held: int = 0

    @property
    def ok(self):
        return not self.problems


def _key(text):
    return re.sub(r"[^a-z0-9]", "", cell_text(text).lower())


def _time(value):
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = cell_text(value)
    match = _TIME.fullmatch(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(NOT_A_TIME % {"value": text})
    return time(int(match[1]), int(match[2]))


def read_rows(content, file_format):
    """(headings in this import's words, rows as lists), or a SpreadsheetError saying what is wrong with the file."""
    sheet = read_spreadsheet(content, file_format, formulas=False)
    return match_columns(sheet, columns=COLUMNS, required=REQUIRED_COLUMNS, what="training attendance")


def import_attendance(*, content, file_format, by=None, now=None):
    """Checks every row of the file and, if none fails, records the attendance: a booking per row (attended or
    no-show), a delegate for each new work e-mail, and the sessions held. Returns an `AttendanceImport`."""
    now = now or timezone.now()
    try:
        names, rows = read_rows(content, file_format)
    except SpreadsheetError as error:
        return AttendanceImport(problems=[Problem(None, "", str(error))])
    with transaction.atomic():
        result = _import(names, rows, by=by, now=now)
        if result.problems:
            transaction.set_rollback(True)
    return result


def _valid_email(text):
    _email(text)
    return text


def _attendance(text):
    status = ATTENDANCE_WORDS.get(_key(text))
    if status is None:
        raise ValueError(NOT_ATTENDANCE % {"value": text})
    return status


def _import(names, rows, *, by, now):
    position = {name: index for index, name in enumerate(names) if name}
    width = len(names)
    # Each row as its cells' text in COLUMNS order (a column left out of the file reads as empty).
    order = [position.get(column, width) for column in COLUMNS]
    problems = []

    # What the file names, loaded once.
    if rows and all(type(value) is str for value in rows[0]):
        # A CSV file: every cell is text already, so the cells read are the cells typed.
        texts = [
            [text if not text.startswith("'") else cell_text(text) for text in [row[i].strip() for i in order]]
            for row in [[*row, ""] for row in rows]
        ]
        raw = texts
    else:
        texts = [[fast_text(row[i]) if i < width else "" for i in order] for row in rows]
        raw = [[row[i] if i < width else None for i in order] for row in rows]
    c = {column: number for number, column in enumerate(COLUMNS)}
    titles = {cells[c[COURSE]].lower() for cells in texts} - {""}
    sessions = {}
    course_titles = {}
    for pk, title, starts_at, status in (
        CourseSession.objects.annotate(lower_title=Lower("course__title"))
        .filter(lower_title__in=list(titles))
        .values_list("pk", "course__title", "starts_at", "status")
    ):
        local = timezone.localtime(starts_at)
        course_titles[title.lower()] = title
        sessions[(title.lower(), local.date(), local.time().replace(second=0, microsecond=0))] = (pk, starts_at, status)
    known_titles = set(course_titles) | _course_titles(titles - set(course_titles))
    agencies = {name.lower(): (pk, sector) for pk, name, sector in Agency.objects.values_list("pk", "name", "sector")}
    emails = sorted({cells[c[EMAIL]].lower() for cells in texts} - {""})
    delegates = {}
    for chunk in chunks(emails, BATCH * 4):
        for pk, email in (
            Delegate.objects.annotate(lower_email=Lower("email"))
            .filter(lower_email__in=chunk)
            .values_list("pk", "lower_email")
        ):
            delegates[email] = pk

    read_day, read_time, read_sector = remembered(_day.clean), remembered(_time), remembered(_sector.clean)
    check_email, read_attendance = remembered(_valid_email), remembered(_attendance)
    required = [(column, c[column]) for column in REQUIRED_COLUMNS]
    checked = []  # (session pk, e-mail in lower case, delegate details, status)
    first_row = {}
    for number, (cells, values) in enumerate(zip(texts, raw, strict=True), start=2):
        if not any(cells):
            continue  # an empty line: skipped, and the rows after it keep their numbers
        found = [Problem(number, column, REQUIRED) for column, i in required if not cells[i]]
        session = None
        day, message = read_day(values[c[SESSION_DATE]])
        if message:
            found.append(Problem(number, SESSION_DATE, message))
        start = None
        if cells[c[SESSION_START]]:
            start, message = read_time(values[c[SESSION_START]])
            if message:
                found.append(Problem(number, SESSION_START, message))
        course = cells[c[COURSE]]
        title = course.lower()
        if title and title not in known_titles:
            found.append(Problem(number, COURSE, NO_SUCH_COURSE % {"value": course}))
        elif title and day and start:
            session = sessions.get((title, day, start))
            if session is None or session[2] == SessionStatus.CANCELLED or session[1] > now:
                when = {"date": f"{day:%d/%m/%Y}", "time": f"{start:%H:%M}"}
                if session is None:
                    message = NO_SUCH_SESSION % {"course": course_titles.get(title, course), **when}
                elif session[2] == SessionStatus.CANCELLED:
                    message = SESSION_IS_CANCELLED % when
                else:
                    message = SESSION_NOT_YET % when
                found.append(Problem(number, SESSION_DATE, message))
                session = None
        email = cells[c[EMAIL]]
        if email and check_email(email)[1]:
            found.append(Problem(number, EMAIL, NOT_AN_EMAIL % {"value": email}))
        agency = None
        agency_name, organisation = cells[c[AGENCY]], cells[c[ORGANISATION]]
        if agency_name:
            agency = agencies.get(agency_name.lower())
            if agency is None:
                found.append(Problem(number, AGENCY, NO_SUCH_AGENCY % {"value": agency_name}))
        elif not organisation:
            found.append(Problem(number, ORGANISATION, NEEDS_ORGANISATION))
        sector, message = read_sector(values[c[SECTOR]]) if cells[c[SECTOR]] else ("", None)
        if message:
            found.append(Problem(number, SECTOR, message))
        elif not sector:
            if agency is not None:
                sector = agency[1]
            elif not agency_name:
                found.append(Problem(number, SECTOR, NEEDS_SECTOR))
        status, message = read_attendance(cells[c[ATTENDANCE]]) if cells[c[ATTENDANCE]] else (None, None)
        if message:
            found.append(Problem(number, ATTENDANCE, message))
        if session is not None and email:
            first = first_row.setdefault((session[0], email.lower()), number)
            if first != number:
                found.append(Problem(number, EMAIL, TWICE % {"email": email, "row": first}))
        if found:
            problems.extend(found)
            continue
        details = {
            "name": cells[c[NAME]][:200],
            "line_manager_email": "",
            "email": email,
            "agency_id": agency[0] if agency else None,
            "organisation": "" if agency else organisation[:200],
            "sector": sector or "",
            "job_role": cells[c[JOB_ROLE]][:200],
        }
        checked.append((session[0], email.lower(), details, status))

    if problems:
        return AttendanceImport(problems=problems)
    try:
        return _write(checked, delegates, by=by, now=now)
    except IntegrityError as error:
        return AttendanceImport(problems=[Problem(None, "", NOT_IMPORTED % {"error": str(error).splitlines()[0]})])


def _course_titles(titles):
    from ..models import Course

    if not titles:
        return set()
    return set(
        Course.objects.annotate(lower_title=Lower("title"))
        .filter(lower_title__in=titles)
        .values_list("lower_title", flat=True)
    )


DELEGATE_COLUMNS = ["name", "email", "agency_id", "organisation", "sector", "job_role"]
BOOKING_COLUMNS = ["session_id", "delegate_id", "status"]


def _write(checked, delegates, *, by, now):
    result = AttendanceImport()
    new_delegates = {}
    for _session, email, details, _status in checked:
        if email not in delegates and email not in new_delegates:
            new_delegates[email] = tuple(details[column] for column in DELEGATE_COLUMNS)
    with transaction.atomic():
        ids = insert_with_history(
            Delegate, DELEGATE_COLUMNS, list(new_delegates.values()), constants={}, by=by, now=now
        )
        for email, pk in zip(new_delegates, ids, strict=True):
            delegates[email] = pk
        result.delegates_added = len(ids)

        session_ids = sorted({session for session, *_ in checked})
        existing = {}
        for chunk in chunks(session_ids, BATCH):
            for booking in Booking.objects.filter(session_id__in=chunk, status__in=LIVE_STATUSES).only(
                "pk", "session_id", "delegate_id", "status", "status_changed_at"
            ):
                existing[(booking.session_id, booking.delegate_id)] = booking
        new, changed = [], []
        for session, email, _details, status in checked:
            delegate = delegates[email]
            booking = existing.get((session, delegate))
            if booking is None:
                new.append((session, delegate, status))
            elif booking.status != status:
                booking.set_status(status, at=now)
                changed.append(booking)
        constants = {"created_at": now, "status_changed_at": now}
        insert_many_with_history(Booking, BOOKING_COLUMNS, new, constants=constants, by=by, now=now)
        if changed:
            bulk_update_with_history(
                changed, Booking, ["status", "status_changed_at"], batch_size=BATCH, default_user=by
            )
        result.bookings_added, result.bookings_updated = len(new), len(changed)
        result.sessions_held = CourseSession.objects.filter(
            pk__in=session_ids, status=SessionStatus.SCHEDULED, register_taken_at__isnull=True
        ).update(status=SessionStatus.HELD, register_taken_at=now, register_taken_by=by)
    return result
