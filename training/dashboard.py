"""The training panel on the home page (see lscp/dashboard.py): a signed-in practitioner's bookings and what to do
next for each: manage or cancel a coming one, the evaluations waiting for them, the certificates ready."""

from django.urls import reverse

from lscp.dashboard import Panel

from . import links, permissions
from .models import BookingStatus
from .selectors.practitioner import practitioner_bookings


def _path(name, token):
    return reverse(name, kwargs={"token": token})


def my_training(request, roles):
    if not permissions.can_see_own_bookings(roles):
        return None
    coming, attended = practitioner_bookings(email=request.user.email)  # two queries
    for booking in coming:
        booking.manage_path = _path("training:manage_booking", links.manage_token(booking))
        needs_before = booking.status == BookingStatus.BOOKED and not booking.before_given
        booking.before_path = (
            _path("training:evaluation", links.evaluation_token(booking, "before")) if needs_before else ""
        )
    for booking in attended:
        if not booking.after_given:
            booking.after_path = _path("training:evaluation", links.evaluation_token(booking, "after"))
        else:
            booking.certificate_path = _path("training:certificate", links.certificate_token(booking))
        if booking.follow_up_open and not booking.follow_up_given:
            booking.follow_up_path = _path("training:evaluation", links.evaluation_token(booking, "follow_up"))
    return {"coming": coming, "attended": attended, "has_email": bool(request.user.email)}


PANELS = [Panel("my-training", 12, "training/panels/my_training.html", my_training)]
