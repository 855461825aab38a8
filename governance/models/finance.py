"""The partnership's money, per financial year and borough, in pounds and pence.

Only the lines are stored: partners' contributions (income), expenditure lines and the reserves
brought forward. Totals, the variance (income − expenditure) and the reserves carried forward are
always computed (governance.selectors.finance_statement), so they can never disagree with the lines:
the published reports' hand-typed budget tables did.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lscp.financial_year import FinancialYearField
from partnership.models import Agency, LocalAuthority

__all__ = [
    "Contribution",
    "ExpenditureCategory",
    "ExpenditureLine",
    "ReservesBroughtForward",
    "CONTRIBUTION_NEEDS_SOURCE",
    "EXPENDITURE_OTHER_NEEDS_NOTE",
    "AMOUNT_NEGATIVE",
    "CONTRIBUTION_TAKEN",
]

CONTRIBUTION_NEEDS_SOURCE = "Choose the contributing agency, or describe the income (for example: LSCP training)."
EXPENDITURE_OTHER_NEEDS_NOTE = "Say what this other spending was (for example: TASP membership fee)."
AMOUNT_NEGATIVE = "Enter the amount as a positive sum in pounds and pence."
CONTRIBUTION_TAKEN = "This income line is already recorded for the borough and year: change that one instead."

_MONEY = {"max_digits": 12, "decimal_places": 2}


class Contribution(models.Model):
    """A line of income: a partner's contribution, or other income such as charges for training."""

    year = FinancialYearField(help_text="For example 2022/23.")
    borough = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="contributions")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        help_text="The contributing agency; leave empty for income that is not a partner's (training charges).",
    )
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the line reads in the finance table (for example: Children's Services, LSCP training). "
        "Leave empty to show the agency's name.",
    )
    amount = models.DecimalField(**_MONEY, help_text="In pounds and pence.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in the income table.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "borough__name", "order", "id"]
        indexes = [models.Index(fields=["year", "borough"], name="contribution_year_borough")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="contribution_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | ~Q(label=""), name="contribution_has_agency_or_label"
            ),
            models.UniqueConstraint(
                fields=["year", "borough", "agency", "label"],
                condition=Q(agency__isnull=False),
                name="contribution_unique_agency_line",
                violation_error_message=CONTRIBUTION_TAKEN,
            ),
            models.UniqueConstraint(
                fields=["year", "borough", "label"],
                condition=Q(agency__isnull=True),
                name="contribution_unique_other_income_line",
                violation_error_message=CONTRIBUTION_TAKEN,
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.borough}: {self.source_name} £{self.amount:,}"

    @property
    def source_name(self):
        return self.label or (self.agency.name if self.agency_id else "")

    def clean(self):
        errors = {}
        self.label = (self.label or "").strip()
        if not self.agency_id and not self.label:
            errors["label"] = CONTRIBUTION_NEEDS_SOURCE
        if self.amount is not None and self.amount < 0:
            errors["amount"] = AMOUNT_NEGATIVE
        if errors:
            raise ValidationError(errors)


class ExpenditureCategory(models.TextChoices):
    STAFFING = "staffing", "Staffing"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    REVIEWS = "reviews", "Reviews"
    TRAINING = "training", "Training"
    OTHER = "other", "Other"


class ExpenditureLine(models.Model):
    year = FinancialYearField(help_text="For example 2022/23.")
    borough = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="expenditure_lines")
    category = models.CharField(max_length=20, choices=ExpenditureCategory.choices)
    note = models.CharField(max_length=200, blank=True, help_text="What it paid for; needed for “other”.")
    amount = models.DecimalField(**_MONEY, help_text="In pounds and pence.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "borough__name", "category", "id"]
        indexes = [models.Index(fields=["year", "borough"], name="expenditure_year_borough")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="expenditure_amount_not_negative"),
            models.UniqueConstraint(
                fields=["year", "borough", "category", "note"], name="expenditure_line_unique_in_year"
            ),
        ]

    def __str__(self):
        note = f" ({self.note})" if self.note else ""
        return f"{self.year} {self.borough}: {self.get_category_display()}{note} £{self.amount:,}"

    def clean(self):
        errors = {}
        self.note = (self.note or "").strip()
        if self.category == ExpenditureCategory.OTHER and not self.note:
            errors["note"] = EXPENDITURE_OTHER_NEEDS_NOTE
        if self.amount is not None and self.amount < 0:
            errors["amount"] = AMOUNT_NEGATIVE
        if errors:
            raise ValidationError(errors)


class ReservesBroughtForward(models.Model):
    """What a borough's partnership budget held at the start of the year (negative for a deficit).
    Without this record the reserves carried forward are unknown, not zero."""

    year = FinancialYearField(help_text="The year they are brought forward into, for example 2022/23.")
    borough = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="reserves")
    amount = models.DecimalField(**_MONEY, help_text="In pounds and pence; negative for a deficit.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "borough__name"]
        verbose_name = "reserves brought forward"
        verbose_name_plural = "reserves brought forward"
        constraints = [models.UniqueConstraint(fields=["year", "borough"], name="one_reserves_line_per_borough_year")]

    def __str__(self):
        return f"{self.year} {self.borough}: £{self.amount:,}"
