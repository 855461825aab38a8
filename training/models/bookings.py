"""Delegates (practitioners who book, with no account) and their bookings on sessions.

A delegate is found by work e-mail, compared case-insensitively (a `Lower("email")` unique constraint). A
delegate has at most one live booking on a session (a conditional unique constraint: cancelled and declined
bookings do not count, so a delegate who cancelled can book again). Which statuses take a place is in
`PLACE_STATUSES`; docs/training.md says why awaiting approval does.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import record_date
from partnership.models import Agency, Sector

from .sessions import CourseSession

__all__ = [
    "Delegate",
    "BookingStatus",
    "LIVE_STATUSES",
    "PLACE_STATUSES",
    "ENDED_STATUSES",
    "Booking",
    "DELEGATE_EMAIL_TAKEN",
    "DELEGATE_NEEDS_ORGANISATION",
    "ALREADY_BOOKED",
]

DELEGATE_EMAIL_TAKEN = "A delegate with this work e-mail address is already recorded."
DELEGATE_NEEDS_ORGANISATION = "Choose your agency, or give the name of your organisation (for example your school)."
ALREADY_BOOKED = "You already have a booking on this session: use the link in your confirmation e-mail to manage it."


class DelegateQuerySet(models.QuerySet):
    def with_email(self, email):
        """The delegate with this work e-mail, whatever its capitals, found by the index of lower-cased addresses
        that keeps them unique (an `iexact` lookup compares upper-cased ones and reads every delegate)."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=Lower(Value(email)))


class Delegate(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(help_text="Work e-mail address; one delegate per address, whatever its capitals.")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="training_delegates"
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="The organisation's name when it is not a listed agency (a school)."
    )
    sector = models.CharField(max_length=30, choices=Sector.choices)
    job_role = models.CharField(max_length=200, blank=True)
    line_manager_email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_delegates",
        help_text="The delegate's account, if they have one (most do not).",
    )
    # Set when the delegate was anonymised (training/services/retention.py): after the years without training the
    # partnership keeps delegates' details, or at their request. The bookings and evaluations stay, for the figures.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = DelegateQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        # The admin's list of delegates, in this order, reads its page from the index instead of sorting them all.
        indexes = [models.Index(fields=["name", "id"], name="training_delegate_by_name")]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="training_delegate_email_unique_ci", violation_error_message=DELEGATE_EMAIL_TAKEN
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | ~Q(organisation=""),
                name="training_delegate_has_organisation",
                violation_error_message=DELEGATE_NEEDS_ORGANISATION,
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def organisation_name(self):
        return self.agency.name if self.agency_id else self.organisation

    def clean(self):
        self.name = (self.name or "").strip()
        self.email = (self.email or "").strip()
        self.organisation = (self.organisation or "").strip()
        if not self.agency_id and not self.organisation:
            raise ValidationError({"organisation": DELEGATE_NEEDS_ORGANISATION})


class BookingStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting manager approval"
    BOOKED = "booked", "Booked"
    WAITING_LIST = "waiting_list", "Waiting list"
    DECLINED = "declined", "Declined by line manager"
    CANCELLED_BY_DELEGATE = "cancelled_by_delegate", "Cancelled by delegate"
    CANCELLED_BY_ORGANISER = "cancelled_by_organiser", "Cancelled by organiser"
    ATTENDED = "attended", "Attended"
    NO_SHOW = "no_show", "No-show"


# The status as the delegate's own page tells it to them: the labels above are the organisers' words.
STATUS_FOR_THE_DELEGATE = {
    BookingStatus.AWAITING_APPROVAL: "Waiting for your line manager's approval",
    BookingStatus.BOOKED: "Booked",
    BookingStatus.WAITING_LIST: "On the waiting list",
    BookingStatus.DECLINED: "Declined by your line manager",
    BookingStatus.CANCELLED_BY_DELEGATE: "Cancelled by you",
    BookingStatus.CANCELLED_BY_ORGANISER: "Cancelled by the organisers",
    BookingStatus.ATTENDED: "Attended",
    BookingStatus.NO_SHOW: "Not attended",
}

# A live booking stands: the delegate holds or waits for a place. A delegate has at most one per session.
LIVE_STATUSES = (
    BookingStatus.AWAITING_APPROVAL,
    BookingStatus.BOOKED,
    BookingStatus.WAITING_LIST,
    BookingStatus.ATTENDED,
    BookingStatus.NO_SHOW,
)
# The bookings that take one of the session's places (capacity + overbooking allowance).
PLACE_STATUSES = (
    BookingStatus.AWAITING_APPROVAL,
    BookingStatus.BOOKED,
    BookingStatus.ATTENDED,
    BookingStatus.NO_SHOW,
)
ENDED_STATUSES = (
    BookingStatus.DECLINED,
    BookingStatus.CANCELLED_BY_DELEGATE,
    BookingStatus.CANCELLED_BY_ORGANISER,
)


class Booking(models.Model):
    session = models.ForeignKey(CourseSession, on_delete=models.PROTECT, related_name="bookings")
    delegate = models.ForeignKey(Delegate, on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(max_length=30, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    # When the booking was made: the waiting list is first come, first served in this order.
    created_at = models.DateTimeField(default=timezone.now, validators=record_date())
    status_changed_at = models.DateTimeField(default=timezone.now, validators=record_date())
    booked_by_email = models.EmailField(
        blank=True, help_text="Who made the booking, when not the delegate (a team administrator)."
    )
    # Who approves this booking, where the course needs approval: the line manager given with it, never the one
    # on the delegate's record (which anyone typing the delegate's address could have chosen).
    line_manager_email = models.EmailField(
        blank=True,
        help_text="The line manager given with this booking: where the course needs approval, the approval link "
        "goes to them.",
    )
    approval_requested_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    approved_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    promoted_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the booking was moved up from the waiting list.",
        validators=record_date(),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    cancelled_reason = models.CharField(max_length=500, blank=True)
    # Sent-markers, so that each evaluation e-mail goes once.
    after_evaluation_sent_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    follow_up_sent_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "created_at", "id"]
        indexes = [
            models.Index(fields=["session", "status", "created_at"], name="training_booking_queue"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                condition=Q(status__in=LIVE_STATUSES),
                name="training_booking_one_live_per_delegate",
                violation_error_message=ALREADY_BOOKED,
            ),
        ]

    def __str__(self):
        return f"{self.delegate.name} on {self.session} ({self.get_status_display().lower()})"

    @property
    def is_live(self):
        return self.status in LIVE_STATUSES

    @property
    def status_for_the_delegate(self):
        return STATUS_FOR_THE_DELEGATE.get(self.status, self.get_status_display())

    @property
    def takes_a_place(self):
        return self.status in PLACE_STATUSES

    def set_status(self, status, *, at=None):
        self.status = status
        self.status_changed_at = at or timezone.now()
