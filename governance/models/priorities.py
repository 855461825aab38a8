"""The partnership's priorities and their activities, in the 2022/23 report's form: Activity | Purpose | Impact | What
next?

A priority belongs to a plan that covers one financial year or several (2022/23, or 2022/23 to 2024/25):
the plan period is stored as its first and last financial years, so "the priorities for 2023/24" is a
plain range query and a multi-year plan needs no text to be parsed.
"""

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from lscp.dates import record_date
from lscp.fields import LimitedTextField
from lscp.financial_year import FinancialYearField
from partnership.models import Agency, Body

__all__ = [
    "PriorityQuerySet",
    "Priority",
    "PriorityActivity",
    "ActivityMetric",
    "PLAN_ENDS_BEFORE_START",
    "ACTIVITY_ONE_LEAD",
]

PLAN_ENDS_BEFORE_START = "The plan cannot end before it starts: choose a last year on or after the first."
ACTIVITY_ONE_LEAD = "Choose either the body or the agency that leads this activity, not both."


class PriorityQuerySet(models.QuerySet):
    def for_year(self, year):
        """The priorities whose plan period includes the financial year."""
        return self.filter(first_year__lte=year, last_year__gte=year)


class Priority(models.Model):
    first_year = FinancialYearField(help_text="The first financial year of the plan, for example 2022/23.")
    last_year = FinancialYearField(
        help_text="The last financial year of the plan: the same as the first for a one-year plan."
    )
    number = models.PositiveSmallIntegerField(help_text="Its number in the plan: priority 1, 2, 3 …")
    title = models.CharField(max_length=300)
    description = LimitedTextField(blank=True, help_text="Why it is a priority; the chapter's opening.")
    history = HistoricalRecords()

    objects = PriorityQuerySet.as_manager()

    class Meta:
        ordering = ["-first_year", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["first_year", "number"], name="priority_number_unique_in_plan"),
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="priority_plan_years_in_order"),
        ]

    def __str__(self):
        return f"Priority {self.number} ({self.plan_period}): {self.title}"

    @property
    def plan_period(self):
        """ "2022/23" for a one-year plan, "2022/23 to 2024/25" for a longer one."""
        if self.first_year is None:
            return ""
        if self.last_year is None or self.last_year == self.first_year:
            return self.first_year.label
        return f"{self.first_year.label} to {self.last_year.label}"

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": PLAN_ENDS_BEFORE_START})


class PriorityActivity(models.Model):
    """One row of a priority's table."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="activities")
    activity = models.CharField(max_length=300)
    purpose = LimitedTextField(blank=True)
    impact = LimitedTextField(blank=True, help_text="What difference it made, with evidence where there is some.")
    what_next = LimitedTextField("what next?", blank=True)
    start_date = models.DateField(null=True, blank=True, validators=record_date())
    lead_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_activities",
        help_text="The body that leads it, if a body does.",
    )
    lead_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_activities",
        help_text="The agency that leads it, if an agency does.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in the priority's table.")
    # Deleting an activity deletes the actions raised from it (the admin lists them before confirming).
    actions = GenericRelation("governance.Action", content_type_field="source_type", object_id_field="source_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority_id", "order", "id"]
        verbose_name = "priority activity"
        verbose_name_plural = "priority activities"
        constraints = [
            models.UniqueConstraint(fields=["priority", "activity"], name="activity_unique_in_priority"),
            models.CheckConstraint(
                condition=Q(lead_body__isnull=True) | Q(lead_agency__isnull=True), name="activity_has_one_lead"
            ),
        ]

    def __str__(self):
        return self.activity

    @property
    def lead(self):
        return self.lead_body or self.lead_agency

    def clean(self):
        if self.lead_body_id and self.lead_agency_id:
            raise ValidationError({"lead_agency": ACTIVITY_ONE_LEAD})


class ActivityMetric(models.Model):
    """A figure that shows an activity's reach: "25 families referred", "52 case consultations"."""

    activity = models.ForeignKey(PriorityActivity, on_delete=models.CASCADE, related_name="metrics")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    label = models.CharField(max_length=200, help_text="What was counted, for example: families referred.")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["activity", "label"], name="metric_label_unique_in_activity")]

    def __str__(self):
        return f"{self.display_value} {self.label}"

    @property
    def display_value(self):
        """25 rather than 25.00; 2.5 stays 2.5."""
        if self.value is None:
            return ""
        if self.value == self.value.to_integral_value():
            return f"{self.value.quantize(Decimal(1)):,}"
        return f"{self.value.normalize():,}"
