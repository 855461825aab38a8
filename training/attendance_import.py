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

import io
import re
from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import IntegrityError, connection, transaction
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


def _text(value):
    """`cell_text`, with a fast path for the plain strings of a CSV file (most of a large import's cells)."""
    if type(value) is str and not value.startswith("'"):
        return value.strip()
    return cell_text(value)


def _memo(parse):
    """`parse` remembered per cell value: a year's file repeats its dates, start times, sectors and addresses
    thousands of times. Returns (value, None) or (None, message)."""
    seen = {}

    def parsed(value):
        key = (type(value), value)
        if key not in seen:
            try:
                seen[key] = (parse(value), None)
            except (ValueError, ValidationError) as error:
                seen[key] = (None, error.messages[0] if isinstance(error, ValidationError) else str(error))
        return seen[key]

    return parsed


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
    texts = [[_text(row[i]) if i < width else "" for i in order] for row in rows]
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
    for chunk in _chunks(emails, BATCH * 4):
        for pk, email in (
            Delegate.objects.annotate(lower_email=Lower("email"))
            .filter(lower_email__in=chunk)
            .values_list("pk", "lower_email")
        ):
            delegates[email] = pk

    read_day, read_time, read_sector = _memo(_day.clean), _memo(_time), _memo(_sector.clean)
    check_email, read_attendance = _memo(_valid_email), _memo(_attendance)
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
            new_delegates[email] = details
    with transaction.atomic():
        ids = _insert_with_history(Delegate, list(new_delegates.values()), by=by, now=now)
        for email, pk in zip(new_delegates, ids, strict=True):
            delegates[email] = pk
        result.delegates_added = len(ids)

        session_ids = sorted({session for session, *_ in checked})
        existing = {}
        for chunk in _chunks(session_ids, BATCH):
            for booking in Booking.objects.filter(session_id__in=chunk, status__in=LIVE_STATUSES).only(
                "pk", "session_id", "delegate_id", "status", "status_changed_at"
            ):
                existing[(booking.session_id, booking.delegate_id)] = booking
        new, changed = [], []
        for session, email, _details, status in checked:
            delegate = delegates[email]
            booking = existing.get((session, delegate))
            if booking is None:
                new.append(
                    {"session_id": session, "delegate_id": delegate, "status": status, "created_at": now}
                    | {"status_changed_at": now}
                )
            elif booking.status != status:
                booking.set_status(status, at=now)
                changed.append(booking)
        _insert_with_history(Booking, new, by=by, now=now)
        if changed:
            bulk_update_with_history(
                changed, Booking, ["status", "status_changed_at"], batch_size=BATCH, default_user=by
            )
        result.bookings_added, result.bookings_updated = len(new), len(changed)
        result.sessions_held = CourseSession.objects.filter(
            pk__in=session_ids, status=SessionStatus.SCHEDULED, register_taken_at__isnull=True
        ).update(status=SessionStatus.HELD, register_taken_at=now, register_taken_by=by)
    return result


def _insert_with_history(model, rows, *, by, now):
    """Inserts the records (dicts of column values; the other columns get their field's default) and a "created"
    history row for each, as `simple_history` would, and returns their ids in order. On PostgreSQL with COPY: the
    ids are drawn from the table's sequence first, so that the history rows can name them, and both tables are
    loaded in one COPY each. Django's `bulk_create` spends most of a large import turning each value into SQL
    parameters; COPY streams them as text."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = bulk_create_with_history([model(**row) for row in rows], model, batch_size=BATCH, default_user=by)
        return [record.pk for record in made]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.column: (None if f.null else f.get_default()) for f in fields}
    columns = [f.column for f in fields]
    table = model._meta.db_table
    history_table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(rows)]
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        lines = []
        history = []
        tail = "\t".join([_copy_value(now), "\\N", "+", _copy_value(by.pk if by is not None else None)])
        for pk, row in zip(ids, rows, strict=True):
            values = "\t".join(_copy_value(row.get(column, defaults[column])) for column in columns)
            lines.append(f"{pk}\t{values}\n")
            history.append(f"{pk}\t{values}\t{tail}\n")
        raw = cursor.cursor
        with connection.wrap_database_errors:
            _copy(raw, table, ["id", *columns], lines)
            _copy(raw, history_table, ["id", *columns, *HISTORY_COLUMNS], history)
    return ids


HISTORY_COLUMNS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def _copy(raw_cursor, table, columns, lines):
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    raw_cursor.copy_expert(
        f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN", io.StringIO("".join(lines))
    )


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value):
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value).translate(_COPY_ESCAPES)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
