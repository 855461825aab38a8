"""A signed-in practitioner's own bookings, for their home page (training/dashboard.py). A user's bookings are
those of the delegate with the user's e-mail, whatever its capitals: the business manager gives accounts to
practitioners at their work address, the address they book with."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..models import Booking, BookingStatus, Delegate, Evaluation, EvaluationStage, SessionStatus
from ..services.evaluations import follow_up_closes_on, follow_up_opens_on

COMING_STATUSES = (BookingStatus.BOOKED, BookingStatus.AWAITING_APPROVAL, BookingStatus.WAITING_LIST)
# The attended sessions shown: the latest, with what is left to do for each.
ATTENDED_SHOWN = 6


def _answered(stage):
    return Exists(Evaluation.objects.filter(booking=OuterRef("pk"), stage=stage))


def _bookings(email):
    return (
        Booking.objects.filter(delegate__in=Delegate.objects.with_email(email))
        .select_related("session__course")
        .annotate(
            before_given=_answered(EvaluationStage.BEFORE),
            after_given=_answered(EvaluationStage.AFTER),
            follow_up_given=_answered(EvaluationStage.FOLLOW_UP),
        )
    )


def practitioner_bookings(*, email, now=None):
    """(coming, attended) for the delegate with this e-mail: the bookings on sessions still to come (booked,
    awaiting approval, on the waiting list), soonest first; and the latest sessions they attended, latest first,
    each with `follow_up_open` (the follow-up may be answered today). Two queries; none without an e-mail."""
    if not email:
        return [], []
    now = now or timezone.now()
    coming = list(
        _bookings(email)
        .filter(status__in=COMING_STATUSES, session__starts_at__gt=now, session__status=SessionStatus.SCHEDULED)
        .order_by("session__starts_at", "pk")
    )
    attended = list(
        _bookings(email).filter(status=BookingStatus.ATTENDED).order_by("-session__starts_at", "-pk")[:ATTENDED_SHOWN]
    )
    today = timezone.localdate(now)
    for booking in attended:
        session = booking.session
        booking.follow_up_open = follow_up_opens_on(session) <= today <= follow_up_closes_on(session)
    return coming, attended
