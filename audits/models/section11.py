"""Section 11 (Children Act 2004) and Section 175 (Education Act 2002) self-assessments.

A versioned set of standards is used in cycles (often every two years). In each cycle every agency in scope
completes a return: per standard a self-rating, the evidence for it and files. The partnership (the business
manager and the lay members) scrutinises each submitted return and accepts it or returns it for more evidence;
the next cycle starts from the agency's last accepted return.

    not started ──open──▶ in progress ──submit──▶ submitted ──scrutiny notes──▶ under scrutiny
                               ▲                      │                             │
                               │                      └──────accept / return────────┤
                               └──── edit ◀── returned for more evidence ◀──────────┘   accepted

A standard rated partially met or not met on submission raises an action in the shared tracker for the agency
(audits/action_sources.py); the workflows are audits/services/section11.py.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, record_date
from lscp.fields import LimitedTextField
from lscp.validators import validate_document
from partnership.models import Agency

__all__ = [
    "StandardSetKind",
    "StandardSet",
    "Standard",
    "Cycle",
    "ReturnStatus",
    "EDITABLE_RETURN_STATUSES",
    "SCRUTINY_STATUSES",
    "Return",
    "Rating",
    "NOT_FULLY_MET",
    "StandardResponse",
    "EvidenceFile",
    "ScrutinyOutcome",
    "Scrutiny",
    "CYCLE_CLOSES_BEFORE_OPENING",
    "NoticeKind",
    "CycleNotice",
]

CYCLE_CLOSES_BEFORE_OPENING = "A cycle cannot close before it opens."


class StandardSetKind(models.TextChoices):
    SECTION_11 = "s11", "Section 11 (Children Act 2004)"
    SECTION_175 = "s175", "Section 175 (Education Act 2002, schools)"


class StandardSet(models.Model):
    name = models.CharField(max_length=200, help_text="For example: Pan-London Section 11 audit tool.")
    kind = models.CharField(max_length=10, choices=StandardSetKind.choices, default=StandardSetKind.SECTION_11)
    version = models.CharField(max_length=40, help_text="For example: 2016 revision, or v3.")
    in_use_since = models.DateField(null=True, blank=True, validators=record_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "-in_use_since", "name"]
        verbose_name = "set of standards"
        verbose_name_plural = "sets of standards"
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="standard_set_version_once"),
        ]

    def __str__(self):
        return f"{self.name} ({self.version})"


class Standard(models.Model):
    standard_set = models.ForeignKey(StandardSet, on_delete=models.CASCADE, related_name="standards")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, help_text="For example: Safe recruitment.")
    guidance = LimitedTextField(blank=True, help_text="What an agency that meets the standard can show.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard_set", "number"]
        constraints = [
            models.UniqueConstraint(fields=["standard_set", "number"], name="standard_number_once_per_set"),
        ]

    def __str__(self):
        return f"Standard {self.number}: {self.title}"


class Cycle(models.Model):
    name = models.CharField(max_length=200, help_text="For example: Section 11 audit 2022–24.")
    standard_set = models.ForeignKey(StandardSet, on_delete=models.PROTECT, related_name="cycles")
    opens_on = models.DateField(validators=record_date())
    closes_on = models.DateField(help_text="The last day agencies can submit their returns.", validators=record_date())
    agencies = models.ManyToManyField(Agency, related_name="section11_cycles", verbose_name="agencies in scope")
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["-opens_on", "name"]
        verbose_name = "Section 11 / 175 cycle"
        constraints = [
            models.UniqueConstraint(fields=["name"], name="cycle_name_once"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="cycle_dates_in_order"),
        ]

    def __str__(self):
        return self.name

    def is_open_on(self, day):
        return self.opens_on <= day <= self.closes_on

    @property
    def is_open(self):
        return self.is_open_on(timezone.localdate())

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": CYCLE_CLOSES_BEFORE_OPENING})


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    UNDER_SCRUTINY = "under_scrutiny", "Under scrutiny"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned for more evidence"


# With the agency: its representatives change it. With the partnership: the scrutineers decide on it.
EDITABLE_RETURN_STATUSES = (ReturnStatus.NOT_STARTED, ReturnStatus.IN_PROGRESS, ReturnStatus.RETURNED)
SCRUTINY_STATUSES = (ReturnStatus.SUBMITTED, ReturnStatus.UNDER_SCRUTINY)


class Return(models.Model):
    """An agency's self-assessment in one cycle."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="section11_returns")
    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED)
    started_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The agency's last accepted return, whose answers this one started from.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "agency__name"]
        verbose_name = "Section 11 / 175 return"
        indexes = [models.Index(fields=["cycle", "status"], name="return_cycle_status")]
        constraints = [
            models.UniqueConstraint(fields=["agency", "cycle"], name="return_once_per_agency_and_cycle"),
        ]

    def __str__(self):
        return f"{self.agency}, {self.cycle}"

    @property
    def is_with_agency(self):
        return self.status in EDITABLE_RETURN_STATUSES

    @property
    def is_with_scrutineers(self):
        return self.status in SCRUTINY_STATUSES


class Rating(models.TextChoices):
    FULLY_MET = "fully_met", "Fully met"
    PARTIALLY_MET = "partially_met", "Partially met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


NOT_FULLY_MET = (Rating.PARTIALLY_MET, Rating.NOT_MET)


class StandardResponse(models.Model):
    """An agency's self-rating against one standard, with its evidence. Empty while the return is a draft."""

    agency_return = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="responses", verbose_name="return")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="responses")
    rating = models.CharField(max_length=20, choices=Rating.choices, blank=True)
    evidence = LimitedTextField(
        blank=True, help_text="What shows the rating is right: policies, audits, training figures, examples."
    )
    # A standard not fully met raises an action in the tracker; deleting the response deletes them.
    actions = GenericRelation("governance.Action", content_type_field="source_type", object_id_field="source_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency_return", "standard__number"]
        verbose_name = "rating against a standard"
        verbose_name_plural = "ratings against the standards"
        constraints = [
            models.UniqueConstraint(fields=["agency_return", "standard"], name="response_once_per_standard"),
        ]

    def __str__(self):
        return f"{self.agency_return.agency}: standard {self.standard.number}"

    @property
    def is_not_fully_met(self):
        return self.rating in NOT_FULLY_MET


class EvidenceFile(models.Model):
    """A document given as evidence for a standard (PDF, Word or Excel, size limited)."""

    response = models.ForeignKey(StandardResponse, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        upload_to="section11-evidence/%Y/",
        validators=[validate_document],
        help_text="PDF, Word or Excel, up to 20 MB.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, validators=record_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["response", "uploaded_at", "id"]
        verbose_name = "evidence file"

    def __str__(self):
        return self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    def file_download_url(self, field_name):
        return reverse("audits:evidence", args=[self.pk])


class ScrutinyOutcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned for more evidence"


class Scrutiny(models.Model):
    """The partnership's scrutiny of a return: notes from reading it or from a challenge session, and the
    outcome once decided (empty while the scrutiny goes on)."""

    agency_return = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="scrutinies", verbose_name="return"
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    comments = LimitedTextField(blank=True)
    challenge_session_on = models.DateField("challenge session on", null=True, blank=True, validators=record_date())
    outcome = models.CharField(max_length=20, choices=ScrutinyOutcome.choices, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, validators=record_date())
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency_return", "-recorded_at", "-id"]
        verbose_name_plural = "scrutinies"

    def __str__(self):
        return f"Scrutiny of {self.agency_return}, {long_date(self.recorded_at)}"


class NoticeKind(models.TextChoices):
    INVITATION = "invitation", "Invitation to complete the return"
    REMINDER = "reminder", "Reminder before the close date"
    OVERDUE = "overdue", "Overdue notice after the close date"


class CycleNotice(models.Model):
    """An e-mail sent to an agency about a cycle, recorded in the same transaction as the sending so that it goes
    once: the invitation once per agency and cycle; a reminder and an overdue notice once per agency and close date
    (a cycle whose close date moves reminds again). Written by the services only, never edited."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="notices")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="section11_notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    closes_on = models.DateField(help_text="The cycle's close date when the e-mail was sent.", validators=record_date())
    sent_at = models.DateTimeField(default=timezone.now, validators=record_date())
    sent_to = models.TextField("sent to", help_text="The addresses it went to, one a line.")

    class Meta:
        ordering = ["cycle", "agency__name", "sent_at"]
        verbose_name = "Section 11 / 175 e-mail sent"
        verbose_name_plural = "Section 11 / 175 e-mails sent"
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "agency"],
                condition=Q(kind="invitation"),
                name="cycle_invitation_once_per_agency",
            ),
            models.UniqueConstraint(
                fields=["cycle", "agency", "kind", "closes_on"],
                name="cycle_notice_once_per_agency_and_close_date",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.agency}, {self.cycle}"
