"""Changes to the policies and procedures the partnership works by, for the annual report's "Policies and
procedures" chapter: national guidance, the London procedures, local protocols and partners' own policies."""

from django.db import models
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, record_date
from lscp.fields import LimitedTextField
from partnership.models import Agency

__all__ = ["PolicyKind", "PolicyChange"]


class PolicyKind(models.TextChoices):
    STATUTORY_GUIDANCE = "statutory_guidance", "Statutory guidance"
    PROCEDURES = "procedures", "London or local procedures"
    LOCAL_PROTOCOL = "local_protocol", "The partnership's own policy or protocol"
    PARTNER_POLICY = "partner_policy", "A partner's own policy"


class PolicyChange(models.Model):
    """One change to a policy or procedure: a new edition, an update, a new local protocol."""

    title = models.CharField(
        "policy or procedure", max_length=300, help_text="As it is known: Keeping Children Safe in Education 2022."
    )
    kind = models.CharField(max_length=30, choices=PolicyKind.choices, default=PolicyKind.PROCEDURES)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policy_changes",
        help_text="The partner whose policy it is, for a partner's own policy.",
    )
    changed_on = models.DateField(
        "in force from", validators=record_date(), help_text="When the change took effect (or was published)."
    )
    what_changed = LimitedTextField(
        help_text="What changed, and what it means for practitioners: a sentence or two the report prints."
    )
    link = models.URLField(blank=True, max_length=500, help_text="Where practitioners can read it.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_on", "title"]
        constraints = [models.UniqueConstraint(fields=["title", "changed_on"], name="policy_change_once")]

    def __str__(self):
        return f"{self.title} ({long_date(self.changed_on)})" if self.changed_on else self.title
