"""National reviews and inspection reports the partnership considers, with its local response and the assurance
it asked partners for."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from lscp.dates import past_date
from lscp.fields import LimitedTextField

from ._common import not_before

__all__ = ["NationalReview", "InspectionReport", "ASSURANCE_RECEIVED_WITHOUT_REQUEST"]

ASSURANCE_RECEIVED_WITHOUT_REQUEST = "Say what assurance was asked of partners before recording what came back."


class ConsideredPublication(models.Model):
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    published_on = models.DateField("date", validators=past_date())
    # Not in the list, but the annual report counts what was considered in its year, and a report can be
    # considered before it is published (the Panel asked for checks in anticipation of one) or long after.
    considered_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the Case Review Subgroup or the partnership considered it.",
        validators=past_date(),
    )
    local_response = LimitedTextField(blank=True, help_text="What the partnership did in response.")
    assurance_requested = LimitedTextField("assurance requested of partners", blank=True)
    assurance_requested_on = models.DateField(null=True, blank=True, validators=past_date())
    assurance_received = LimitedTextField("assurance received", blank=True)
    assurance_received_on = models.DateField(null=True, blank=True, validators=past_date())

    class Meta:
        abstract = True
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        not_before(errors, self, "assurance_received_on", "assurance_requested_on")
        if (self.assurance_received.strip() or self.assurance_received_on) and not self.assurance_requested.strip():
            errors.setdefault("assurance_requested", ASSURANCE_RECEIVED_WITHOUT_REQUEST)
        if errors:
            raise ValidationError(errors)


class NationalReview(ConsideredPublication):
    """A national or another area's review: a National Panel report, another partnership's practice review (Child
    Q), a coroner's prevention of future deaths report. The partnership's response raises actions in the shared
    tracker, followed like those of a local review's recommendations."""

    # Deleting a national review deletes the actions raised from it (the admin lists them before confirming).
    actions = GenericRelation("governance.Action", content_type_field="source_type", object_id_field="source_id")
    history = HistoricalRecords()

    class Meta(ConsideredPublication.Meta):
        indexes = [models.Index(fields=["considered_on"], name="national_review_considered")]
        constraints = [
            models.UniqueConstraint(fields=["title", "published_on"], name="national_review_once"),
        ]


class InspectionReport(ConsideredPublication):
    """An inspection report the partnership learns from (Ofsted, CQC, HMICFRS, joint targeted area inspections)."""

    history = HistoricalRecords()

    class Meta(ConsideredPublication.Meta):
        indexes = [models.Index(fields=["considered_on"], name="inspection_report_considered")]
        constraints = [
            models.UniqueConstraint(fields=["title", "published_on"], name="inspection_report_once"),
        ]
