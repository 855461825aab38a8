"""Partners' yearly statements, with the inspections they report, for the "effectiveness of local services" chapter."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date, record_date
from lscp.fields import LimitedTextField
from lscp.financial_year import FinancialYearField
from lscp.working_days import DueDateReminderKind
from partnership.models import Agency, LocalAuthority

__all__ = [
    "StatementStatus",
    "AgencyStatement",
    "Judgement",
    "Inspection",
    "StatementRequest",
    "StatementReminder",
    "statement_writers",
    "statement_progress",
    "StatementProgress",
    "STATEMENT_EMPTY",
    "WRITER_NOT_OF_THE_AGENCY",
    "STATEMENT_RETURN_NEEDS_COMMENTS",
]

STATEMENT_EMPTY = "Write the statement before sending it to the business manager."
STATEMENT_RETURN_NEEDS_COMMENTS = "Say what needs changing before returning the statement."
WRITER_NOT_OF_THE_AGENCY = (
    "%(name)s cannot write the statement of %(agency)s: only its partner representatives (people of the agency with "
    "an account that can sign in) can. Link their account to a person of the agency in the registry first."
)


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
        """An inspection belongs to the statement of the year it took place in: the report finds a year's
        inspections by their dates, so one dated outside its statement's year would be missing from that year's
        report and appear in another's."""
        statement = self._statement_if_known()
        if statement is None or self.date is None or statement.year is None or self.date in statement.year:
            return
        raise ValidationError(
            {
                "date": INSPECTION_OUTSIDE_YEAR
                % {
                    "date": long_date(self.date),
                    "year": statement.year,
                    "start": long_date(statement.year.start),
                    "end": long_date(statement.year.end),
                }
            }
        )

    def _statement_if_known(self):
        try:
            return self.statement
        except AgencyStatement.DoesNotExist:
            return None


INSPECTION_OUTSIDE_YEAR = (
    "This inspection is dated %(date)s, outside %(year)s (%(start)s to %(end)s), the year this statement reports on. "
    "Give it in the statement for the year it took place in."
)


@dataclass(frozen=True)
class StatementProgress:
    """Where an agency's statement asked for stands, as the contributions board and the partner's home page say it."""

    key: str  # not_started, being_written, submitted, accepted, returned
    label: str
    late: bool = False  # past its due date and not sent to the business manager

    @property
    def sent(self):
        return self.key in ("submitted", "accepted")


PROGRESS_LABELS = {
    "not_started": "Not started",
    "being_written": "Being written",
    "submitted": "Submitted",
    "accepted": "Accepted",
    "returned": "Returned",
}


def statement_progress(statement, *, due_on=None, today=None):
    """Not started (no statement, or a draft with no text yet), being written (a draft with text), submitted,
    accepted or returned; late when `due_on` is before `today` and it has not been sent (a returned statement past its
    due date is late again)."""
    if statement is None or (statement.status == StatementStatus.DRAFT and not (statement.text or "").strip()):
        key = "not_started"
    elif statement.status == StatementStatus.DRAFT:
        key = "being_written"
    else:
        key = statement.status
    sent = key in ("submitted", "accepted")
    late = due_on is not None and today is not None and due_on < today and not sent
    return StatementProgress(key, PROGRESS_LABELS[key], late)


def statement_writers(agency_ids):
    """The people who can write the statements of `agency_ids`: the agencies' partner representatives, i.e. active
    accounts linked to a person of the agency (who reach "Our statement"). A queryset of Person, user loaded."""
    from partnership.models import Person

    return (
        Person.objects.filter(agency_id__in=agency_ids, user__isnull=False, user__is_active=True)
        .select_related("user")
        .order_by("agency_id", "name", "pk")
    )


class StatementRequest(models.Model):
    """The business manager's request to an agency for its statement of a year: who writes it and by when. It sits
    beside the statement, not in it: asking starts no statement (the agency has still not started one), and the
    statement's own workflow (draft, submitted, accepted, returned) is unchanged. Reminders go to the person named,
    else to every partner representative of the agency, until the statement is submitted."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="statement_requests")
    year = FinancialYearField(help_text="For example 2023/24.")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements_asked_of",
        verbose_name="writer",
        limit_choices_to={"is_active": True, "person__isnull": False},
        help_text="The partner representative asked to write it. Empty: every partner representative of the agency.",
    )
    due_on = models.DateField("due", validators=record_date(), help_text="When the statement is wanted.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    last_chased_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    last_chased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_statement_request_per_agency_year")]

    def __str__(self):
        return f"Statement of {self.agency} for {self.year}, due {long_date(self.due_on)}"

    def clean(self):
        if self.assigned_to_id is None or self.agency_id is None:
            return
        if not statement_writers([self.agency_id]).filter(user_id=self.assigned_to_id).exists():
            user = self.assigned_to
            raise ValidationError(
                {
                    "assigned_to": ValidationError(
                        WRITER_NOT_OF_THE_AGENCY,
                        params={"name": user.get_full_name() or user.username, "agency": self.agency},
                    )
                }
            )


class StatementReminder(models.Model):
    """One reminder e-mailed about a statement not yet submitted: before its due date, on it, or once it is overdue.
    One row per request, kind and due date, so that each is sent once (a new due date starts its own reminders)."""

    request = models.ForeignKey(StatementRequest, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=DueDateReminderKind.choices)
    due_on = models.DateField(help_text="The due date the reminder was about.", validators=record_date())
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_to = LimitedTextField(max_length=10_000, help_text="The addresses it went to, one a line.")

    class Meta:
        ordering = ["request", "sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "due_on"], name="one_reminder_per_statement_kind_and_due"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.request}"
