"""The voice of the child: engagement activities and the You said / We did table (the 2022/23 annual report)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date
from lscp.fields import LimitedTextField
from lscp.financial_year import FinancialYearField
from partnership.models import LocalAuthority

__all__ = ["EngagementActivityQuerySet", "EngagementActivity", "YouSaidWeDidStatus", "YouSaidWeDid"]


class EngagementActivityQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(date__gte=year.start, date__lte=year.end)


class EngagementActivity(models.Model):
    """A time the partnership or a partner listened to children and young people."""

    date = models.DateField(validators=past_date())
    group = models.CharField(max_length=200, help_text="Who took part, for example: Tuesday Group (care leavers).")
    age_range = models.CharField(max_length=20, blank=True, help_text="For example: 16-21.")
    borough = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagement_activities",
        help_text="Leave empty for an activity across the partnership.",
    )
    topic = LimitedTextField()
    method = models.CharField(max_length=200, blank=True, help_text="For example: consultation, co-design workshop.")
    children_taking_part = models.PositiveIntegerField()
    history = HistoricalRecords()

    objects = EngagementActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "group"]
        verbose_name = "engagement activity"
        verbose_name_plural = "engagement activities"

    def __str__(self):
        return f"{self.group} – {long_date(self.date)}"

    def clean(self):
        errors = {}
        if errors:
            raise ValidationError(errors)


class YouSaidWeDidStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class YouSaidWeDid(models.Model):
    """A row of the "You said / We did" table: what children told the partnership and what it did."""

    year = FinancialYearField(help_text="The financial year of the report it belongs to, for example 2022/23.")
    you_said = LimitedTextField("you said")
    we_did = LimitedTextField("we did")
    status = models.CharField(max_length=20, choices=YouSaidWeDidStatus.choices, default=YouSaidWeDidStatus.PLANNED)
    heard_at = models.ForeignKey(
        EngagementActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="you_said_we_did",
        help_text="The engagement activity where children said it, if it is recorded.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "order", "id"]
        verbose_name = "you said / we did"
        verbose_name_plural = "you said / we did"

    def __str__(self):
        return f"{self.year}: {self.you_said[:80]}"
