"""Multi-agency audits (about two a year, on a theme from the priorities) and the single-agency audits agencies
share with the partnership.

A multi-agency audit takes a sample of cases from each agency taking part, grades each case (outstanding, good,
requires improvement, inadequate), holds a workshop, and writes its findings and recommendations; the actions on
the recommendations are followed in the shared tracker (registered in audits/action_sources.py). A re-audit points
at the audit it repeats, so the change in grades since then can be measured (audits/selectors/audits.py).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lscp.dates import past_date, record_date
from lscp.fields import LimitedTextField
from partnership.models import Agency, Body, Meeting

from ._common import CASE_REFERENCE_HELP, NO_IDENTIFYING_DETAILS, not_before

__all__ = [
    "AuditKind",
    "Grade",
    "GRADE_ORDER",
    "MultiAgencyAudit",
    "AuditParticipation",
    "CaseJudgement",
    "AuditRecommendation",
    "AuditMethod",
    "SingleAgencyAudit",
    "REAUDIT_NEEDS_EARLIER_AUDIT",
    "NEW_AUDIT_HAS_NO_EARLIER_AUDIT",
    "REAUDIT_OF_ITSELF",
    "REAUDIT_OF_A_LATER_AUDIT",
    "JUDGEMENT_AGENCY_NOT_TAKING_PART",
    "MEETING_NOT_OF_BODY",
    "MEETING_WITHOUT_BODY",
]

REAUDIT_NEEDS_EARLIER_AUDIT = "A re-audit repeats an earlier audit: choose the audit it repeats."
NEW_AUDIT_HAS_NO_EARLIER_AUDIT = "Only a re-audit repeats an earlier audit: clear it, or make this a re-audit."
REAUDIT_OF_ITSELF = "An audit cannot be a re-audit of itself."
REAUDIT_OF_A_LATER_AUDIT = "The audit repeated (%(earlier)s) was planned after this one: choose an earlier audit."
JUDGEMENT_AGENCY_NOT_TAKING_PART = (
    "%(agency)s is not among the agencies taking part in this audit: add it to them first."
)
MEETING_NOT_OF_BODY = "That meeting was of %(meeting_body)s, not %(body)s: choose one of %(body)s's meetings."
MEETING_WITHOUT_BODY = "Choose the body the audit was presented to as well as the meeting."


class AuditKind(models.TextChoices):
    NEW = "new", "New audit"
    REAUDIT = "reaudit", "Re-audit of an earlier audit"


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


# Best first: the order of the distribution's columns.
GRADE_ORDER = [Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE]


class MultiAgencyAudit(models.Model):
    theme = models.CharField(max_length=200, help_text="For example: neglect, exploitation, the NRM.")
    priority = models.ForeignKey(
        "governance.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="multi_agency_audits",
        help_text="The partnership priority the theme comes from, if it comes from one.",
    )
    kind = models.CharField(max_length=20, choices=AuditKind.choices, default=AuditKind.NEW)
    earlier_audit = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reaudits",
        verbose_name="re-audit of",
        help_text="For a re-audit: the audit it repeats, to measure the change since.",
    )
    scope = LimitedTextField(
        blank=True, help_text="What the audit looked at and why: the cases sampled, the questions asked."
    )
    planned_on = models.DateField("planned for", null=True, blank=True, validators=record_date())
    held_on = models.DateField(
        "held on",
        null=True,
        blank=True,
        help_text="When the case audits were done. Empty while it is planned.",
        validators=past_date(),
    )
    workshop_on = models.DateField("workshop on", null=True, blank=True, validators=record_date())
    agencies = models.ManyToManyField(
        Agency, through="AuditParticipation", related_name="multi_agency_audits", verbose_name="agencies taking part"
    )
    strengths = LimitedTextField(blank=True, help_text="What the audit found working well. " + NO_IDENTIFYING_DETAILS)
    areas_for_development = LimitedTextField(blank=True, help_text=NO_IDENTIFYING_DETAILS)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-planned_on", "-held_on", "theme"]
        verbose_name = "multi-agency audit"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=AuditKind.NEW, earlier_audit__isnull=True)
                | Q(kind=AuditKind.REAUDIT, earlier_audit__isnull=False),
                name="multi_agency_audit_reaudit_has_earlier",
            ),
        ]

    def __str__(self):
        when = self.held_on or self.planned_on
        return f"{self.theme} ({when:%B %Y})" if when else self.theme

    def clean(self):
        errors = {}
        self.theme = (self.theme or "").strip()
        if self.kind == AuditKind.REAUDIT and not self.earlier_audit_id:
            errors["earlier_audit"] = REAUDIT_NEEDS_EARLIER_AUDIT
        elif self.kind == AuditKind.NEW and self.earlier_audit_id:
            errors["earlier_audit"] = NEW_AUDIT_HAS_NO_EARLIER_AUDIT
        elif self.earlier_audit_id and self.pk and self.earlier_audit_id == self.pk:
            errors["earlier_audit"] = REAUDIT_OF_ITSELF
        elif self.earlier_audit_id:
            earlier = self.earlier_audit
            mine, theirs = self.planned_on or self.held_on, earlier.planned_on or earlier.held_on
            if mine and theirs and theirs > mine:
                errors["earlier_audit"] = REAUDIT_OF_A_LATER_AUDIT % {"earlier": earlier}
        not_before(errors, self, "workshop_on", "held_on")
        if errors:
            raise ValidationError(errors)


class AuditParticipation(models.Model):
    """An agency taking part in a multi-agency audit, and how many of its cases it audited."""

    audit = models.ForeignKey(MultiAgencyAudit, on_delete=models.CASCADE, related_name="participations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="audit_participations")
    cases_audited = models.PositiveSmallIntegerField(default=0, help_text="How many of its cases the agency audited.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "agency__name"]
        verbose_name = "agency taking part"
        verbose_name_plural = "agencies taking part"
        constraints = [
            models.UniqueConstraint(fields=["audit", "agency"], name="audit_participation_once_per_agency"),
        ]

    def __str__(self):
        return f"{self.agency} in {self.audit}"


class CaseJudgement(models.Model):
    """The grade one agency gave one case it audited."""

    audit = models.ForeignKey(MultiAgencyAudit, on_delete=models.CASCADE, related_name="judgements")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="case_judgements")
    case_reference = models.CharField(max_length=40, help_text=CASE_REFERENCE_HELP)
    grade = models.CharField(max_length=30, choices=Grade.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "agency__name", "case_reference"]
        verbose_name = "graded case"
        indexes = [models.Index(fields=["audit", "grade"], name="case_judgement_audit_grade")]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "agency", "case_reference"], name="case_judgement_once_per_case_and_agency"
            ),
        ]

    def __str__(self):
        return f"{self.case_reference} ({self.agency}): {self.get_grade_display()}"

    def clean(self):
        self.case_reference = (self.case_reference or "").strip()
        if (
            self.audit_id
            and self.agency_id
            and not AuditParticipation.objects.filter(audit_id=self.audit_id, agency_id=self.agency_id).exists()
        ):
            raise ValidationError({"agency": JUDGEMENT_AGENCY_NOT_TAKING_PART % {"agency": self.agency}})


class AuditRecommendation(models.Model):
    """A recommendation of a multi-agency audit; its actions are followed in the shared tracker."""

    audit = models.ForeignKey(MultiAgencyAudit, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = LimitedTextField("recommendation", help_text=NO_IDENTIFYING_DETAILS)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_recommendations",
        help_text="The agency it is made to; empty for the whole partnership.",
    )
    # Deleting a recommendation deletes the actions raised from it.
    actions = GenericRelation("governance.Action", content_type_field="source_type", object_id_field="source_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "number"]
        verbose_name = "audit recommendation"
        constraints = [
            models.UniqueConstraint(fields=["audit", "number"], name="audit_recommendation_number_once_per_audit"),
        ]

    def __str__(self):
        return f"{self.audit}: recommendation {self.number}"


class AuditMethod(models.TextChoices):
    CASE_AUDIT = "case_audit", "Case audit"
    SURVEY = "survey", "Survey"
    DIP_SAMPLE = "dip_sample", "Dip sample"


class SingleAgencyAudit(models.Model):
    """An audit one agency did of its own work and shared with the partnership."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="single_agency_audits")
    topic = models.CharField(max_length=200)
    method = models.CharField(max_length=20, choices=AuditMethod.choices)
    date = models.DateField(help_text="When the audit was completed.", validators=past_date())
    key_findings = LimitedTextField(blank=True, help_text=NO_IDENTIFYING_DETAILS)
    presented_to = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="single_agency_audits",
        help_text="The body it was presented to, usually the Quality Assurance subgroup.",
    )
    presented_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="single_agency_audits",
        verbose_name="presented at meeting",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "agency__name"]
        verbose_name = "single-agency audit"
        indexes = [models.Index(fields=["date"], name="single_agency_audit_date")]

    def __str__(self):
        return f"{self.agency}: {self.topic}"

    def clean(self):
        self.topic = (self.topic or "").strip()
        if self.presented_at_id:
            if not self.presented_to_id:
                raise ValidationError({"presented_to": MEETING_WITHOUT_BODY})
            meeting = self.presented_at
            if meeting.body_id != self.presented_to_id and meeting.joint_with_id != self.presented_to_id:
                raise ValidationError(
                    {"presented_at": MEETING_NOT_OF_BODY % {"meeting_body": meeting.body, "body": self.presented_to}}
                )
