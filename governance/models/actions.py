"""The shared action tracker: every action the partnership follows up, whatever raised it.

An action points at what it came from through one generic link (`source`): a priority activity now; a
practice review recommendation, an audit finding or a Section 11 standard when those apps arrive, each
declared by its own app (see `governance.action_sources`). Its due date is stored and indexed so that the
weekly digest and the overdue dashboard are single indexed queries; "overdue" itself is derived, never stored.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date, record_date
from lscp.fields import LimitedTextField
from lscp.validators import validate_document
from partnership.models import Agency, Body, Person

from .. import action_sources

__all__ = [
    "ActionStatus",
    "Rag",
    "CLOSED_STATUSES",
    "ActionQuerySet",
    "Action",
    "ActionUpdate",
    "ActionDigest",
    "ACTION_SOURCE_INCOMPLETE",
    "ACTION_SOURCE_NOT_ALLOWED",
    "ACTION_SOURCE_MISSING",
    "ACTION_OWNER_NOT_IN_AGENCY",
    "ACTION_COMPLETE_NEEDS_DATE",
    "ACTION_COMPLETED_ON_ONLY_WHEN_COMPLETE",
    "ACTION_COMPLETED_IN_FUTURE",
    "UPDATE_IN_FUTURE",
]

ACTION_SOURCE_INCOMPLETE = "Choose both the kind of record this action comes from and which one, or neither."
ACTION_SOURCE_NOT_ALLOWED = "Actions cannot be raised from that kind of record."
ACTION_SOURCE_MISSING = "There is no %(kind)s number %(id)s to raise this action from."
ACTION_OWNER_NOT_IN_AGENCY = "%(person)s works for %(their_agency)s, not %(agency)s: choose someone from %(agency)s."
ACTION_COMPLETE_NEEDS_DATE = "Give the date the action was completed."
ACTION_COMPLETED_ON_ONLY_WHEN_COMPLETE = "Only a complete action has a completion date: clear it, or mark it complete."
ACTION_COMPLETED_IN_FUTURE = "An action cannot be completed on a date that has not come yet."
ACTION_COMPLETE_RATED_RED = (
    "A complete action cannot be rated Red (no progress): rate it Green, or Amber if it was done only in part."
)
UPDATE_IN_FUTURE = "A progress update cannot be dated in the future."


def action_source_choices():
    """The content types an action's source may be: the registered action sources (called by the admin, forms
    and validation each time, so a new source needs no migration)."""
    return action_sources.kinds_query()


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    COMPLETE = "complete", "Complete"
    CANCELLED = "cancelled", "Cancelled"


CLOSED_STATUSES = (ActionStatus.COMPLETE, ActionStatus.CANCELLED)


class Rag(models.TextChoices):
    """The 2016/17 LSCB report's meanings."""

    GREEN = "green", "Green: considerable progress"
    AMBER = "amber", "Amber: some progress"
    RED = "red", "Red: no progress, or considerable challenges"


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today=None):
        """Open actions whose due date has passed (an action due today is not yet overdue)."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def due_soon(self, today=None, *, days=14):
        """Open actions due between today and `days` days from now, inclusive."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__gte=today, due_date__lte=today + timedelta(days=days))

    def from_source(self, source):
        return self.filter(source_type=ContentType.objects.get_for_model(source), source_id=source.pk)


class Action(models.Model):
    title = models.CharField(max_length=300)
    description = LimitedTextField(blank=True)
    source_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to=action_source_choices,
        error_messages={"invalid": ACTION_SOURCE_NOT_ALLOWED},
        related_name="+",
        verbose_name="comes from (kind)",
        help_text="The kind of record this action comes from, if it comes from one: a priority's activity, a "
        "review's or an audit's recommendation, a national review, a Section 11 standard.",
    )
    source_id = models.PositiveBigIntegerField(
        "comes from (number)",
        null=True,
        blank=True,
        help_text="Which one: the number in its address in the admin (…/42/change/ is 42). Simpler: add the action "
        "on that record's own page, under “actions raised from this …”, and it is linked for you.",
    )
    source = GenericForeignKey("source_type", "source_id")
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="actions", help_text="The agency that must do it."
    )
    owner_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The named person in that agency, if there is one.",
    )
    lead_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The body that oversees it; its chairs can update it.",
    )
    due_date = models.DateField(db_index=True, validators=record_date())
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    rag = models.CharField(
        "RAG rating",
        max_length=10,
        choices=Rag.choices,
        blank=True,
        help_text="Green: considerable progress. Amber: some progress. Red: no progress, or considerable "
        "challenges. Leave empty until it is first rated.",
    )
    completed_on = models.DateField(
        null=True, blank=True, help_text="Only for a complete action.", validators=past_date(ACTION_COMPLETED_IN_FUTURE)
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["status", "due_date"], name="action_status_due"),
            models.Index(fields=["source_type", "source_id"], name="action_source"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActionStatus.COMPLETE, completed_on__isnull=False)
                | (~Q(status=ActionStatus.COMPLETE) & Q(completed_on__isnull=True)),
                name="action_completed_on_iff_complete",
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="action_source_complete_or_empty",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    def is_overdue_on(self, day):
        return not self.is_closed and self.due_date is not None and self.due_date < day

    @property
    def is_overdue(self):
        return self.is_overdue_on(timezone.localdate())

    def clean(self):
        errors = {}
        if (self.source_type_id is None) != (self.source_id is None):
            errors["source_id"] = ACTION_SOURCE_INCOMPLETE
        elif self.source_type_id is not None:
            kind = self.source_type
            # An unregistered kind is refused by the field itself (limit_choices_to).
            if action_sources.source_for(kind) is not None:
                try:
                    kind.get_object_for_this_type(pk=self.source_id)
                except ObjectDoesNotExist:
                    errors["source_id"] = ValidationError(
                        ACTION_SOURCE_MISSING % {"kind": kind.name, "id": self.source_id}
                    )
        if self.owner_person_id and self.owner_agency_id and self.owner_person.agency_id != self.owner_agency_id:
            errors["owner_person"] = ValidationError(
                ACTION_OWNER_NOT_IN_AGENCY
                % {
                    "person": self.owner_person,
                    "their_agency": self.owner_person.agency,
                    "agency": self.owner_agency,
                }
            )
        if self.status == ActionStatus.COMPLETE and not self.completed_on:
            errors["completed_on"] = ACTION_COMPLETE_NEEDS_DATE
        elif self.status != ActionStatus.COMPLETE and self.completed_on:
            errors["completed_on"] = ACTION_COMPLETED_ON_ONLY_WHEN_COMPLETE
        if self.status == ActionStatus.COMPLETE and self.rag == Rag.RED:
            errors["rag"] = ACTION_COMPLETE_RATED_RED
        if errors:
            raise ValidationError(errors)


class ActionUpdate(models.Model):
    """A dated note of progress on an action, with evidence if there is some."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate, validators=past_date(UPDATE_IN_FUTURE))
    text = LimitedTextField("progress")
    evidence = models.FileField(
        upload_to="action-evidence/%Y/",
        blank=True,
        validators=[validate_document],
        help_text="PDF, Word or Excel, up to 20 MB.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_updates"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created"]
        verbose_name = "progress update"

    def __str__(self):
        return f"{self.action} – {long_date(self.date)}"

    # A date in the future is refused by the field's validator (UPDATE_IN_FUTURE).

    def file_download_url(self, field_name):
        return reverse("governance:action_evidence", args=[self.pk])


class ActionDigest(models.Model):
    """The weekly e-mail of overdue and due-soon actions sent to one person, one row per person per week.

    The unique constraint is what makes the digest go out at most once a week: the sender inserts this
    row and sends in one transaction, so a second run (or a second worker at the same moment) finds the
    row, or waits on it and fails to insert, and sends nothing.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="action_digests")
    week_start = models.DateField(
        "week beginning", help_text="The Monday of the week the digest was for.", validators=record_date()
    )
    sent_at = models.DateTimeField(default=timezone.now, validators=record_date())
    email = models.EmailField("sent to", blank=True)
    action_count = models.PositiveIntegerField("actions listed")

    class Meta:
        ordering = ["-week_start", "person__name"]
        verbose_name = "action digest sent"
        verbose_name_plural = "action digests sent"
        constraints = [
            models.UniqueConstraint(fields=["person", "week_start"], name="action_digest_once_a_week"),
        ]

    def __str__(self):
        return f"{self.person}, week beginning {long_date(self.week_start)}"
