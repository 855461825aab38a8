"""How long the partnership keeps delegates' details: a delegate with no account and no training for
settings.DELEGATE_RETENTION_YEARS years is anonymised (a nightly job, training/tasks.py), and so is one who asks
to be erased (lscp/data_protection.py, through training/personal_data.py).

Anonymising keeps every figure: the delegate record stays, with its agency or organisation and its sector, and so
do its bookings (status, dates), evaluations and scores. What goes is what names the person: the name and work
e-mail (replaced by a placeholder that names no one), the job role, the line manager's address, the account link,
and on each booking the addresses of whoever booked or approved it and the reason given for cancelling. It goes
from the record's earlier versions (its change history) and the admin's log too. Running it again changes nothing.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from lscp.data_protection import PLACEHOLDER_DOMAIN, forget_in_admin_log, placeholder_email, years_ago

from ..models import Booking, Delegate, Evaluation

LAPSED_REASON = "Anonymised after the years without training the partnership keeps delegates' details"
REQUESTED_REASON = "Anonymised at the delegate's request (data protection)"
ANONYMISED_FIELDS = ["name", "email", "job_role", "line_manager_email", "user", "anonymised_at"]
# Enough for one transaction that keeps a nightly run's locks short; the next batch starts where it ends.
BATCH = 500


def anonymised_name(pk):
    return f"Anonymised delegate {pk}"


def lapsed_delegates(*, now=None):
    """The delegates to anonymise: no account, not anonymised yet, no booking made and no session booked (whatever
    became of the booking) in the last DELEGATE_RETENTION_YEARS years, and, with no booking at all, a record made
    before then."""
    cutoff = years_ago(settings.DELEGATE_RETENTION_YEARS, now=now)
    recent_booking = Booking.objects.filter(delegate=OuterRef("pk")).filter(
        Q(created_at__gte=cutoff) | Q(session__starts_at__gte=cutoff)
    )
    any_booking = Booking.objects.filter(delegate=OuterRef("pk"))
    made_recently = Delegate.history.filter(id=OuterRef("pk"), history_type="+", history_date__gte=cutoff)
    return (
        Delegate.objects.filter(user__isnull=True, anonymised_at__isnull=True)
        .exclude(Exists(recent_booking))
        # A delegate's bookings say when they last trained (one imported with past years' registers is judged by
        # those); one with none, by when the record was made.
        .filter(Exists(any_booking) | ~Exists(made_recently))
    )


@transaction.atomic
def anonymise_delegates(*, delegate_ids, reason, now=None):
    """Anonymises these delegates (those not anonymised already), in one transaction; returns how many."""
    now = now or timezone.now()
    delegates = list(Delegate.objects.select_for_update().filter(pk__in=delegate_ids, anonymised_at__isnull=True))
    if not delegates:
        return 0
    for delegate in delegates:
        delegate.name = anonymised_name(delegate.pk)
        delegate.email = placeholder_email("delegate", delegate.pk)
        delegate.job_role, delegate.line_manager_email, delegate.user = "", "", None
        delegate.anonymised_at = now
        delegate.full_clean(validate_unique=False, validate_constraints=False)
    pks = [delegate.pk for delegate in delegates]
    bulk_update_with_history(
        delegates, Delegate, ANONYMISED_FIELDS, batch_size=BATCH, default_change_reason=reason, default_date=now
    )
    number = Cast("id", CharField())
    Delegate.history.filter(id__in=pks).update(
        name=Concat(Value("Anonymised delegate "), number),
        email=Concat(Value("anonymised-delegate-"), number, Value(f"@{PLACEHOLDER_DOMAIN}")),
        job_role="",
        line_manager_email="",
        user=None,
    )
    booking_ids = list(Booking.objects.filter(delegate_id__in=pks).values_list("pk", flat=True))
    cleared = {"booked_by_email": "", "line_manager_email": "", "cancelled_reason": ""}
    Booking.objects.filter(pk__in=booking_ids).update(**cleared)
    Booking.history.filter(id__in=booking_ids).update(**cleared)
    # The admin's log names a booking and an evaluation after their delegate.
    forget_in_admin_log(Delegate, {delegate.pk: delegate.name for delegate in delegates})
    by_booking = dict(Booking.objects.filter(pk__in=booking_ids).values_list("pk", "delegate_id"))
    forget_in_admin_log(Booking, {pk: f"A booking of {anonymised_name(d)}" for pk, d in by_booking.items()})
    evaluations = Evaluation.objects.filter(booking_id__in=booking_ids).values_list("pk", "booking__delegate_id")
    forget_in_admin_log(Evaluation, {pk: f"An evaluation by {anonymised_name(d)}" for pk, d in evaluations})
    return len(delegates)


def anonymise_lapsed_delegates(*, now=None):
    """The nightly job: anonymises every lapsed delegate, a batch per transaction; returns how many."""
    now = now or timezone.now()
    total = 0
    while True:
        batch = list(lapsed_delegates(now=now).order_by("pk").values_list("pk", flat=True)[:BATCH])
        done = anonymise_delegates(delegate_ids=batch, reason=LAPSED_REASON, now=now) if batch else 0
        if not done:
            return total
        total += done
