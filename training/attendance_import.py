"""The import of past attendance: a register kept on paper or another booking site, one row per delegate per
session, from a CSV file or an Excel workbook (columns in docs/imports.md, "Training attendance").

It is all or nothing, as every import here: every row is checked, and if any fails nothing is written and the
problems come back numbered as the spreadsheet numbers its rows (the heading row is row 1). It reads the files and
the headings as the shared framework does (`lscp.spreadsheets`: the same readers, cell widgets and messages), but it
does not go through django-import-export's row-by-row import: that runs `full_clean()` and a save (and a history
row) per record, several queries each, and a year's attendance is tens of thousands of rows. Here the sessions,
agencies, delegates and bookings the file names are loaded into dicts once, each row is checked in Python against
them, and the records are written with `bulk_create` / `bulk_update` in batches, history rows included
(`simple_history.utils`), in one transaction: 100,000 rows in well under 30 seconds on PostgreSQL
(`benchmarks/booking.py`). PostgreSQL's own constraints (one live booking per delegate and session, one delegate
per e-mail) still stand behind the checks.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from lscp.spreadsheets import (
    EXPECTED_COLUMNS,
    MISSING_COLUMNS,
    NO_HEADINGS,
    NO_ROWS,
    REQUIRED,
    UNKNOWN_COLUMNS,
    Choice,
    CSVFile,
    Day,
    ExcelFile,
    Problem,
    SpreadsheetError,
    cell_text,
    unreadable_file_message,
)
from partnership.models import Agency, Sector

from .models import LIVE_STATUSES, Booking, BookingStatus, CourseSession, Delegate, SessionStatus

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
FORMATS = {"csv": CSVFile, "xlsx": ExcelFile}
BATCH = 5000

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
    try:
        dataset = FORMATS[file_format]().create_dataset(content)
    except SpreadsheetError:
        raise
    except Exception as error:  # a file that is not of its format: the shared message says what to do
        raise SpreadsheetError(unreadable_file_message(error, file_format.upper())) from error
    headings = list(dataset.headers or [])
    if not any(cell_text(heading) for heading in headings):
        raise SpreadsheetError(NO_HEADINGS)
    known = {_key(column): column for column in COLUMNS}
    names, unknown = [], []
    for heading in headings:
        name = known.get(_key(heading))
        if name is None and cell_text(heading):
            unknown.append(f"“{cell_text(heading)}”")
        names.append(name)
    problems = []
    if unknown:
        problems.append(UNKNOWN_COLUMNS % {"what": "training attendance", "columns": ", ".join(unknown)})
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        problems.append(MISSING_COLUMNS % {"columns": ", ".join(missing)})
    if problems:
        raise SpreadsheetError(" ".join([*problems, EXPECTED_COLUMNS % {"columns": ", ".join(COLUMNS)}]))
    rows = [list(row) for row in dataset]
    while rows and not any(cell_text(value) for value in rows[-1]):
        rows.pop()
    if not rows:
        raise SpreadsheetError(NO_ROWS)
    return names, rows


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


def _import(names, rows, *, by, now):
    index = {name: position for position, name in enumerate(names) if name}

    def cell_getter(position):
        return (lambda row: row[position]) if position is not None else (lambda row: None)

    get = {column: cell_getter(index.get(column)) for column in COLUMNS}
    problems = []

    # What the file names, loaded once.
    titles = {cell_text(get[COURSE](row)).lower() for row in rows}
    sessions = {}
    course_titles = {}
    for pk, title, starts_at, status in (
        CourseSession.objects.annotate(lower_title=Lower("course__title"))
        .filter(lower_title__in=[title for title in titles if title])
        .values_list("pk", "course__title", "starts_at", "status")
    ):
        local = timezone.localtime(starts_at)
        course_titles[title.lower()] = title
        sessions[(title.lower(), local.date(), local.time().replace(second=0, microsecond=0))] = (pk, starts_at, status)
    known_titles = set(course_titles) | _course_titles(titles - set(course_titles))
    agencies = {name.lower(): (pk, sector) for pk, name, sector in Agency.objects.values_list("pk", "name", "sector")}
    emails = {cell_text(get[EMAIL](row)).lower() for row in rows}
    delegates = {}
    for start in range(0, len(emails), BATCH * 4):
        chunk = list(emails)[start : start + BATCH * 4]
        for pk, email in (
            Delegate.objects.annotate(lower_email=Lower("email"))
            .filter(lower_email__in=chunk)
            .values_list("pk", "lower_email")
        ):
            delegates[email] = pk

    checked = []  # (row number, session pk, email, delegate details, status)
    first_row = {}
    for number, row in enumerate(rows, start=2):
        if not any(cell_text(value) for value in row):
            continue  # an empty line: skipped, and the rows after it keep their numbers
        found = []

        def problem(column, message, found=found, number=number):
            found.append(Problem(number, column, message))

        cells = {column: cell_text(get[column](row)) for column in COLUMNS}
        for column in REQUIRED_COLUMNS:
            if not cells[column]:
                problem(column, REQUIRED)
        session = None
        try:
            day = _day.clean(get[SESSION_DATE](row))
        except ValueError as error:
            day = None
            problem(SESSION_DATE, str(error))
        try:
            start = _time(get[SESSION_START](row)) if cells[SESSION_START] else None
        except ValueError as error:
            start = None
            problem(SESSION_START, str(error))
        title = cells[COURSE].lower()
        if title and title not in known_titles:
            problem(COURSE, NO_SUCH_COURSE % {"value": cells[COURSE]})
        elif title and day and start:
            session = sessions.get((title, day, start))
            when = {"date": f"{day:%d/%m/%Y}", "time": f"{start:%H:%M}"}
            if session is None:
                problem(SESSION_DATE, NO_SUCH_SESSION % {"course": course_titles.get(title, cells[COURSE]), **when})
            elif session[2] == SessionStatus.CANCELLED:
                problem(SESSION_DATE, SESSION_IS_CANCELLED % when)
            elif session[1] > now:
                problem(SESSION_DATE, SESSION_NOT_YET % when)
        email = cells[EMAIL]
        if email:
            try:
                _email(email)
            except ValidationError:
                problem(EMAIL, NOT_AN_EMAIL % {"value": email})
        agency = None
        if cells[AGENCY]:
            agency = agencies.get(cells[AGENCY].lower())
            if agency is None:
                problem(AGENCY, NO_SUCH_AGENCY % {"value": cells[AGENCY]})
        elif not cells[ORGANISATION]:
            problem(ORGANISATION, NEEDS_ORGANISATION)
        sector = None
        try:
            sector = _sector.clean(get[SECTOR](row)) or (agency[1] if agency else None)
        except ValueError as error:
            problem(SECTOR, str(error))
        else:
            if not sector and not cells[AGENCY]:
                problem(SECTOR, NEEDS_SECTOR)
        status = ATTENDANCE_WORDS.get(_key(cells[ATTENDANCE]))
        if cells[ATTENDANCE] and status is None:
            problem(ATTENDANCE, NOT_ATTENDANCE % {"value": cells[ATTENDANCE]})
        if session is not None and email:
            first = first_row.setdefault((session[0], email.lower()), number)
            if first != number:
                problem(EMAIL, TWICE % {"email": email, "row": first})
        if found:
            problems.extend(found)
            continue
        details = {
            "name": cells[NAME][:200],
            "email": email,
            "agency_id": agency[0] if agency else None,
            "organisation": "" if agency else cells[ORGANISATION][:200],
            "sector": sector or "",
            "job_role": cells[JOB_ROLE][:200],
        }
        checked.append((session[0], email.lower(), details, status))

    if problems:
        return AttendanceImport(problems=problems)
    try:
        return _write(checked, delegates, by=by, now=now)
    except IntegrityError as error:
        return AttendanceImport(problems=[Problem(None, "", NOT_IMPORTED % {"error": str(error).splitlines()[0]})])


def _course_titles(titles):
    from .models import Course

    if not titles:
        return set()
    return set(
        Course.objects.annotate(lower_title=Lower("title"))
        .filter(lower_title__in=titles)
        .values_list("lower_title", flat=True)
    )


def _write(checked, delegates, *, by, now):
    result = AttendanceImport()
    new_delegates = {}
    for _session, email, details, _status in checked:
        if email not in delegates and email not in new_delegates:
            new_delegates[email] = Delegate(**details)
    with transaction.atomic():
        made = bulk_create_with_history(list(new_delegates.values()), Delegate, batch_size=BATCH, default_user=by)
        for delegate in made:
            delegates[delegate.email.lower()] = delegate.pk
        result.delegates_added = len(made)

        session_ids = {session for session, *_ in checked}
        existing = {}
        for session_ids_chunk in _chunks(sorted(session_ids), BATCH):
            for booking in Booking.objects.filter(session_id__in=session_ids_chunk, status__in=LIVE_STATUSES).only(
                "pk", "session_id", "delegate_id", "status", "status_changed_at"
            ):
                existing[(booking.session_id, booking.delegate_id)] = booking
        new, changed = [], []
        for session, email, _details, status in checked:
            delegate = delegates[email]
            booking = existing.get((session, delegate))
            if booking is None:
                new.append(
                    Booking(
                        session_id=session, delegate_id=delegate, status=status, created_at=now, status_changed_at=now
                    )
                )
            elif booking.status != status:
                booking.set_status(status, at=now)
                changed.append(booking)
        bulk_create_with_history(new, Booking, batch_size=BATCH, default_user=by)
        if changed:
            bulk_update_with_history(
                changed, Booking, ["status", "status_changed_at"], batch_size=BATCH, default_user=by
            )
        result.bookings_added, result.bookings_updated = len(new), len(changed)
        result.sessions_held = CourseSession.objects.filter(
            pk__in=session_ids, status=SessionStatus.SCHEDULED, register_taken_at__isnull=True
        ).update(status=SessionStatus.HELD, register_taken_at=now, register_taken_by=by)
    return result


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
