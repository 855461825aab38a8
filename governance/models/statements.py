"""Partners' yearly statements, with the inspections they report, for the "effectiveness of local services" chapter."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date, record_date
from lscp.fields import LimitedTextField
from lscp.financial_year import FinancialYearField
from partnership.models import Agency, LocalAuthority

__all__ = [
    "StatementStatus",
    "AgencyStatement",
    "Judgement",
    "Inspection",
    "STATEMENT_EMPTY",
    "STATEMENT_RETURN_NEEDS_COMMENTS",
]

STATEMENT_EMPTY = "Write the statement before sending it to the business manager."
STATEMENT_RETURN_NEEDS_COMMENTS = "Say what needs changing before returning the statement."


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned for changes"


class AgencyStatement(models.Model):
    """A partner's yearly account of its safeguarding work, for the "key work by partners" chapter."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="statements")
    year = FinancialYearField(help_text="For example 2022/23.")
    text = LimitedTextField(blank=True, max_length=30_000, help_text="Markdown: paragraphs, lists, bold and links.")
    status = models.CharField(max_length=20, choices=StatementStatus.choices, default=StatementStatus.DRAFT)
    manager_comments = LimitedTextField(
        "business manager's comments", blank=True, help_text="What needs changing, when it is returned."
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements_submitted",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements_decided",
        help_text="The business manager who accepted or returned it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_statement_per_agency_per_year")]

    def __str__(self):
        return f"{self.agency} – {self.year}"

    def clean(self):
        errors = {}
        if self.status != StatementStatus.DRAFT and not (self.text or "").strip():
            errors["text"] = STATEMENT_EMPTY
        if self.status == StatementStatus.RETURNED and not (self.manager_comments or "").strip():
            errors["manager_comments"] = STATEMENT_RETURN_NEEDS_COMMENTS
        if errors:
            raise ValidationError(errors)


class Judgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class Inspection(models.Model):
    """An inspection of a partner reported in its statement: Ofsted, CQC, HMICFRS …"""

    statement = models.ForeignKey(AgencyStatement, on_delete=models.CASCADE, related_name="inspections")
    name = models.CharField(
        "what was inspected",
        max_length=300,
        blank=True,
        help_text="As the report names it: Olive House children's home; children's services in Westminster.",
    )
    inspectorate = models.CharField(max_length=100, help_text="For example: Ofsted, CQC, HMICFRS.")
    kind = models.CharField(
        "kind of inspection", max_length=200, blank=True, help_text="For example: focused visit, JTAI, ILACS."
    )
    borough = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        help_text="The borough inspected, if it covered one borough.",
    )
    date = models.DateField(validators=past_date())
    judgement = models.CharField(
        max_length=30,
        choices=Judgement.choices,
        blank=True,
        help_text="Leave empty for a visit that is not graded, such as a focused visit.",
    )
    findings = LimitedTextField(blank=True, help_text="What the inspectors found, in a few sentences.")
    recommendations = LimitedTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "id"]

    def __str__(self):
        kind = f" {self.kind}" if self.kind else ""
        name = f" of {self.name}" if self.name else ""
        return f"{self.inspectorate}{kind}{name} – {long_date(self.date)}"

    def clean(self):
        errors = {}
        if errors:
            raise ValidationError(errors)
