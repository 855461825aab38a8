"""Reads for the organiser pages, done in the database: the sessions with their places taken and waiting list, and
one session's bookings."""

from django.db.models import Count, Q
from django.utils import timezone

from ..models import PLACE_STATUSES, Booking, BookingStatus, CourseSession

COMING, PAST = "coming", "past"


def organiser_sessions(*, course_id=None, status=None, when=COMING, now=None):
    """Sessions with `taken`, `waiting` and `attended` counted in the same query: coming ones soonest first, past
    ones latest first."""
    now = now or timezone.now()
    sessions = CourseSession.objects.select_related("course").annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=PLACE_STATUSES)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING_LIST)),
        attended=Count("bookings", filter=Q(bookings__status=BookingStatus.ATTENDED)),
    )
    if course_id:
        sessions = sessions.filter(course_id=course_id)
    if status:
        sessions = sessions.filter(status=status)
    if when == PAST:
        return sessions.filter(starts_at__lte=now).order_by("-starts_at", "-id")
    if when == COMING:
        return sessions.filter(starts_at__gt=now).order_by("starts_at", "id")
    return sessions.order_by("-starts_at", "-id")


def session_bookings(session):
    """Every booking of the session, with its delegate and agency, in one query: (on the register, waiting list in
    the order it moves up, cancelled or declined)."""
    bookings = list(
        Booking.objects.filter(session=session)
        .select_related("delegate", "delegate__agency")
        .order_by("created_at", "id")
    )
    places = sorted((b for b in bookings if b.status in PLACE_STATUSES), key=lambda b: (b.delegate.name, b.pk))
    waiting = [b for b in bookings if b.status == BookingStatus.WAITING_LIST]
    ended = [b for b in bookings if b.status not in PLACE_STATUSES and b.status != BookingStatus.WAITING_LIST]
    return places, waiting, ended
