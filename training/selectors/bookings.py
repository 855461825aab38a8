"""Reads for the public training pages, done in the database: the coming sessions with the places each has left."""

from django.db.models import OuterRef, Prefetch
from django.utils import timezone

from lscp.subqueries import row_count

from ..models import PLACE_STATUSES, Booking, BookingStatus, Course, CourseSession, SessionStatus


def _bookings_counted(**status):
    return row_count(Booking.objects.filter(session=OuterRef("pk"), **status), "session")


def _with_places(queryset):
    """Each session's places taken and waiting list, counted for the sessions read only (lscp/subqueries.py)."""
    return queryset.annotate(
        taken=_bookings_counted(status__in=PLACE_STATUSES),
        waiting=_bookings_counted(status=BookingStatus.WAITING_LIST),
    )


def coming_sessions_in_order(*, course=None, now=None):
    """Scheduled sessions not yet started, soonest first, with `taken` and `waiting` (a queryset: the calendar
    takes a page of it). `with_booking_state` finishes the sessions read."""
    now = now or timezone.now()
    queryset = CourseSession.objects.filter(
        status=SessionStatus.SCHEDULED, starts_at__gt=now, course__active=True
    ).select_related("course")
    if course is not None:
        queryset = queryset.filter(course=course)
    else:
        queryset = queryset.prefetch_related("course__eligible_sectors")
    return _with_places(queryset).order_by("starts_at", "id")


def with_booking_state(sessions, *, now=None):
    """Gives each session read `places_left` and `booking_open` (today is on or before its closing date)."""
    today = timezone.localdate(now or timezone.now())
    sessions = list(sessions)
    for session in sessions:
        session.places_left = max(session.places_limit - session.taken, 0)
        session.booking_open = today <= session.booking_closes_on
    return sessions


def coming_sessions(*, course=None, now=None):
    """Every coming session (of a course), soonest first, with `taken`, `waiting`, `places_left` and
    `booking_open`. One query, plus one for the courses' sectors."""
    return with_booking_state(coming_sessions_in_order(course=course, now=now), now=now)


def session_with_places(*, pk):
    """One session with its course, `taken` and `waiting`, or None."""
    session = (
        _with_places(CourseSession.objects.filter(pk=pk))
        .select_related("course", "course__prerequisite")
        .prefetch_related("course__eligible_sectors", "course__learning_outcomes", "agencies")
        .first()
    )
    if session is not None:
        session.places_left = max(session.places_limit - session.taken, 0)
        session.booking_open = timezone.localdate() <= session.booking_closes_on
    return session


def public_course(*, pk):
    return (
        Course.objects.filter(pk=pk, active=True)
        .select_related("prerequisite")
        .prefetch_related("eligible_sectors", "learning_outcomes", "agencies", Prefetch("leads_to"))
        .first()
    )
