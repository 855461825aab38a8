"""The record of every deadline reminder sent: one row per deadline, due date and lead time.

The unique constraints are what make each reminder go out once: the sender inserts the row and sends in one
transaction, so a second run (or a second worker at the same moment) finds the row, or waits on it and fails to
insert, and sends nothing. The due date is part of the key: when a deadline moves (the Panel was notified
earlier than its last day, so the rapid review is due sooner) its reminders are due again for the new date.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lscp.dates import record_date

from ..deadlines import RULES
from .incidents import SeriousIncident
from .practice import PracticeReview

__all__ = ["DeadlineReminder", "REMINDER_NEEDS_ONE_RECORD"]

REMINDER_NEEDS_ONE_RECORD = "A reminder is about one incident or one practice review."


class DeadlineReminder(models.Model):
    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    practice_review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    rule = models.CharField(max_length=30, choices=RULES.choices())
    due_date = models.DateField(validators=record_date())
    lead_working_days = models.PositiveSmallIntegerField("working days before")
    sent_at = models.DateTimeField(default=timezone.now, validators=record_date())
    sent_to = models.TextField("sent to", help_text="The addresses it went to, one a line.")

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "deadline reminder sent"
        verbose_name_plural = "deadline reminders sent"
        constraints = [
            models.CheckConstraint(
                condition=Q(incident__isnull=False, practice_review__isnull=True)
                | Q(incident__isnull=True, practice_review__isnull=False),
                name="deadline_reminder_one_record",
            ),
            models.UniqueConstraint(
                fields=["incident", "rule", "due_date", "lead_working_days"],
                condition=Q(incident__isnull=False),
                name="deadline_reminder_once_per_incident",
            ),
            models.UniqueConstraint(
                fields=["practice_review", "rule", "due_date", "lead_working_days"],
                condition=Q(practice_review__isnull=False),
                name="deadline_reminder_once_per_review",
            ),
        ]

    def __str__(self):
        return (
            f"{self.incident or self.practice_review}: {RULES[self.rule].title}, {self.lead_working_days} days before"
        )

    def clean(self):
        if bool(self.incident_id) == bool(self.practice_review_id):
            raise ValidationError(REMINDER_NEEDS_ONE_RECORD)
