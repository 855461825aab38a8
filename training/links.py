"""The signed links e-mailed to delegates and line managers, who have no account: the link is the key.

A link carries the booking's id, signed with the site's secret and a salt per purpose (a manage link cannot be
used as an approval link), and dated: `django.core.signing` refuses one changed by a single character
(`BadSignature`: the page answers 404) or older than its maximum age (`SignatureExpired`: 410, with a page that
says what to do).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

MANAGE_SALT = "training.manage-booking"
APPROVAL_SALT = "training.manager-approval"
# A session can be booked up to a year ahead; the manage link works until well after it.
MANAGE_LINK_MAX_AGE = timedelta(days=400)
# A line manager answers within a month, or the delegate asks again.
APPROVAL_LINK_MAX_AGE = timedelta(days=30)

BadLink = signing.BadSignature
ExpiredLink = signing.SignatureExpired


def manage_token(booking):
    return signing.dumps({"booking": booking.pk}, salt=MANAGE_SALT, compress=True)


def approval_token(booking):
    return signing.dumps({"booking": booking.pk}, salt=APPROVAL_SALT, compress=True)


def booking_id_from_manage_token(token):
    """The booking id the token was made for; raises `ExpiredLink` or `BadLink`."""
    return _booking_id(token, salt=MANAGE_SALT, max_age=MANAGE_LINK_MAX_AGE)


def booking_id_from_approval_token(token):
    return _booking_id(token, salt=APPROVAL_SALT, max_age=APPROVAL_LINK_MAX_AGE)


def _booking_id(token, *, salt, max_age):
    data = signing.loads(token, salt=salt, max_age=max_age)
    if not isinstance(data, dict) or not isinstance(data.get("booking"), int):
        raise BadLink("The link does not name a booking.")
    return data["booking"]


def manage_url(booking):
    return settings.SITE_URL.rstrip("/") + reverse("training:manage_booking", kwargs={"token": manage_token(booking)})


def approval_url(booking):
    return settings.SITE_URL.rstrip("/") + reverse("training:approval", kwargs={"token": approval_token(booking)})


# Evaluations and certificates. An evaluation link names the booking and the stage (a "before" link cannot be used
# to answer the follow-up); it lasts until well after the follow-up window (three to six months after the
# session). A certificate link lasts for years: delegates keep it as their record of training.
EVALUATION_SALT = "training.evaluation"
CERTIFICATE_SALT = "training.certificate"
EVALUATION_LINK_MAX_AGE = timedelta(days=400)
CERTIFICATE_LINK_MAX_AGE = timedelta(days=6 * 366)


def evaluation_token(booking, stage):
    return signing.dumps({"booking": booking.pk, "stage": str(stage)}, salt=EVALUATION_SALT, compress=True)


def booking_and_stage_from_evaluation_token(token):
    """(booking id, stage) the token was made for; raises `ExpiredLink` or `BadLink`."""
    data = signing.loads(token, salt=EVALUATION_SALT, max_age=EVALUATION_LINK_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("booking"), int) or not isinstance(data.get("stage"), str):
        raise BadLink("The link does not name a booking and a stage.")
    return data["booking"], data["stage"]


def certificate_token(booking):
    return signing.dumps({"booking": booking.pk}, salt=CERTIFICATE_SALT, compress=True)


def booking_id_from_certificate_token(token):
    return _booking_id(token, salt=CERTIFICATE_SALT, max_age=CERTIFICATE_LINK_MAX_AGE)


def evaluation_url(booking, stage):
    path = reverse("training:evaluation", kwargs={"token": evaluation_token(booking, stage)})
    return settings.SITE_URL.rstrip("/") + path


def certificate_url(booking):
    path = reverse("training:certificate", kwargs={"token": certificate_token(booking)})
    return settings.SITE_URL.rstrip("/") + path


# A delegate's new details. Booking needs no sign-in, so details typed with a booking never change the delegate's
# record by themselves: when they differ from it, the delegate is e-mailed, at the address on their record, a link
# carrying the record's values at that moment ("was") and the typed ones ("typed"). Following it, they confirm the
# change; the record is changed only if it still holds the "was" values (training/services/delegates.py).
DETAILS_SALT = "training.delegate-details"
DETAILS_LINK_MAX_AGE = timedelta(days=30)


def details_token(*, delegate, booking, was, typed):
    payload = {"delegate": delegate.pk, "booking": booking.pk, "was": was, "typed": typed}
    return signing.dumps(payload, salt=DETAILS_SALT, compress=True)


def details_from_token(token):
    """{"delegate": id, "booking": id, "was": {...}, "typed": {...}}; raises `ExpiredLink` or `BadLink`."""
    data = signing.loads(token, salt=DETAILS_SALT, max_age=DETAILS_LINK_MAX_AGE)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("delegate"), int)
        or not isinstance(data.get("booking"), int)
        or not isinstance(data.get("was"), dict)
        or not isinstance(data.get("typed"), dict)
        or set(data["was"]) != set(data["typed"])
        or not data["typed"]
    ):
        raise BadLink("The link does not name a delegate and their new details.")
    return data


def details_url(*, delegate, booking, was, typed):
    token = details_token(delegate=delegate, booking=booking, was=was, typed=typed)
    return settings.SITE_URL.rstrip("/") + reverse("training:delegate_details", kwargs={"token": token})
