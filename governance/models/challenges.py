"""The professional challenge and escalation log (the 2015/16 and 2016/17 LSCB reports, the 2019 partnership
arrangements)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date
from lscp.fields import LimitedTextField
from partnership.models import Agency, Person

from ._dates import DATE_IN_FUTURE

__all__ = [
    "ChallengeStage",
    "ChallengeResolution",
    "CHALLENGE_RESOLUTION_NEEDS_CLOSING",
    "CHALLENGE_CLOSED_NEEDS_RESOLUTION",
    "ChallengeLogEntryQuerySet",
    "ChallengeLogEntry",
    "CHALLENGE_OWN_AGENCY",
    "CHALLENGE_RAISER_NOT_IN_AGENCY",
    "CHALLENGE_CLOSED_BEFORE_RAISED",
    "DATE_IN_FUTURE",
]

CHALLENGE_OWN_AGENCY = "An agency cannot challenge itself: choose the agency that was challenged."
CHALLENGE_RAISER_NOT_IN_AGENCY = "%(person)s works for %(their_agency)s, not %(agency)s."
CHALLENGE_CLOSED_BEFORE_RAISED = "A challenge cannot be closed before it was raised."


class ChallengeStage(models.TextChoices):
    """How far the challenge went before it was settled (or where it sits now)."""

    # The value is what the first records were stored with; the label says where a challenge sits, not that it
    # was settled (an open challenge read "Resolved between agencies · Open").
    BETWEEN_AGENCIES = "resolved_between_agencies", "Between the agencies, not escalated"
    ESCALATED_SUBGROUP = "escalated_subgroup", "Escalated to a subgroup"
    ESCALATED_PARTNERSHIP = "escalated_partnership", "Escalated to the partnership"
    ESCALATED_LEAD_PARTNERS = "escalated_lead_partners", "Escalated to the lead safeguarding partners"


class ChallengeResolution(models.TextChoices):
    """How a closed challenge was settled: what the report counts as its outcome."""

    ACCEPTED = "accepted", "Accepted: the agency changed its response"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted: the original decision stood"
    WITHDRAWN = "withdrawn", "Withdrawn"


CHALLENGE_RESOLUTION_NEEDS_CLOSING = "A challenge is settled when it closes: give the date it was closed."
CHALLENGE_CLOSED_NEEDS_RESOLUTION = "Say how the challenge was settled."


class ChallengeLogEntryQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(raised_on__gte=year.start, raised_on__lte=year.end)

    def open(self):
        return self.filter(closed_on__isnull=True)


class ChallengeLogEntry(models.Model):
    """One professional challenge: who raised what with which agency, how far it went, and what changed."""

    raised_by_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges_raised",
        verbose_name="raised by (person)",
    )
    raised_by_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="challenges_raised", verbose_name="raised by (agency)"
    )
    agency_challenged = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="challenges_received")
    issue = LimitedTextField()
    raised_on = models.DateField("date raised", validators=past_date())
    stage = models.CharField(max_length=30, choices=ChallengeStage.choices, default=ChallengeStage.BETWEEN_AGENCIES)
    outcome = LimitedTextField(blank=True)
    resolution = models.CharField(
        "settled as",
        max_length=20,
        choices=ChallengeResolution.choices,
        blank=True,
        help_text="How the challenge was settled, once it is closed.",
    )
    impact = LimitedTextField(blank=True, help_text="What changed for children or practice because of it.")
    closed_on = models.DateField(
        null=True, blank=True, help_text="Leave empty while the challenge is open.", validators=past_date()
    )
    publish_as_example = models.BooleanField(
        default=False, help_text="Tick to use it as an example in the annual report. Never name a child."
    )
    history = HistoricalRecords()

    objects = ChallengeLogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "id"]
        verbose_name = "challenge log entry"
        verbose_name_plural = "challenge log"
        indexes = [models.Index(fields=["raised_on"], name="challenge_raised_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("raised_on")),
                name="challenge_closed_after_raised",
            ),
            models.CheckConstraint(
                condition=~Q(raised_by_agency=F("agency_challenged")), name="challenge_not_own_agency"
            ),
        ]

    def __str__(self):
        return f"{self.raised_by_agency} challenged {self.agency_challenged} ({long_date(self.raised_on)})"

    @property
    def is_open(self):
        return self.closed_on is None

    def clean(self):
        errors = {}
        if self.resolution and not self.closed_on:
            errors["closed_on"] = CHALLENGE_RESOLUTION_NEEDS_CLOSING
        if self.closed_on and not self.resolution:
            errors["resolution"] = CHALLENGE_CLOSED_NEEDS_RESOLUTION
        if self.raised_by_agency_id and self.raised_by_agency_id == self.agency_challenged_id:
            errors["agency_challenged"] = CHALLENGE_OWN_AGENCY
        if (
            self.raised_by_person_id
            and self.raised_by_agency_id
            and self.raised_by_person.agency_id != self.raised_by_agency_id
        ):
            errors["raised_by_person"] = ValidationError(
                CHALLENGE_RAISER_NOT_IN_AGENCY
                % {
                    "person": self.raised_by_person,
                    "their_agency": self.raised_by_person.agency,
                    "agency": self.raised_by_agency,
                }
            )
        if self.closed_on and self.raised_on and self.closed_on < self.raised_on:
            errors["closed_on"] = CHALLENGE_CLOSED_BEFORE_RAISED
        if errors:
            raise ValidationError(errors)
