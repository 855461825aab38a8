"""The log of who opened a case review record's page, and when: the business manager reads it in the admin.

Written by the pages themselves on every opening (never edited), so it needs no change history of its own."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lscp.dates import long_date, record_date

from .incidents import SeriousIncident
from .practice import PracticeReview

__all__ = ["ReviewViewing", "VIEWING_NEEDS_ONE_RECORD"]

VIEWING_NEEDS_ONE_RECORD = "A viewing is of one incident or one practice review."


class ReviewViewing(models.Model):
    viewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_viewings", verbose_name="who"
    )
    viewed_at = models.DateTimeField("when", default=timezone.now, db_index=True, validators=record_date())
    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.CASCADE, null=True, blank=True, related_name="viewings"
    )
    practice_review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, null=True, blank=True, related_name="viewings"
    )

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = "case review record viewed"
        verbose_name_plural = "case review records viewed"
        constraints = [
            models.CheckConstraint(
                condition=Q(incident__isnull=False, practice_review__isnull=True)
                | Q(incident__isnull=True, practice_review__isnull=False),
                name="review_viewing_one_record",
            ),
        ]

    def __str__(self):
        when = long_date(self.viewed_at, with_time=True)
        return f"{self.incident or self.practice_review} viewed by {self.viewed_by} on {when}"

    @property
    def record(self):
        return self.incident or self.practice_review

    def clean(self):
        if bool(self.incident_id) == bool(self.practice_review_id):
            raise ValidationError(VIEWING_NEEDS_ONE_RECORD)
