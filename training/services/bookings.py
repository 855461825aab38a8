"""Public booking: a practitioner books a place with their work e-mail (no account), cancels it by the signed link
in their confirmation, is moved up from the waiting list when a place frees, and their line manager approves or
declines by a signed link where the course needs it.

    book ──▶ booked                       (a place is free; the course needs no approval)
         ──▶ awaiting manager approval ──approve──▶ booked
                                       ──decline──▶ declined (the place goes to the waiting list)
         ──▶ waiting list ──a place frees──▶ booked, or awaiting approval
    booked / awaiting / waiting list ──cancel──▶ cancelled (the place goes to the waiting list)

The places a session has are its capacity plus its overbooking allowance; bookings in `PLACE_STATUSES` take one,
awaiting approval included (the place is held while the manager decides: see docs/training.md). Every write
that counts or frees places locks the session's row first (`select_for_update`), so two people booking the last
place at the same moment are served one after the other: one gets it, the other goes on the waiting list. The
e-mails go once the change is committed.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from lscp.wording import in_a_sentence
from partnership.models import Sector

from .. import links
from ..models import (
    ALREADY_BOOKED,
    LIVE_STATUSES,
    PLACE_STATUSES,
    Booking,
    BookingStatus,
    CourseSession,
    Delegate,
    SessionStatus,
)
from . import delegates as delegate_services

logger = logging.getLogger(__name__)

SESSION_CANCELLED = "This session has been cancelled, so it cannot be booked. Choose another date from the calendar."
SESSION_STARTED = "This session has already started, so it can no longer be booked."
BOOKING_CLOSED = (
    "Booking for this session closed on %(date)s (%(days)s working days before it). "
    "Choose a later date from the calendar, or contact the training team."
)
NOT_ELIGIBLE = "This course is for %(sectors)s only. Choose a course open to %(sector)s staff from the calendar."
NOT_ELIGIBLE_AGENCY = (
    "This course is for %(sectors)s only, and %(agency)s is in the %(sector)s sector. Choose a course open to "
    "%(sector)s staff from the calendar."
)
# Naming no sector: whoever typed the address may not be the delegate, and learns nothing of their record.
NOT_ELIGIBLE_BY_RECORD = (
    "This course is for %(sectors)s only, and our records of this work e-mail address show another sector. Choose a "
    "course open to your sector from the calendar; if your work has changed, ask the partnership's training team "
    "to update your record."
)
LINE_MANAGER_NEEDED = (
    "This course needs your line manager's approval: give their work e-mail address, and we will send them a link."
)
LINE_MANAGER_IS_DELEGATE = "Give your line manager's e-mail address, not your own."
CANNOT_CANCEL = "This booking is %(status)s, so there is nothing to cancel."
CANNOT_CANCEL_STARTED = "The session has started: a booking can no longer be cancelled. Contact the training team."
NOT_AWAITING_APPROVAL = "This booking is %(status)s: it is no longer waiting for approval."

CANCELLABLE_STATUSES = (BookingStatus.AWAITING_APPROVAL, BookingStatus.BOOKED, BookingStatus.WAITING_LIST)


def _locked_session(session):
    """The session as it is now, its row locked until the transaction ends: every count of its places is made
    under this lock, so no two bookings can both take the last place."""
    return CourseSession.objects.select_for_update().select_related("course").get(pk=session.pk)


def places_taken(session):
    return Booking.objects.filter(session=session, status__in=PLACE_STATUSES).count()


def _sector_label(code):
    return Sector(code).label if code in Sector.values else code


def _refuse_if_not_bookable(session, *, now):
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(SESSION_CANCELLED, code="cancelled")
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        raise ValidationError(SESSION_STARTED, code="started")
    if timezone.localdate(now) > session.booking_closes_on:
        raise ValidationError(
            BOOKING_CLOSED
            % {"date": f"{session.booking_closes_on:%A %-d %B %Y}", "days": session.booking_closes_working_days},
            code="closed",
        )


def eligibility_errors(course, *, sector, agency=None, known=None):
    """{field: message} when the course is not for this practitioner. Not only the sector typed is checked, but
    everything known of them: the agency chosen, and, for a delegate already on record (`known`), the sector on
    their record and their agency's, so that a sector typed round the rule does not get in."""
    codes = course.sector_codes()
    if not codes:
        return {}
    sectors = _list(_sector_label(code) for code in codes)
    if sector and sector not in codes:
        return {"sector": NOT_ELIGIBLE % {"sectors": sectors, "sector": in_a_sentence(_sector_label(sector))}}
    if agency is not None and agency.sector not in codes:
        return {
            "agency": NOT_ELIGIBLE_AGENCY
            % {"sectors": sectors, "agency": agency.name, "sector": in_a_sentence(_sector_label(agency.sector))}
        }
    if known is not None and any(code not in codes for code in known_sectors(known)):
        return {"sector": NOT_ELIGIBLE_BY_RECORD % {"sectors": sectors}}
    return {}


def known_sectors(delegate):
    """The sectors a delegate's record says they work in: their own, and their agency's if they have one."""
    found = {delegate.sector} if delegate.sector else set()
    if delegate.agency_id:
        found.add(delegate.agency.sector)
    return found


@transaction.atomic
def book_place(
    *,
    session,
    name,
    email,
    agency,
    organisation,
    sector,
    job_role,
    line_manager_email,
    booked_by_email="",
    now=None,
):
    """Books a place on `session` for the practitioner with this work e-mail, or puts them on the waiting list
    when every place (capacity + overbooking allowance) is taken. A course that needs approval holds the place
    and e-mails the line manager a signed link. `now` is the moment of booking (tests give it). Returns the
    booking."""
    now = now or timezone.now()
    session = _locked_session(session)
    _refuse_if_not_bookable(session, now=now)
    course = session.course
    email = (email or "").strip()
    line_manager_email = (line_manager_email or "").strip()
    known = Delegate.objects.select_related("agency").with_email(email).first() if email else None
    errors = eligibility_errors(course, sector=sector, agency=agency, known=known)
    if course.needs_manager_approval and not line_manager_email:
        errors["line_manager_email"] = LINE_MANAGER_NEEDED
    elif line_manager_email and line_manager_email.lower() == email.lower():
        errors["line_manager_email"] = LINE_MANAGER_IS_DELEGATE
    details = {
        "name": name,
        "agency": agency,
        "organisation": "" if agency else organisation,
        "sector": sector,
        "job_role": job_role,
        "line_manager_email": line_manager_email,
    }
    try:
        delegate, created = (known, False) if known else delegate_services.find_or_make(email=email, details=details)
    except ValidationError as error:
        raise ValidationError({**error.message_dict, **errors}) from error
    if errors:
        raise ValidationError(errors)
    if Booking.objects.filter(session=session, delegate=delegate, status__in=LIVE_STATUSES).exists():
        raise ValidationError(ALREADY_BOOKED, code="duplicate")

    if places_taken(session) >= session.places_limit:
        status = BookingStatus.WAITING_LIST
    elif course.needs_manager_approval:
        status = BookingStatus.AWAITING_APPROVAL
    else:
        status = BookingStatus.BOOKED
    booking = Booking(
        session=session,
        delegate=delegate,
        status=status,
        created_at=now,
        status_changed_at=now,
        booked_by_email=(booked_by_email or "").strip(),
        line_manager_email=line_manager_email,
        approval_requested_at=now if status == BookingStatus.AWAITING_APPROVAL else None,
    )
    booking.full_clean()
    booking.save()
    transaction.on_commit(lambda: _tell_about_booking(booking))
    if not created:
        # The details typed are this booking's; the delegate's record changes only if they confirm them.
        was, typed = delegate_services.typed_changes(delegate, details)
        if typed:
            transaction.on_commit(lambda: delegate_services.ask_to_confirm(booking, was, typed))
    return booking


@transaction.atomic
def cancel_booking(*, booking, by_delegate=True, reason="", now=None):
    """Cancels a booking (by the delegate through their link, or by the organiser). A place it held goes to the
    first on the waiting list, in the same transaction, and they are told by e-mail. Returns the booking and
    those moved up."""
    now = now or timezone.now()
    session = _locked_session(booking.session)
    booking = Booking.objects.select_for_update().select_related("delegate").get(pk=booking.pk)
    if booking.status not in CANCELLABLE_STATUSES:
        raise ValidationError(CANNOT_CANCEL % {"status": booking.get_status_display().lower()}, code="not_live")
    if by_delegate and session.starts_at <= now:
        raise ValidationError(CANNOT_CANCEL_STARTED, code="started")
    booking.set_status(
        BookingStatus.CANCELLED_BY_DELEGATE if by_delegate else BookingStatus.CANCELLED_BY_ORGANISER, at=now
    )
    booking.cancelled_at = now
    booking.cancelled_reason = (reason or "").strip()
    booking.session = session
    booking.full_clean()
    booking.save()
    promoted = fill_free_places(session=session, now=now)
    transaction.on_commit(lambda: _tell_cancelled(booking))
    return booking, promoted


def fill_free_places(*, session, now=None):
    """Moves delegates up from the waiting list, first come first served, while the session has free places.
    Call inside a transaction that holds the session's lock (`_locked_session`). Returns the bookings moved up;
    each is e-mailed once the transaction commits."""
    now = now or timezone.now()
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        return []
    free = session.places_limit - places_taken(session)
    if free <= 0:
        return []
    waiting = list(
        Booking.objects.select_for_update()
        .filter(session=session, status=BookingStatus.WAITING_LIST)
        .select_related("delegate")
        .order_by("created_at", "id")[:free]
    )
    for booking in waiting:
        booking.session = session
        if session.course.needs_manager_approval:
            booking.set_status(BookingStatus.AWAITING_APPROVAL, at=now)
            booking.approval_requested_at = now
        else:
            booking.set_status(BookingStatus.BOOKED, at=now)
        booking.promoted_at = now
        booking.full_clean()
        booking.save()
        transaction.on_commit(lambda booking=booking: _tell_promoted(booking))
    return waiting


def _awaiting(booking):
    booking = Booking.objects.select_for_update().select_related("delegate").get(pk=booking.pk)
    if booking.status != BookingStatus.AWAITING_APPROVAL:
        raise ValidationError(
            NOT_AWAITING_APPROVAL % {"status": booking.get_status_display().lower()}, code="not_awaiting"
        )
    return booking


@transaction.atomic
def approve_booking(*, booking):
    """The line manager approves: the held place becomes a booking, and the delegate is told."""
    session = _locked_session(booking.session)
    booking = _awaiting(booking)
    now = timezone.now()
    booking.session = session
    booking.set_status(BookingStatus.BOOKED, at=now)
    booking.approved_at = now
    booking.full_clean()
    booking.save()
    transaction.on_commit(lambda: _tell_delegate(booking, "approved"))
    return booking


@transaction.atomic
def decline_booking(*, booking):
    """The line manager declines: the held place goes to the waiting list, and the delegate is told."""
    session = _locked_session(booking.session)
    booking = _awaiting(booking)
    now = timezone.now()
    booking.session = session
    booking.set_status(BookingStatus.DECLINED, at=now)
    booking.full_clean()
    booking.save()
    promoted = fill_free_places(session=session, now=now)
    transaction.on_commit(lambda: _tell_delegate(booking, "declined"))
    return booking, promoted


def _list(items):
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# E-mails, sent once the change is committed. A mail server that fails must not undo or hide a booking that was
# saved, so failures are logged for the training team rather than raised.


def _send(*, subject, template, context, to):
    recipients = [address for address in to if address]
    if not recipients:
        return
    try:
        send_mail(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # any mail backend error: the booking's change is already saved
        logger.exception("Could not send %r to %s.", subject, recipients)


def _context(booking, **extra):
    return {
        "booking": booking,
        "delegate": booking.delegate,
        "session": booking.session,
        "course": booking.session.course,
        "manage_url": links.manage_url(booking),
        # The evaluation before the session, answered from the confirmation (its own page refuses it once the
        # session has started).
        "before_url": links.evaluation_url(booking, "before") if booking.status == BookingStatus.BOOKED else "",
        **extra,
    }


SUBJECTS = {
    BookingStatus.BOOKED: "Your place is booked: %(course)s",
    BookingStatus.WAITING_LIST: "You are on the waiting list: %(course)s",
    BookingStatus.AWAITING_APPROVAL: "Waiting for your line manager's approval: %(course)s",
}


def _copy_to(booking):
    """A team administrator who booked for someone else gets a copy."""
    by = booking.booked_by_email
    return [by] if by and by.lower() != booking.delegate.email.lower() else []


def _tell_about_booking(booking):
    course = booking.session.course
    _send(
        subject=SUBJECTS[booking.status] % {"course": course.title},
        template=f"training/emails/booking_{booking.status}.txt",
        context=_context(booking),
        to=[booking.delegate.email, *_copy_to(booking)],
    )
    if booking.status == BookingStatus.AWAITING_APPROVAL:
        _ask_line_manager(booking)


def _ask_line_manager(booking):
    """The approval request goes to the line manager given with this booking, never to the one on the delegate's
    record."""
    if not booking.line_manager_email:
        logger.warning("Booking %s awaits approval but has no line manager to ask.", booking.pk)
        return
    _send(
        subject=f"Please approve a training place: {booking.delegate.name}, {booking.session.course.title}",
        template="training/emails/approval_request.txt",
        context=_context(booking, approval_url=links.approval_url(booking), max_age=links.APPROVAL_LINK_MAX_AGE.days),
        to=[booking.line_manager_email],
    )


def _tell_promoted(booking):
    _send(
        subject=f"A place has come up for you: {booking.session.course.title}",
        template="training/emails/promoted.txt",
        context=_context(booking),
        to=[booking.delegate.email, *_copy_to(booking)],
    )
    if booking.status == BookingStatus.AWAITING_APPROVAL:
        _ask_line_manager(booking)


def _tell_cancelled(booking):
    _send(
        subject=f"Your booking is cancelled: {booking.session.course.title}",
        template="training/emails/cancelled.txt",
        context=_context(booking),
        to=[booking.delegate.email],
    )


def _tell_delegate(booking, decision):
    _send(
        subject=f"Your line manager has {decision} your place: {booking.session.course.title}",
        template=f"training/emails/{decision}.txt",
        context=_context(booking),
        to=[booking.delegate.email],
    )
