"""The sessions a course runs as: when and where, who trains, how many places, and when booking closes.

Booking closes a number of working days before the session (default 3, `lscp.working_days`); the last day a place
can be booked is stored on the session (`booking_closes_on`, indexed), recomputed on every save, so the calendar
and the booking service read one date.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, record_date
from lscp.fields import LimitedTextField
from lscp.working_days import add_working_days
from partnership.models import Agency

from .courses import Course

__all__ = [
    "SessionStatus",
    "CourseSession",
    "DEFAULT_BOOKING_CLOSES_WORKING_DAYS",
    "SESSION_ENDS_BEFORE_START",
    "SESSION_NEEDS_CAPACITY",
    "SESSION_NEEDS_PLACE",
    "SESSION_CANCELLED_NEEDS_REASON",
    "SESSION_ONLINE_NEEDS_INSTRUCTIONS",
]

DEFAULT_BOOKING_CLOSES_WORKING_DAYS = 3

SESSION_ENDS_BEFORE_START = "The session must end after it starts."
SESSION_NEEDS_CAPACITY = "A session has at least one place."
SESSION_NEEDS_PLACE = "Give the venue, or tick “online”."
SESSION_CANCELLED_NEEDS_REASON = "Say why the session is cancelled: the delegates are told."
SESSION_ONLINE_NEEDS_INSTRUCTIONS = "Say how delegates join the online session (for example the meeting link)."


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"
    HELD = "held", "Held"


class CourseSession(models.Model):
    """One running of a course (named so as not to be confused with a browser's session)."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField(validators=record_date())
    ends_at = models.DateTimeField(validators=record_date())
    venue = models.CharField(max_length=300, blank=True, help_text="The address, for a session in person.")
    online = models.BooleanField(default=False)
    joining_instructions = LimitedTextField(
        blank=True, help_text="Sent to booked delegates: the meeting link, or directions and parking."
    )
    trainers = models.CharField(max_length=300, blank=True, help_text="Names of the trainers.")
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="co_delivered_sessions", help_text="Agencies co-delivering this session."
    )
    capacity = models.PositiveIntegerField(help_text="Places in the room or online.")
    overbooking_allowance = models.PositiveIntegerField(
        default=0, help_text="Places booked beyond the capacity, because some delegates drop out."
    )
    booking_closes_working_days = models.PositiveSmallIntegerField(
        default=DEFAULT_BOOKING_CLOSES_WORKING_DAYS,
        help_text="Booking closes this many working days before the session.",
    )
    booking_closes_on = models.DateField(
        editable=False,
        db_index=True,
        help_text="The last day a place can be booked (computed).",
        validators=record_date(),
    )
    cancellation_deadline = models.DateField(
        null=True,
        blank=True,
        help_text="Delegates who cancel after this day (or do not come) may be charged.",
        validators=record_date(),
    )
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    cancelled_reason = LimitedTextField(blank=True)
    # Set when an organiser takes the register (training/services/organiser.py, take_register); the after-session
    # evaluations are sent from then.
    register_taken_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    register_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"], name="training_session_starts")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="training_session_ends_after_start",
                violation_error_message=SESSION_ENDS_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(capacity__gt=0),
                name="training_session_has_places",
                violation_error_message=SESSION_NEEDS_CAPACITY,
            ),
            models.CheckConstraint(
                condition=Q(overbooking_allowance__gte=0), name="training_session_allowance_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(status=SessionStatus.CANCELLED) | ~Q(cancelled_reason=""),
                name="training_session_cancelled_has_reason",
                violation_error_message=SESSION_CANCELLED_NEEDS_REASON,
            ),
        ]

    def __str__(self):
        return f"{self.course} — {long_date(self.starts_at, with_time=True)}"

    def save(self, *args, **kwargs):
        if self.starts_at:
            self.booking_closes_on = self.compute_booking_closes_on()
        super().save(*args, **kwargs)

    @property
    def places_limit(self):
        """Places that may be taken: the capacity plus the overbooking allowance."""
        return self.capacity + self.overbooking_allowance

    def compute_booking_closes_on(self):
        return add_working_days(timezone.localdate(self.starts_at), -self.booking_closes_working_days)

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = SESSION_ENDS_BEFORE_START
        if not self.online and not (self.venue or "").strip():
            errors["venue"] = SESSION_NEEDS_PLACE
        if self.online and not (self.joining_instructions or "").strip():
            errors["joining_instructions"] = SESSION_ONLINE_NEEDS_INSTRUCTIONS
        if self.status == SessionStatus.CANCELLED and not (self.cancelled_reason or "").strip():
            errors["cancelled_reason"] = SESSION_CANCELLED_NEEDS_REASON
        if errors:
            raise ValidationError(errors)
