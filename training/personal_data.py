"""What the training programme holds about a person (lscp/data_protection.py): their delegate record (with its
earlier versions), their bookings, the evaluations they wrote, and the registers taken under their account.
Erasure anonymises the delegate as the retention job does (training/services/retention.py)."""

from django.db.models import Prefetch
from django.utils import timezone

from lscp.data_protection import PersonalData, account_work, accounts_linked_by, history_rows, records_of
from lscp.dates import long_date
from partnership.models import Agency, Sector

from .models import LIVE_STATUSES, Booking, CourseSession, Delegate, Evaluation, EvaluationScore
from .services.retention import REQUESTED_REASON, anonymise_delegates

COMING_PLACE = (
    "%(name)s has a booking on %(course)s on %(date)s, still to come: cancel it first (or wait until the session "
    "is over), so that no e-mail about it goes to an address that no longer exists."
)


def delegates(subject):
    """The ids of the person's delegate records."""
    return records_of(subject, Delegate)


FIELDS = {
    "Name": "name",
    "Work e-mail": "email",
    "Agency": "agency_id",
    "Organisation": "organisation",
    "Sector": "sector",
    "Job role": "job_role",
}


def delegate_records(subject):
    # The line manager's address on the record is another person's: left out.
    pks = delegates(subject)
    rows = [
        {
            "Version of": "Now",
            "What happened": "",
            "Name": delegate.name,
            "Work e-mail": delegate.email,
            "Agency": delegate.agency.name if delegate.agency_id else "",
            "Organisation": delegate.organisation,
            "Sector": delegate.get_sector_display(),
            "Job role": delegate.job_role,
        }
        for delegate in Delegate.objects.filter(pk__in=pks).select_related("agency")
    ]
    history = history_rows(Delegate, pks, FIELDS)
    agencies = dict(Agency.objects.filter(pk__in={row["Agency"] for row in history}).values_list("pk", "name"))
    for row in history:
        row["Agency"] = agencies.get(row["Agency"], "")
        row["Sector"] = Sector(row["Sector"]).label if row["Sector"] in Sector.values else row["Sector"]
    return rows + history


def bookings(subject):
    # Who booked the place and the line manager who approved it are other people: left out.
    return [
        {
            "Course": booking.session.course.title,
            "Session": booking.session.starts_at,
            "Status": booking.get_status_display(),
            "Booked": booking.created_at,
            "Approved": booking.approved_at,
            "Cancelled": booking.cancelled_at,
            "Reason given for cancelling": booking.cancelled_reason,
        }
        for booking in Booking.objects.filter(delegate_id__in=delegates(subject))
        .select_related("session__course")
        .order_by("session__starts_at", "pk")
    ]


def evaluations(subject):
    scores = Prefetch("scores", queryset=EvaluationScore.objects.select_related("outcome"))
    return [
        {
            "Course": evaluation.booking.session.course.title,
            "Session": evaluation.booking.session.starts_at,
            "Evaluation": evaluation.get_stage_display(),
            "Sent": evaluation.submitted_at,
            "Confidence (1 to 5) in each learning outcome": "; ".join(
                f"{score.outcome.text}: {score.score}" for score in evaluation.scores.all()
            ),
            "Practice changed": evaluation.practice_changed,
            "How practice changed": evaluation.practice_change,
            "Comments": evaluation.comments,
        }
        for evaluation in Evaluation.objects.filter(booking__delegate_id__in=delegates(subject))
        .select_related("booking__session__course")
        .prefetch_related(scores)
        .order_by("booking__session__starts_at", "stage")
    ]


def coming_bookings_block(subject, by):
    coming = (
        Booking.objects.filter(
            delegate_id__in=delegates(subject), status__in=LIVE_STATUSES, session__starts_at__gt=timezone.now()
        )
        .select_related("delegate", "session__course")
        .order_by("session__starts_at")
    )
    return [
        COMING_PLACE
        % {
            "name": booking.delegate.name,
            "course": booking.session.course.title,
            "date": long_date(booking.session.starts_at),
        }
        for booking in coming
    ]


def erase_delegates(subject):
    count = anonymise_delegates(delegate_ids=delegates(subject), reason=REQUESTED_REASON)
    if not count:
        return "already anonymised."
    return (
        f"{count} delegate record{'s' if count != 1 else ''} anonymised: name and e-mail address replaced by a "
        "placeholder, job role and line manager's address removed, here and in the earlier versions; on the "
        "bookings, who booked, who approved and the reason for cancelling removed."
    )


KEPT_FOR_THE_FIGURES = (
    "The training programme's figures (places, attendance, agencies and sectors reached, evaluation scores) are "
    "counted from these: they stay, linked to the anonymised delegate, so no figure changes."
)

PERSONAL_DATA = [
    PersonalData(
        "training.delegate",
        "Record as a training delegate, and its earlier versions",
        delegate_records,
        erase=erase_delegates,
        erasure="Name and e-mail address replaced by a placeholder (“Anonymised delegate” and its number); job role, "
        "line manager's address and the link to an account removed, here and in every earlier version; on the "
        "bookings, who booked, who approved and the reason for cancelling removed. The agency or organisation and "
        "the sector stay, so the training figures stay the same.",
        blocks=coming_bookings_block,
        accounts=accounts_linked_by(Delegate),
        covers=(
            "training.Delegate.name",
            "training.Delegate.email",
            "training.Delegate.job_role",
            "training.Delegate.line_manager_email",
            "training.Delegate.user",
            "training.Booking.booked_by_email",
            "training.Booking.line_manager_email",
        ),
    ),
    PersonalData(
        "training.bookings",
        "Training bookings",
        bookings,
        kept_because=KEPT_FOR_THE_FIGURES,
        covers=("training.Booking.delegate",),
    ),
    PersonalData(
        "training.evaluations",
        "Evaluations of training",
        evaluations,
        kept_because=KEPT_FOR_THE_FIGURES + " What was written in them stays too, as feedback on the course.",
    ),
    account_work(
        "training.account-work",
        "Registers of training sessions taken under the account",
        (CourseSession, "register_taken_by"),
        kept_because="Who took a session's register is part of the training programme's record.",
    ),
]
