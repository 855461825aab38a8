"""A delegate's record: found by work e-mail when they book, made from the details typed the first time, and
changed afterwards only by the business manager (in the admin) or by the delegate, through a signed link sent to
the work e-mail address on their record.

Booking needs no sign-in, so anyone can type anyone's work e-mail. The details typed with a booking for a known
address (a line manager, a job role, a sector, an organisation, a name) are the booking's own (the line manager
given with a booking is the one who approves it: `Booking.line_manager_email`), and never change the record. When
they differ from it, the delegate is e-mailed at their recorded address with a link to confirm them:

    typed_changes(delegate, details)     ──▶ (was, typed): the recorded and typed values of each field that differs
    ask_to_confirm(booking, was, typed)  ──▶ the e-mail with the signed link (training/links.py)
    confirm_details(delegate_id, was, typed) ──▶ the record takes the typed values, if it still holds `was`

A link is used once in effect: after it, the record no longer holds `was`. A record corrected in between (by the
business manager, or by another link) is left alone.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnership.models import Agency, Sector

from .. import links
from ..models import Delegate

logger = logging.getLogger(__name__)

DETAILS_CHANGED_SINCE = (
    "Your record has changed since we sent you this link, so it is left as it is. If it is still not right, "
    "contact the partnership's training team."
)
DETAILS_ALREADY_CONFIRMED = "Your record already has these details: there is nothing more to do."
DETAILS_AGENCY_GONE = (
    "The agency given with the booking is no longer in our list, so your record is left as it is. Contact the "
    "partnership's training team."
)
DETAILS_CHANGE_REASON = "Confirmed by the delegate, by the link e-mailed to their work address"

# The fields a booking's details may propose, in the order they are shown; "organisation" stands for the agency
# and the organisation's name together (a delegate has one or the other).
LABELS = {
    "name": "Name",
    "organisation": "Agency or organisation",
    "sector": "Sector",
    "job_role": "Job role",
    "line_manager_email": "Line manager's e-mail",
}


def find_or_make(*, email, details):
    """(the delegate with this work e-mail, whatever its capitals, or a new one made from the details typed;
    whether it is new). A known delegate's record is returned as it is: the details typed are not written to it."""
    email = (email or "").strip()
    delegate = Delegate.objects.select_related("agency").with_email(email).first() if email else None
    if delegate is not None:
        return delegate, False
    delegate = Delegate(email=email)
    for field, value in details.items():
        setattr(delegate, field, value)
    delegate.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            delegate.save()
    except IntegrityError:
        # Someone booked with the same address at this moment: use the record they made.
        return Delegate.objects.select_related("agency").with_email(email).get(), False
    return delegate, True


def _recorded(delegate, field):
    if field == "organisation":
        return {"agency": delegate.agency_id, "organisation": "" if delegate.agency_id else delegate.organisation}
    return getattr(delegate, field) or ""


def typed_changes(delegate, details):
    """The fields whose typed value differs from the delegate's record, as two dicts of plain values (for a
    signed link): `was` (the record's) and `typed`. A box left empty proposes nothing."""
    was, typed = {}, {}
    name = (details.get("name") or "").strip()
    if name and name != delegate.name:
        was["name"], typed["name"] = delegate.name, name
    agency = details.get("agency")
    organisation = "" if agency else (details.get("organisation") or "").strip()
    if agency or organisation:
        proposed = {"agency": agency.pk if agency else None, "organisation": organisation}
        if proposed != _recorded(delegate, "organisation"):
            was["organisation"], typed["organisation"] = _recorded(delegate, "organisation"), proposed
    for field in ("sector", "job_role"):
        value = (details.get(field) or "").strip()
        if value and value != (getattr(delegate, field) or ""):
            was[field], typed[field] = getattr(delegate, field) or "", value
    manager = (details.get("line_manager_email") or "").strip()
    if manager and manager.lower() != (delegate.line_manager_email or "").lower():
        was["line_manager_email"], typed["line_manager_email"] = delegate.line_manager_email, manager
    return was, typed


def describe(was, typed):
    """[(label, as recorded, as typed)] in words, for the e-mail and the confirmation page (one query, for the
    agencies' names)."""
    organisations = (was.get("organisation"), typed.get("organisation"))
    agency_ids = {values["agency"] for values in organisations if values and values["agency"]}
    agencies = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name")) if agency_ids else {}

    def words(field, value):
        if field == "organisation":
            if value["agency"]:
                return agencies.get(value["agency"], "an agency no longer listed")
            return value["organisation"] or "none"
        if field == "sector":
            return Sector(value).label if value in Sector.values else (value or "none")
        return value or "none"

    return [
        (label, words(field, was[field]), words(field, typed[field]))
        for field, label in LABELS.items()
        if field in typed
    ]


def state_of(delegate, was, typed):
    """ "open" (the record still holds `was`), "confirmed" (it holds `typed`) or "changed" (something else)."""
    current = {field: _recorded(delegate, field) for field in typed}
    if current == typed:
        return "confirmed"
    if current == was:
        return "open"
    return "changed"


@transaction.atomic
def confirm_details(*, delegate_id, was, typed):
    """The delegate confirms the details typed with a booking (by the link sent to their recorded address): their
    record takes them, if it still holds the values it had when the link was sent. The change history says how it
    was made. Returns the delegate."""
    delegate = Delegate.objects.select_for_update().get(pk=delegate_id)
    state = state_of(delegate, was, typed)
    if state == "confirmed":
        raise ValidationError(DETAILS_ALREADY_CONFIRMED, code="confirmed")
    if state == "changed":
        raise ValidationError(DETAILS_CHANGED_SINCE, code="changed")
    for field, value in typed.items():
        if field == "organisation":
            if value["agency"] and not Agency.objects.filter(pk=value["agency"]).exists():
                raise ValidationError(DETAILS_AGENCY_GONE, code="agency_gone")
            delegate.agency_id, delegate.organisation = value["agency"], value["organisation"]
        else:
            setattr(delegate, field, value)
    delegate.full_clean()
    delegate._change_reason = DETAILS_CHANGE_REASON
    delegate.save()
    return delegate


def ask_to_confirm(booking, was, typed):
    """E-mails the delegate, at the address on their record, the details typed with this booking that differ from
    the record, with the signed link to confirm them. Sent once the booking is committed; a failure is logged."""
    from .bookings import _context, _send

    _send(
        subject=f"Please check the details given with your booking: {booking.session.course.title}",
        template="training/emails/details_check.txt",
        context=_context(
            booking,
            changes=describe(was, typed),
            details_url=links.details_url(delegate=booking.delegate, booking=booking, was=was, typed=typed),
            max_age=links.DETAILS_LINK_MAX_AGE.days,
        ),
        to=[booking.delegate.email],
    )
