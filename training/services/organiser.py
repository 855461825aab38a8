"""What the organisers (the business manager, the Learning and Development chairs) do to sessions and bookings, and
the team administrator's booking of several staff at once.

    take_register  ── every booked delegate marked attended or no-show in one go; the session is held
    move_booking   ── a delegate to another session of the same course, if it has a place; the place freed
                      goes to the first on the old session's waiting list
    cancel_session ── the session and every live booking cancelled by the organiser, everyone e-mailed
    save_session   ── a session added, or a coming one changed: places never fewer than those taken; more places
                      go to the waiting list; the delegates are told of a new date, time or place
    book_team      ── several staff on one session: every row checked first, nothing booked if one fails
    check_team_booking ── the same checks without booking, for a page whose own checks failed

Every write that counts or frees places holds the session's row lock (`_locked_session` in bookings.py), as the
public booking does; moving a delegate locks both sessions, in id order, so two moves in opposite directions cannot
deadlock. E-mails go once the change is committed (`transaction.on_commit`).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.template.defaultfilters import pluralize
from django.utils import timezone

from lscp.background import queue_after_commit

from .. import links, tasks
from ..models import (
    DELEGATE_NEEDS_ORGANISATION,
    LIVE_STATUSES,
    SESSION_NEEDS_CAPACITY,
    Booking,
    BookingStatus,
    CourseSession,
    Delegate,
    SessionStatus,
)
from . import bookings as booking_services
from . import delegates as delegate_services

REGISTER_NOT_STARTED = "The session has not started yet: take the register on the day."
REGISTER_CANCELLED = "The session was cancelled: it has no register."
REGISTER_UNMARKED = "Mark %(name)s as attended or no-show."
REGISTER_NOT_ON_SESSION = "A mark was given for a booking that is not on this session's register: reload the page."
REGISTER_BAD_MARK = "Mark %(name)s as attended or no-show."
REGISTER_MARKS = (BookingStatus.ATTENDED, BookingStatus.NO_SHOW)
# The bookings on a register: those who were expected, and those already marked (taking it again corrects it).
REGISTER_STATUSES = (BookingStatus.BOOKED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW)

MOVE_OTHER_COURSE = "A delegate can only be moved to another session of the same course."
MOVE_SAME_SESSION = "Choose a different session from the one the delegate is booked on."
MOVE_NOT_LIVE = "This booking is %(status)s, so it cannot be moved."
MOVE_TARGET_NOT_OPEN = "That session is %(state)s: choose a coming session."
MOVE_TARGET_FULL = "That session has no place left (%(limit)s places, all taken): choose another, or cancel a booking."
MOVE_ALREADY_BOOKED = "%(name)s already has a booking on that session."
MOVABLE_STATUSES = (BookingStatus.AWAITING_APPROVAL, BookingStatus.BOOKED, BookingStatus.WAITING_LIST)

SESSION_NEW_IN_THE_PAST = (
    "A new session starts in the future. To record a session that has taken place, import its attendance."
)
SESSION_NEW_ALREADY_CLOSED = (
    "Booking would close on %(date)s, %(days)s before the session, so nobody could book it: give fewer working "
    "days, or a later date."
)
SESSION_NOT_EDITABLE = "This session is %(state)s, so it can no longer be changed here."
SESSION_COURSE_FIXED = (
    "Delegates have booked this session, so its course cannot change: cancel it, and add a session of the other course."
)
SESSION_FEWER_THAN_TAKEN = (
    "%(taken)s places are taken, so the capacity and the overbooking allowance together cannot be fewer: move or "
    "cancel bookings first."
)
SESSION_CANCEL_BY_AFTER_START = "The day to cancel by must be on or before the day of the session."
# A change to any of these is e-mailed to every delegate booked or waiting.
WHEN_AND_WHERE = ("starts_at", "ends_at", "venue", "online", "joining_instructions")

CANCEL_NEEDS_REASON = "Say why the session is cancelled: the delegates are told."
CANCEL_NOT_SCHEDULED = "This session is %(state)s, so it cannot be cancelled."

TEAM_NO_STAFF = "Give at least one member of staff: their name and work e-mail."
TEAM_NEEDS_ADMINISTRATOR = "Give your own work e-mail address: we send you the summary there."
TEAM_ROW_NEEDS_NAME = "Row %(row)s: give the member of staff's full name."
TEAM_ROW_NEEDS_EMAIL = "Row %(row)s: give %(name)s's work e-mail address."
TEAM_ROW_BAD_EMAIL = "Row %(row)s: “%(value)s” is not an e-mail address."
TEAM_ROW_BAD_MANAGER_EMAIL = "Row %(row)s: the line manager's e-mail “%(value)s” is not an e-mail address."
TEAM_ROW_TWICE = "Row %(row)s: %(email)s is also on row %(first)s: book each person once."
TEAM_ROW_ALREADY_BOOKED = "Row %(row)s: %(name)s already has a booking on this session."
TEAM_ROW_NEEDS_MANAGER = "Row %(row)s: this course needs the line manager's approval: give %(name)s's manager's e-mail."
TEAM_ROW_MANAGER_IS_DELEGATE = "Row %(row)s: give %(name)s's line manager's e-mail, not their own."
TEAM_ROW_NOT_ELIGIBLE = (
    "Row %(row)s: this course is for %(sectors)s only, and our records of %(name)s's work e-mail address show another "
    "sector."
)


# The register.


@transaction.atomic
def take_register(*, session, marks, by, now=None):
    """Marks every delegate on the session's register attended or no-show, all at once: `marks` maps each booking's
    id to `BookingStatus.ATTENDED` or `BookingStatus.NO_SHOW`, and a booking left unmarked refuses the whole
    register (nothing is saved). Taking it again corrects it. Records when and by whom it was taken, and the
    session is held. Returns the bookings marked attended."""
    now = now or timezone.now()
    session = booking_services._locked_session(session)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(REGISTER_CANCELLED, code="cancelled")
    if session.starts_at > now:
        raise ValidationError(REGISTER_NOT_STARTED, code="not_started")
    bookings = list(
        Booking.objects.select_for_update()
        .filter(session=session, status__in=REGISTER_STATUSES)
        .select_related("delegate")
        .order_by("delegate__name", "id")
    )
    by_id = {booking.pk: booking for booking in bookings}
    marks = {int(pk): mark for pk, mark in marks.items()}
    errors = {}
    if set(marks) - set(by_id):
        errors["__all__"] = [REGISTER_NOT_ON_SESSION]
    for booking in bookings:
        mark = marks.get(booking.pk)
        if mark not in REGISTER_MARKS:
            errors[f"booking_{booking.pk}"] = [REGISTER_UNMARKED % {"name": booking.delegate.name}]
    if errors:
        raise ValidationError(errors)
    attended = []
    for booking in bookings:
        mark = marks[booking.pk]
        if booking.status != mark:
            booking.set_status(mark, at=now)
            booking.session = session
            booking.save(update_fields=["status", "status_changed_at"])
        if mark == BookingStatus.ATTENDED:
            attended.append(booking)
    session.register_taken_at = now
    session.register_taken_by = by
    session.status = SessionStatus.HELD
    session.save(update_fields=["register_taken_at", "register_taken_by", "status", "booking_closes_on"])
    if attended:
        # The after-session evaluation links, once the register is saved; each booking's sent marker stops a
        # second register (a correction) from sending them again.
        queue_after_commit(tasks.send_after_session_evaluations, session.pk)
    return attended


# Moving a delegate.


@transaction.atomic
def move_booking(*, booking, to_session, by=None, now=None):
    """Moves a booking (booked, awaiting approval or on the waiting list) to another coming session of the same
    course, if that session has a place; it keeps its status there, but a waiting-list booking is given the place.
    The place freed on the old session goes to the first on its waiting list. Both sessions' rows are locked, in
    id order. The delegate is e-mailed. Returns the booking and those moved up on the old session."""
    now = now or timezone.now()
    first, second = sorted([booking.session_id, to_session.pk])
    locked = {pk: booking_services._locked_session(CourseSession(pk=pk)) for pk in (first, second)}
    from_session, to_session = locked[booking.session_id], locked[to_session.pk]
    booking = Booking.objects.select_for_update().select_related("delegate").get(pk=booking.pk)
    if to_session.pk == from_session.pk:
        raise ValidationError({"to_session": MOVE_SAME_SESSION})
    if to_session.course_id != from_session.course_id:
        raise ValidationError({"to_session": MOVE_OTHER_COURSE})
    if booking.status not in MOVABLE_STATUSES:
        raise ValidationError(MOVE_NOT_LIVE % {"status": booking.get_status_display().lower()}, code="not_live")
    if to_session.status != SessionStatus.SCHEDULED or to_session.starts_at <= now:
        state = "cancelled" if to_session.status == SessionStatus.CANCELLED else "over or under way"
        raise ValidationError({"to_session": MOVE_TARGET_NOT_OPEN % {"state": state}})
    if Booking.objects.filter(session=to_session, delegate=booking.delegate, status__in=LIVE_STATUSES).exists():
        raise ValidationError({"to_session": MOVE_ALREADY_BOOKED % {"name": booking.delegate.name}})
    if booking_services.places_taken(to_session) >= to_session.places_limit:
        raise ValidationError({"to_session": MOVE_TARGET_FULL % {"limit": to_session.places_limit}})
    booking.session = to_session
    if booking.status == BookingStatus.WAITING_LIST:
        approval = to_session.course.needs_manager_approval
        booking.set_status(BookingStatus.AWAITING_APPROVAL if approval else BookingStatus.BOOKED, at=now)
        booking.approval_requested_at = now if approval else booking.approval_requested_at
    else:
        booking.status_changed_at = now
    booking.full_clean()
    booking.save()
    promoted = booking_services.fill_free_places(session=from_session, now=now)
    transaction.on_commit(lambda: _tell_moved(booking, from_session))
    return booking, promoted


# Adding and changing a session.


@transaction.atomic
def save_session(
    *,
    session=None,
    by,
    course,
    starts_at,
    ends_at,
    venue,
    online,
    joining_instructions,
    trainers,
    agencies,
    capacity,
    overbooking_allowance,
    booking_closes_working_days,
    cancellation_deadline,
    now=None,
):
    """Adds a session (`session` None) or changes a coming one. A new one starts in the future; a changed one is
    still scheduled, keeps its course once booked, and has at least as many places (capacity + overbooking
    allowance) as are taken; places added go to the waiting list at once. Every problem is raised at once, keyed by
    field. The delegates booked or waiting are e-mailed a change of date, time or place once it is saved; the change
    history records who made it. Returns the session."""
    now = now or timezone.now()
    errors = {}
    if session is None:
        session = CourseSession()
        taken = 0
        if starts_at and starts_at <= now:
            errors["starts_at"] = [SESSION_NEW_IN_THE_PAST]
        before = {}
    else:
        session = booking_services._locked_session(session)
        if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
            state = session.get_status_display().lower() if session.status != SessionStatus.SCHEDULED else "under way"
            raise ValidationError(SESSION_NOT_EDITABLE % {"state": state}, code="state")
        taken = booking_services.places_taken(session)
        has_bookings = session.bookings.filter(status__in=LIVE_STATUSES).exists()
        if has_bookings and course is not None and course.pk != session.course_id:
            errors["course"] = [SESSION_COURSE_FIXED]
        before = {field: getattr(session, field) for field in WHEN_AND_WHERE}
    if capacity is not None and capacity < 1:
        errors["capacity"] = [SESSION_NEEDS_CAPACITY]
    elif capacity is not None and overbooking_allowance is not None and capacity + overbooking_allowance < taken:
        errors["capacity"] = [SESSION_FEWER_THAN_TAKEN % {"taken": taken}]
    if cancellation_deadline and starts_at and cancellation_deadline > timezone.localdate(starts_at):
        errors["cancellation_deadline"] = [SESSION_CANCEL_BY_AFTER_START]

    session.course = course
    session.starts_at, session.ends_at = starts_at, ends_at
    session.online = bool(online)
    session.venue = "" if online else (venue or "").strip()
    session.joining_instructions = (joining_instructions or "").strip()
    session.trainers = (trainers or "").strip()
    session.capacity, session.overbooking_allowance = capacity, overbooking_allowance
    session.booking_closes_working_days = booking_closes_working_days
    session.cancellation_deadline = cancellation_deadline
    if not before and starts_at and starts_at > now and booking_closes_working_days is not None:
        # A new session is added to be booked: one whose booking had closed before it was added could never be.
        closes_on = session.compute_booking_closes_on()
        if closes_on < timezone.localdate(now):
            errors.setdefault("booking_closes_working_days", []).append(
                SESSION_NEW_ALREADY_CLOSED
                % {
                    "date": f"{closes_on:%A %-d %B %Y}",
                    "days": f"{booking_closes_working_days} working day{pluralize(booking_closes_working_days)}",
                }
            )
    try:
        session.full_clean(exclude=["booking_closes_on"])
    except ValidationError as error:
        given = {message for messages in errors.values() for message in messages}
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(message for message in messages if message not in given)
        errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)
    session._history_user = by
    session.save()
    session.agencies.set(agencies or [])
    if before:
        promoted = booking_services.fill_free_places(session=session, now=now)
        changed = [field for field in WHEN_AND_WHERE if getattr(session, field) != before[field]]
        if changed:
            told = list(
                Booking.objects.filter(session=session, status__in=MOVABLE_STATUSES)
                .exclude(pk__in=[booking.pk for booking in promoted])
                .select_related("delegate")
            )
            transaction.on_commit(lambda: [_tell_session_changed(booking, before) for booking in told])
    return session


# Cancelling a session.


@transaction.atomic
def cancel_session(*, session, reason, by=None, now=None):
    """Cancels a coming session: its status and reason, and every live booking (booked, awaiting approval, on the
    waiting list) cancelled by the organiser with the same reason. Everyone is e-mailed once it is committed.
    Returns the bookings cancelled."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": CANCEL_NEEDS_REASON})
    session = booking_services._locked_session(session)
    if session.status != SessionStatus.SCHEDULED:
        raise ValidationError(CANCEL_NOT_SCHEDULED % {"state": session.get_status_display().lower()}, code="state")
    session.status = SessionStatus.CANCELLED
    session.cancelled_reason = reason
    session.full_clean()
    session.save()
    bookings = list(
        Booking.objects.select_for_update()
        .filter(session=session, status__in=MOVABLE_STATUSES)
        .select_related("delegate")
        .order_by("created_at", "id")
    )
    for booking in bookings:
        booking.session = session
        booking.set_status(BookingStatus.CANCELLED_BY_ORGANISER, at=now)
        booking.cancelled_at = now
        booking.cancelled_reason = reason[:500]
        booking.save()
    transaction.on_commit(lambda: [_tell_session_cancelled(booking) for booking in bookings])
    return bookings


# A team administrator books several staff at once.


def _row_errors(*, rows, session):
    """Every problem with the staff rows, as ValidationErrors carrying `params["row"]` (1-based, as the form
    numbers its rows) and `code` (the row's field), so that a page can put each under its box."""
    course = session.course
    problems = []

    def problem(message, field, row, **params):
        problems.append(ValidationError(message, code=field, params={"row": row, **params}))

    first_row_of = {}
    for row, staff in rows:
        name = (staff.get("name") or "").strip()
        email = (staff.get("email") or "").strip()
        manager = (staff.get("line_manager_email") or "").strip()
        who = name or "this member of staff"
        if not name:
            problem(TEAM_ROW_NEEDS_NAME, "name", row)
        if not email:
            problem(TEAM_ROW_NEEDS_EMAIL, "email", row, name=who)
        else:
            try:
                validate_email(email)
            except ValidationError:
                problem(TEAM_ROW_BAD_EMAIL, "email", row, value=email)
            else:
                first = first_row_of.setdefault(email.lower(), row)
                if first != row:
                    problem(TEAM_ROW_TWICE, "email", row, email=email, first=first)
        if manager:
            try:
                validate_email(manager)
            except ValidationError:
                problem(TEAM_ROW_BAD_MANAGER_EMAIL, "line_manager_email", row, value=manager)
            else:
                if email and manager.lower() == email.lower():
                    problem(TEAM_ROW_MANAGER_IS_DELEGATE, "line_manager_email", row, name=who)
        elif course.needs_manager_approval:
            problem(TEAM_ROW_NEEDS_MANAGER, "line_manager_email", row, name=who)
    # Those whose record says they work in a sector the course is not for, found in one query: the sector typed
    # for the team does not get them in.
    codes = course.sector_codes()
    if codes:
        known = (
            Delegate.objects.annotate(lower_email=Lower("email"))
            .filter(lower_email__in=list(first_row_of))
            .select_related("agency")
        )
        names = {row: (staff.get("name") or "").strip() for row, staff in rows}
        sectors = booking_services._list(booking_services._sector_label(code) for code in codes)
        for delegate in known:
            if booking_services.known_sectors(delegate) - set(codes):
                row = first_row_of[delegate.lower_email]
                # The name typed, not the record's: whoever books learns nothing of the record.
                problem(TEAM_ROW_NOT_ELIGIBLE, "email", row, name=names[row] or "this member of staff", sectors=sectors)
    # Those already booked on the session, found in one query (the addresses compared in lower case).
    booked = set(
        Booking.objects.annotate(lower_email=Lower("delegate__email"))
        .filter(session=session, status__in=LIVE_STATUSES, lower_email__in=list(first_row_of))
        .values_list("lower_email", flat=True)
    )
    for row, staff in rows:
        email = (staff.get("email") or "").strip().lower()
        if email in booked and first_row_of.get(email) == row:
            problem(TEAM_ROW_ALREADY_BOOKED, "email", row, name=(staff.get("name") or "").strip() or email)
    return sorted(problems, key=lambda error: error.params["row"])


def _team_errors(*, session, administrator_email, agency, organisation, sector, staff):
    """Every problem with a team booking: the team's own details and each staff row, as {field: [messages]}
    (the rows' under NON_FIELD_ERRORS, each with `params["row"]`). Empty when all is well."""
    course = session.course
    errors = {}
    if not (administrator_email or "").strip():
        errors["administrator_email"] = [TEAM_NEEDS_ADMINISTRATOR]
    for field, message in booking_services.eligibility_errors(course, sector=sector, agency=agency).items():
        errors[field] = [message]
    if not agency and not (organisation or "").strip():
        errors["organisation"] = [DELEGATE_NEEDS_ORGANISATION]
    if not staff:
        errors[NON_FIELD_ERRORS] = [TEAM_NO_STAFF]
    rows = _row_errors(rows=staff, session=session)
    if rows:
        errors.setdefault(NON_FIELD_ERRORS, []).extend(rows)
    return errors


def check_team_booking(*, session, administrator_email, agency, organisation, sector, staff, now=None):
    """Raises the ValidationError `book_team` would, listing every problem with the team's details and the rows
    at once, without booking anyone; returns None when it would book. For a page whose own checks already
    failed (a mistyped address, no sector chosen), so that one submission reports everything. `book_team`
    checks again, under the session's lock."""
    now = now or timezone.now()
    booking_services._refuse_if_not_bookable(session, now=now)
    errors = _team_errors(
        session=session,
        administrator_email=administrator_email,
        agency=agency,
        organisation=organisation,
        sector=sector,
        staff=staff,
    )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def book_team(*, session, administrator_email, agency, organisation, sector, staff, now=None):
    """Books several members of staff on one session for a team administrator (no account). `staff` is a list of
    (row number, {"name", "email", "job_role", "line_manager_email"}). Every row is checked first, under the
    session's lock: who the course is for, the e-mail addresses, the line manager where the course needs approval,
    a person twice in the request or already booked. If any row fails, nothing is booked and the ValidationError
    lists every problem, row by row. Otherwise each is booked, or put on the waiting list once the places are
    taken, in the order given. Each delegate gets their confirmation; the administrator one summary. Returns the
    bookings."""
    now = now or timezone.now()
    session = booking_services._locked_session(session)
    booking_services._refuse_if_not_bookable(session, now=now)
    course = session.course
    administrator_email = (administrator_email or "").strip()
    errors = _team_errors(
        session=session,
        administrator_email=administrator_email,
        agency=agency,
        organisation=organisation,
        sector=sector,
        staff=staff,
    )
    if errors:
        raise ValidationError(errors)

    taken = booking_services.places_taken(session)
    bookings, checks = [], []
    for _row, person in staff:
        details = {
            "name": person["name"].strip(),
            "agency": agency,
            "organisation": "" if agency else organisation.strip(),
            "sector": sector,
            "job_role": (person.get("job_role") or "").strip(),
            "line_manager_email": (person.get("line_manager_email") or "").strip(),
        }
        delegate, created = delegate_services.find_or_make(email=person["email"], details=details)
        if taken >= session.places_limit:
            status = BookingStatus.WAITING_LIST
        else:
            taken += 1
            status = BookingStatus.AWAITING_APPROVAL if course.needs_manager_approval else BookingStatus.BOOKED
        booking = Booking(
            session=session,
            delegate=delegate,
            status=status,
            created_at=now,
            status_changed_at=now,
            booked_by_email=administrator_email,
            line_manager_email=details["line_manager_email"],
            approval_requested_at=now if status == BookingStatus.AWAITING_APPROVAL else None,
        )
        booking.full_clean()
        booking.save()
        bookings.append(booking)
        if not created:
            # The details typed are this booking's; the delegate's record changes only if they confirm them.
            was, typed = delegate_services.typed_changes(delegate, details)
            if typed:
                checks.append((booking, was, typed))
    transaction.on_commit(lambda: _tell_team(bookings, administrator_email))
    if checks:
        transaction.on_commit(lambda: [delegate_services.ask_to_confirm(*check) for check in checks])
    return bookings


# E-mails, sent once the change is committed.


def _tell_moved(booking, from_session):
    booking_services._send(
        subject=f"Your booking has moved to another date: {booking.session.course.title}",
        template="training/emails/moved.txt",
        context=booking_services._context(booking, from_session=from_session),
        to=[booking.delegate.email],
    )
    if booking.status == BookingStatus.AWAITING_APPROVAL and booking.approved_at is None:
        booking_services._ask_line_manager(booking)


def _tell_session_changed(booking, before):
    booking_services._send(
        subject=f"Your session has changed: {booking.session.course.title}",
        template="training/emails/session_changed.txt",
        context=booking_services._context(booking, before=before),
        to=[booking.delegate.email],
    )


def _tell_session_cancelled(booking):
    booking_services._send(
        subject=f"Session cancelled: {booking.session.course.title}",
        template="training/emails/session_cancelled.txt",
        context=booking_services._context(booking),
        to=[booking.delegate.email],
    )


def _tell_team(bookings, administrator_email):
    for booking in bookings:
        # The delegate's own confirmation (the administrator gets the summary instead of a copy of each).
        booking_services._send(
            subject=booking_services.SUBJECTS[booking.status] % {"course": booking.session.course.title},
            template=f"training/emails/booking_{booking.status}.txt",
            context=booking_services._context(booking),
            to=[booking.delegate.email],
        )
        if booking.status == BookingStatus.AWAITING_APPROVAL:
            booking_services._ask_line_manager(booking)
    session = bookings[0].session
    booking_services._send(
        subject=f"Your team's bookings: {session.course.title}",
        template="training/emails/team_summary.txt",
        context={
            "session": session,
            "course": session.course,
            "rows": [(booking, links.manage_url(booking)) for booking in bookings],
        },
        to=[administrator_email],
    )
