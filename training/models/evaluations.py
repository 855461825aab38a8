"""Evaluations of a booking: before the session, after it, and a follow-up three to six months later. Each scores
confidence from 1 to 5 per learning outcome and says whether practice has changed and how."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import record_date
from lscp.fields import LimitedTextField

from .bookings import Booking
from .courses import LearningOutcome

__all__ = [
    "EvaluationStage",
    "Evaluation",
    "EvaluationScore",
    "EVALUATION_ALREADY_GIVEN",
    "SCORE_OUT_OF_RANGE",
    "OUTCOME_SCORED_TWICE",
]

EVALUATION_ALREADY_GIVEN = "This evaluation has already been sent: thank you."
SCORE_OUT_OF_RANGE = "Give a score from 1 (not confident) to 5 (very confident)."
OUTCOME_SCORED_TWICE = "This learning outcome is already scored in this evaluation."


class EvaluationStage(models.TextChoices):
    BEFORE = "before", "Before the session"
    AFTER = "after", "After the session"
    FOLLOW_UP = "follow_up", "Follow-up (3–6 months later)"


class Evaluation(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="evaluations")
    stage = models.CharField(max_length=20, choices=EvaluationStage.choices)
    submitted_at = models.DateTimeField(default=timezone.now, validators=record_date())
    practice_changed = models.BooleanField(null=True, blank=True, help_text="Has your practice changed?")
    practice_change = LimitedTextField(blank=True, help_text="How your practice has changed.")
    comments = LimitedTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["booking", "submitted_at", "id"]
        indexes = [models.Index(fields=["stage", "submitted_at"], name="training_evaluation_stage")]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "stage"],
                name="training_evaluation_once_per_stage",
                violation_error_message=EVALUATION_ALREADY_GIVEN,
            ),
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.booking}"


class EvaluationScore(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    outcome = models.ForeignKey(LearningOutcome, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(help_text="Confidence from 1 (not confident) to 5 (very confident).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "outcome__order", "outcome_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5),
                name="training_score_one_to_five",
                violation_error_message=SCORE_OUT_OF_RANGE,
            ),
            models.UniqueConstraint(
                fields=["evaluation", "outcome"],
                name="training_score_once_per_outcome",
                violation_error_message=OUTCOME_SCORED_TWICE,
            ),
        ]

    def __str__(self):
        return f"{self.score}/5: {self.outcome}"
