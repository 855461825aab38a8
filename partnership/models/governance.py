"""Governance records behind the annual report's chapters: the professional challenge and escalation log,
the voice of the child (engagement activities, You said / We did), partners' yearly statements with
their inspections, and the glossary."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.financial_year import FinancialYearField

from .registry import Agency, LocalAuthority, Person

__all__ = [
    "ChallengeStage",
    "ChallengeResolution",
    "CHALLENGE_RESOLUTION_NEEDS_CLOSING",
    "CHALLENGE_CLOSED_NEEDS_RESOLUTION",
    "ChallengeLogEntryQuerySet",
    "ChallengeLogEntry",
    "EngagementActivityQuerySet",
    "EngagementActivity",
    "YouSaidWeDidStatus",
    "YouSaidWeDid",
    "StatementStatus",
    "AgencyStatement",
    "Judgement",
    "Inspection",
    "GlossaryTerm",
    "CHALLENGE_OWN_AGENCY",
    "CHALLENGE_RAISER_NOT_IN_AGENCY",
    "CHALLENGE_CLOSED_BEFORE_RAISED",
    "DATE_IN_FUTURE",
    "STATEMENT_EMPTY",
    "STATEMENT_RETURN_NEEDS_COMMENTS",
    "GLOSSARY_TERM_TAKEN",
]

CHALLENGE_OWN_AGENCY = "An agency cannot challenge itself: choose the agency that was challenged."
CHALLENGE_RAISER_NOT_IN_AGENCY = "%(person)s works for %(their_agency)s, not %(agency)s."
CHALLENGE_CLOSED_BEFORE_RAISED = "A challenge cannot be closed before it was raised."
DATE_IN_FUTURE = "This date has not come yet."
STATEMENT_EMPTY = "Write the statement before sending it to the business manager."
STATEMENT_RETURN_NEEDS_COMMENTS = "Say what needs changing before returning the statement."
GLOSSARY_TERM_TAKEN = "“%(term)s” is already in the glossary as “%(existing)s”."


def _not_in_future(errors, field, value):
    if value and value > timezone.localdate():
        errors[field] = DATE_IN_FUTURE


class ChallengeStage(models.TextChoices):
    """How far the challenge went before it was settled (or where it sits now)."""

    RESOLVED_BETWEEN_AGENCIES = "resolved_between_agencies", "Resolved between agencies"
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
    issue = models.TextField()
    raised_on = models.DateField("date raised")
    stage = models.CharField(
        max_length=30, choices=ChallengeStage.choices, default=ChallengeStage.RESOLVED_BETWEEN_AGENCIES
    )
    outcome = models.TextField(blank=True)
    resolution = models.CharField(
        "settled as",
        max_length=20,
        choices=ChallengeResolution.choices,
        blank=True,
        help_text="How the challenge was settled, once it is closed.",
    )
    impact = models.TextField(blank=True, help_text="What changed for children or practice because of it.")
    closed_on = models.DateField(null=True, blank=True, help_text="Leave empty while the challenge is open.")
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
        return f"{self.raised_by_agency} challenged {self.agency_challenged} ({self.raised_on:%d %b %Y})"

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
        _not_in_future(errors, "raised_on", self.raised_on)
        if self.closed_on and self.raised_on and self.closed_on < self.raised_on:
            errors["closed_on"] = CHALLENGE_CLOSED_BEFORE_RAISED
        else:
            _not_in_future(errors, "closed_on", self.closed_on)
        if errors:
            raise ValidationError(errors)


class EngagementActivityQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(date__gte=year.start, date__lte=year.end)


class EngagementActivity(models.Model):
    """A time the partnership or a partner listened to children and young people."""

    date = models.DateField()
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
    topic = models.TextField()
    method = models.CharField(max_length=200, blank=True, help_text="For example: consultation, co-design workshop.")
    children_taking_part = models.PositiveIntegerField()
    history = HistoricalRecords()

    objects = EngagementActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "group"]
        verbose_name = "engagement activity"
        verbose_name_plural = "engagement activities"

    def __str__(self):
        return f"{self.group} – {self.date:%d %b %Y}"

    def clean(self):
        errors = {}
        _not_in_future(errors, "date", self.date)
        if errors:
            raise ValidationError(errors)


class YouSaidWeDidStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class YouSaidWeDid(models.Model):
    """A row of the "You said / We did" table: what children told the partnership and what it did."""

    year = FinancialYearField(help_text="The financial year of the report it belongs to, for example 2022/23.")
    you_said = models.TextField("you said")
    we_did = models.TextField("we did")
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


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned for changes"


class AgencyStatement(models.Model):
    """A partner's yearly account of its safeguarding work, for the "key work by partners" chapter."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="statements")
    year = FinancialYearField(help_text="For example 2022/23.")
    text = models.TextField(blank=True, help_text="Markdown: paragraphs, lists, bold and links.")
    status = models.CharField(max_length=20, choices=StatementStatus.choices, default=StatementStatus.DRAFT)
    manager_comments = models.TextField(
        "business manager's comments", blank=True, help_text="What needs changing, when it is returned."
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements_submitted",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements_decided",
        help_text="The business manager who accepted or returned it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
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
    date = models.DateField()
    judgement = models.CharField(
        max_length=30,
        choices=Judgement.choices,
        blank=True,
        help_text="Leave empty for a visit that is not graded, such as a focused visit.",
    )
    recommendations = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "id"]

    def __str__(self):
        kind = f" {self.kind}" if self.kind else ""
        return f"{self.inspectorate}{kind} – {self.date:%d %b %Y}"

    def clean(self):
        errors = {}
        _not_in_future(errors, "date", self.date)
        if errors:
            raise ValidationError(errors)


class GlossaryTerm(models.Model):
    term = models.CharField(max_length=100, help_text="As written in the report: MASH, LADO, Adultification …")
    expansion = models.CharField(max_length=300, blank=True, help_text="What the letters stand for.")
    definition = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ci")]

    def __str__(self):
        return self.term

    def clean(self):
        self.term = (self.term or "").strip()
        if self.term:
            clash = GlossaryTerm.objects.filter(term__iexact=self.term).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"term": ValidationError(GLOSSARY_TERM_TAKEN % {"term": self.term, "existing": clash.term})}
                )
