"""Training income: course fees and no-show charges paid by agencies and other organisations, per financial
year (the governance finance statement keeps the partnership's budget; this is the training programme's own
record)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lscp.dates import check_day, long_date, past_date
from lscp.financial_year import FinancialYear, FinancialYearField
from partnership.models import Agency

__all__ = [
    "IncomeKind",
    "TrainingIncome",
    "INCOME_NEEDS_PAYER",
    "INCOME_AMOUNT_NEGATIVE",
    "INCOME_RECEIVED_OUTSIDE_YEAR",
]

INCOME_NEEDS_PAYER = "Choose the paying agency, or give the payer's name."
INCOME_AMOUNT_NEGATIVE = "Enter the amount as a positive sum in pounds and pence."
INCOME_RECEIVED_OUTSIDE_YEAR = "%(date)s is not in the financial year %(year)s."


class IncomeKind(models.TextChoices):
    COURSE_FEES = "course_fees", "Course fees"
    NO_SHOW_CHARGES = "no_show_charges", "No-show and late cancellation charges"
    OTHER = "other", "Other"


class TrainingIncome(models.Model):
    year = FinancialYearField(help_text="For example 2022/23.")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="training_income")
    payer = models.CharField(max_length=200, blank=True, help_text="The payer's name when it is not a listed agency.")
    kind = models.CharField(max_length=20, choices=IncomeKind.choices, default=IncomeKind.COURSE_FEES)
    description = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2, help_text="In pounds and pence.")
    received_on = models.DateField(null=True, blank=True, validators=past_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "received_on", "id"]
        verbose_name_plural = "training income"
        indexes = [models.Index(fields=["year"], name="training_income_year")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="training_income_amount_not_negative",
                violation_error_message=INCOME_AMOUNT_NEGATIVE,
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | ~Q(payer=""),
                name="training_income_has_payer",
                violation_error_message=INCOME_NEEDS_PAYER,
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.agency or self.payer} £{self.amount}"

    def clean(self):
        errors = {}
        self.payer = (self.payer or "").strip()
        if not self.agency_id and not self.payer:
            errors["payer"] = INCOME_NEEDS_PAYER
        if self.amount is not None and self.amount < 0:
            errors["amount"] = INCOME_AMOUNT_NEGATIVE
        if self.received_on and check_day(self.received_on, past=True):
            pass  # outside the records' range: the field's own validator says so, and no year can be read from it
        elif self.received_on and not self.year:
            self.year = FinancialYear.for_date(self.received_on)
        elif self.received_on and self.year and self.received_on not in FinancialYear.parse(self.year):
            errors["received_on"] = INCOME_RECEIVED_OUTSIDE_YEAR % {
                "date": long_date(self.received_on),
                "year": self.year,
            }
        if errors:
            raise ValidationError(errors)
