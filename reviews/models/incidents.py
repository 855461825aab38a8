"""Serious incidents and their rapid reviews.

A serious incident is logged under a code name the day the local authority learns of it; the deadlines for
notifying the National Panel and for the rapid review are worked out from its dates and stored (indexed) on
it, so the deadlines dashboard and the reminders are plain queries. The rapid review is a separate record
because its decision can only exist once the review does.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date
from lscp.fields import LimitedTextField
from partnership.models import Agency, Body, LocalAuthority

from ..deadlines import PANEL_NOTIFICATION, RAPID_REVIEW
from ._common import CODE_NAME_HELP, NO_IDENTIFYING_DETAILS, not_before

__all__ = [
    "AgeBand",
    "IncidentKind",
    "ABUSE_CATEGORIES",
    "SeriousIncident",
    "Decision",
    "DECISIONS_LEADING_TO_A_REVIEW",
    "RapidReview",
    "RapidReviewMeeting",
    "PANEL_REFERENCE_WITHOUT_DATE",
    "DECISION_NEEDS_RATIONALE",
    "DECISION_NEEDS_DATE",
    "DECISION_DETAILS_WITHOUT_DECISION",
]

PANEL_REFERENCE_WITHOUT_DATE = "Give the date the National Panel was notified along with its reference."
DECISION_NEEDS_RATIONALE = "Give the rationale for the decision: the National Panel will ask for it."
DECISION_NEEDS_DATE = "Give the date the decision was made."
DECISION_DETAILS_WITHOUT_DECISION = "Choose the decision, or clear its rationale, date and who made it."


class AgeBand(models.TextChoices):
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_9 = "5_9", "5 to 9"
    AGE_10_15 = "10_15", "10 to 15"
    AGE_16_17 = "16_17", "16 to 17"
    CARE_LEAVER = "18_25", "18 to 25 (care leaver)"


class IncidentKind(models.TextChoices):
    DEATH = "death", "Death"
    SERIOUS_HARM = "serious_harm", "Serious harm"


# The categories of abuse in Working Together, one flag each (a child can suffer more than one).
ABUSE_CATEGORIES = {
    "abuse_physical": "physical abuse",
    "abuse_emotional": "emotional abuse",
    "abuse_sexual": "sexual abuse",
    "abuse_neglect": "neglect",
}


class SeriousIncident(models.Model):
    """A child died or was seriously harmed and abuse or neglect is known or suspected. There is no field for
    the child's name: the code name is all the record ever calls them."""

    code_name = models.CharField(max_length=60, unique=True, help_text=CODE_NAME_HELP)
    occurred_on = models.DateField("date of the incident", validators=past_date())
    la_aware_on = models.DateField(
        "local authority became aware on",
        help_text="The National Panel must be notified within 5 working days.",
        validators=past_date(),
    )
    borough = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="serious_incidents")
    age_band = models.CharField("child's age band", max_length=10, choices=AgeBand.choices)
    kind = models.CharField(max_length=20, choices=IncidentKind.choices)
    abuse_physical = models.BooleanField("physical abuse", default=False)
    abuse_emotional = models.BooleanField("emotional abuse", default=False)
    abuse_sexual = models.BooleanField("sexual abuse", default=False)
    abuse_neglect = models.BooleanField("neglect", default=False)
    looked_after = models.BooleanField("looked-after child", default=False)
    circumstances = LimitedTextField("circumstances in outline", blank=True, help_text=NO_IDENTIFYING_DETAILS)
    notified_panel_on = models.DateField("National Panel notified on", null=True, blank=True, validators=past_date())
    panel_reference = models.CharField("National Panel reference", max_length=60, blank=True)
    # Worked out from the dates above on every save (reviews/deadlines.py); never typed in.
    panel_notification_due = models.DateField("notify the Panel by", editable=False)
    rapid_review_due = models.DateField("rapid review due by", editable=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-la_aware_on", "code_name"]
        indexes = [
            # The open deadlines: what the dashboard and the reminders query.
            models.Index(
                fields=["panel_notification_due"],
                condition=Q(notified_panel_on__isnull=True),
                name="incident_notification_open",
            ),
            models.Index(fields=["rapid_review_due"], name="incident_rapid_review_due"),
            models.Index(fields=["la_aware_on"], name="incident_aware_on"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(la_aware_on__gte=models.F("occurred_on")), name="incident_aware_after_it_happened"
            ),
            models.CheckConstraint(
                condition=Q(notified_panel_on__isnull=True) | Q(notified_panel_on__gte=models.F("la_aware_on")),
                name="incident_notified_after_aware",
            ),
        ]

    def __str__(self):
        return self.code_name

    def save(self, *args, **kwargs):
        self.compute_due_dates()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "panel_notification_due", "rapid_review_due"}
        super().save(*args, **kwargs)

    @property
    def abuse_categories(self):
        return [label for field, label in ABUSE_CATEGORIES.items() if getattr(self, field)]

    def compute_due_dates(self):
        self.panel_notification_due = PANEL_NOTIFICATION.due(self.la_aware_on)
        self.rapid_review_due = RAPID_REVIEW.due(self.notified_panel_on or self.panel_notification_due)

    def clean(self):
        errors = {}
        self.code_name = (self.code_name or "").strip()
        self.panel_reference = (self.panel_reference or "").strip()
        not_before(errors, self, "la_aware_on", "occurred_on")
        not_before(errors, self, "notified_panel_on", "la_aware_on")
        if self.panel_reference and not self.notified_panel_on:
            errors.setdefault("notified_panel_on", PANEL_REFERENCE_WITHOUT_DATE)
        if errors:
            raise ValidationError(errors)


class Decision(models.TextChoices):
    LCSPR = "lcspr", "Local child safeguarding practice review"
    OTHER_LEARNING_REVIEW = "other_learning_review", "Other local learning review"
    NO_FURTHER_REVIEW = "no_further_review", "No further review"
    NATIONAL_REVIEW = "national_review", "National review taken by the National Panel"


DECISIONS_LEADING_TO_A_REVIEW = (Decision.LCSPR, Decision.OTHER_LEARNING_REVIEW)


class RapidReview(models.Model):
    incident = models.OneToOneField(SeriousIncident, on_delete=models.PROTECT, related_name="rapid_review")
    started_on = models.DateField(validators=past_date())
    agencies = models.ManyToManyField(
        Agency, related_name="rapid_reviews", blank=True, verbose_name="agencies contributing"
    )
    submitted_to_panel_on = models.DateField(
        "submitted to the National Panel on", null=True, blank=True, validators=past_date()
    )
    panel_response_on = models.DateField("National Panel responded on", null=True, blank=True, validators=past_date())
    panel_response_summary = LimitedTextField(
        "National Panel's response in summary", blank=True, help_text=NO_IDENTIFYING_DETAILS
    )
    decision = models.CharField(max_length=30, choices=Decision.choices, blank=True)
    rationale = LimitedTextField(blank=True, help_text=NO_IDENTIFYING_DETAILS)
    decided_by = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapid_review_decisions",
        help_text="The body that made the decision: the safeguarding partners or the Case Review Subgroup.",
    )
    decided_on = models.DateField(null=True, blank=True, validators=past_date())
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["-started_on"]
        indexes = [models.Index(fields=["decided_on"], name="rapid_review_decided_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_on__isnull=False), name="rapid_review_decision_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(decision="") | Q(decided_on__isnull=True, decided_by__isnull=True),
                name="rapid_review_no_decision_details_without_decision",
            ),
        ]

    def __str__(self):
        return f"Rapid review: {self.incident}"

    @property
    def deadline_met_on_time(self):
        """Submitted to the Panel by the rapid review deadline (None while not yet submitted)."""
        if self.submitted_to_panel_on is None:
            return None
        return self.submitted_to_panel_on <= self.incident.rapid_review_due

    def clean(self):
        errors = {}
        if self.incident_id:
            aware = self.incident.la_aware_on
            if self.started_on and aware and self.started_on < aware:
                errors.setdefault(
                    "started_on",
                    f"A rapid review cannot start before the local authority became aware ({long_date(aware)}).",
                )
        not_before(errors, self, "submitted_to_panel_on", "started_on")
        not_before(errors, self, "panel_response_on", "submitted_to_panel_on")
        not_before(errors, self, "decided_on", "started_on")
        if self.decision:
            if not (self.rationale or "").strip():
                errors.setdefault("rationale", DECISION_NEEDS_RATIONALE)
            if not self.decided_on:
                errors.setdefault("decided_on", DECISION_NEEDS_DATE)
        elif self.decided_on or self.decided_by_id:
            errors.setdefault("decision", DECISION_DETAILS_WITHOUT_DECISION)
        if self.panel_response_summary.strip() and not self.panel_response_on:
            errors.setdefault("panel_response_on", "Give the date of the National Panel's response.")
        if errors:
            raise ValidationError(errors)


class RapidReviewMeeting(models.Model):
    rapid_review = models.ForeignKey(RapidReview, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(validators=past_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["rapid_review", "date"], name="rapid_review_meeting_once")]

    def __str__(self):
        return f"{self.rapid_review.incident}: meeting on {long_date(self.date)}"

    def clean(self):
        errors = {}
        if self.rapid_review_id and self.date and self.date < self.rapid_review.started_on:
            errors.setdefault("date", "A rapid review meeting cannot be before the review started.")
        if errors:
            raise ValidationError(errors)
