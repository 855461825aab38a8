"""The annual report: its narrative sections, its builds, and its approval and publication."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lscp.dates import past_date, record_date
from lscp.fields import LimitedTextField
from lscp.financial_year import FinancialYearField
from lscp.working_days import DueDateReminderKind


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        """Reports the public can download: once published, a report stays downloadable (its pinned build)
        even while a correction is drafted and approved again."""
        return self.filter(published_build__isnull=False)


class AnnualReport(models.Model):
    year = FinancialYearField(unique=True, help_text="The financial year the report covers, e.g. 2022/23.")
    title = models.CharField(max_length=200, blank=True, help_text="Leave empty for “Annual report 2022/23”.")
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    approved_on = models.DateField(null=True, blank=True, validators=past_date())
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.ForeignKey(
        "partnership.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="approved at the meeting",
        help_text="The meeting of the Partnership or the Executive that agreed the report; its date is the "
        "approval date on the cover.",
    )
    published_on = models.DateField(null=True, blank=True, validators=past_date())
    published_build = models.ForeignKey(
        "ReportBuild",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The build the public downloads. Later builds never replace it until the report is published again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("reports:report", args=[self.year])

    @property
    def display_title(self):
        return self.title or f"Annual report {self.year}"

    @property
    def is_published(self):
        """The public can download it (a build is pinned), whatever is being drafted now."""
        return self.published_build_id is not None


class BuildStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


# What a queued build is waiting for, as its row on the report's page says it. A build whose job could not be sent
# (Redis down) says so, and `services.send_builds_left_waiting` sends exactly those once the job service is back.
WAITING_FOR_A_WORKER = "Waiting for a worker"
WAITING_FOR_THE_JOB_SERVICE = "Waiting for the job service, which is not answering: it starts when that is back"


def build_path(build, filename):
    return f"annual-reports/{build.report.year.slug}/build-{build.pk}-{filename}"


class ReportBuild(models.Model):
    """One making of the PDF. Every build is kept with its record; its file is complete before it succeeds."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="builds")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=BuildStatus.choices, default=BuildStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    stage = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    finished_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    pdf = models.FileField(upload_to=build_path, blank=True)
    html_edition = models.FileField(
        upload_to=build_path,
        blank=True,
        help_text="The report as web pages, made with the PDF from the same records: the public reads it online "
        "once this build is published.",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True)
    young_people_pdf = models.FileField(
        "version for young people",
        upload_to=build_path,
        blank=True,
        help_text="The report's short version for children and young people, made after the PDF from the same "
        "records: published beside it.",
    )
    young_people_page_count = models.PositiveIntegerField(
        "pages of the version for young people", null=True, blank=True
    )
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    gather_seconds = models.FloatField(null=True, blank=True, help_text="Gathering the data from the records.")
    render_seconds = models.FloatField(null=True, blank=True, help_text="Templates and WeasyPrint layout.")
    write_seconds = models.FloatField(null=True, blank=True, help_text="Writing the PDF and storing it.")
    query_count = models.PositiveIntegerField(null=True, blank=True)
    made_from_status = models.CharField(
        max_length=20,
        choices=ReportStatus.choices,
        blank=True,
        help_text="The report's status when the PDF was made, and so the status printed on its cover. "
        "Only a build made from the approved report can be published.",
    )

    class Meta:
        ordering = ["-queued_at", "-pk"]
        indexes = [models.Index(fields=["report", "status"])]

    def __str__(self):
        return f"Build {self.pk} of {self.report} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (BuildStatus.SUCCEEDED, BuildStatus.FAILED)

    @property
    def is_waiting_for_the_job_service(self):
        return self.status == BuildStatus.QUEUED and self.stage == WAITING_FOR_THE_JOB_SERVICE

    @property
    def is_draft(self):
        """Its cover says "Draft – not for publication": it must never reach the public."""
        return self.made_from_status == ReportStatus.DRAFT

    @property
    def is_made_from_approved_report(self):
        return self.made_from_status in (ReportStatus.APPROVED, ReportStatus.PUBLISHED)

    @property
    def total_seconds(self):
        parts = [self.gather_seconds, self.render_seconds, self.write_seconds]
        return None if any(p is None for p in parts) else sum(parts)

    def get_download_url(self):
        return reverse("reports:build_download", args=[self.report.year, self.pk])

    def file_download_url(self, field_name):
        if field_name == "html_edition":
            return reverse("reports:build_edition", args=[self.report.year, self.pk])
        if field_name == "young_people_pdf":
            return reverse("reports:build_young_people", args=[self.report.year, self.pk])
        return self.get_download_url()


class NarrativeSection(models.Model):
    """The words people write for a chapter (foreword, introduction …), in Markdown, shown sanitised."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="narratives")
    key = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    text = LimitedTextField(
        blank=True, max_length=50_000, help_text="Markdown: # headings, *emphasis*, lists, tables, links."
    )
    written_by = models.ForeignKey(
        "partnership.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The body whose chairs write this chapter on the web form. Empty: only the business manager.",
    )
    due_on = models.DateField(
        "due",
        null=True,
        blank=True,
        validators=record_date(),
        help_text="When the text is wanted: a draft's unwritten chapter says so in the report.",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chapters_assigned",
        verbose_name="contributor",
        limit_choices_to={"is_active": True},
        help_text="The person asked to write this chapter, reminded before it is due. Empty: the chairs of the body "
        "that writes it.",
    )
    last_chased_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    last_chased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_edited_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    version = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Counts the saves of the text: a form sent back with an older count was written over a text "
        "someone else saved meanwhile, and is refused rather than overwriting it.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "key"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_narrative_per_section")]

    def __str__(self):
        return f"{self.title} ({self.report.year})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.assigned_to_id is not None:
            problem = contributor_problem(self.assigned_to)
            if problem:
                raise ValidationError({"assigned_to": problem})

    @property
    def is_written(self):
        return bool(self.text.strip())

    def writer(self, role=""):
        """Who writes this chapter, in the words every page and the draft use: the person it is given to, else the
        chapter's own writer (`role`: "the independent scrutineer") or the chairs of the body that writes it, else
        the business manager."""
        if self.assigned_to_id is not None:
            return self.assigned_to.get_full_name() or self.assigned_to.username
        if self.written_by_id is not None:
            return role or f"the chairs of the {self.written_by.name}"
        return "the business manager"

    def contribution_status(self, *, today):
        """Written (it has text), late (not written and past its due date) or not started."""
        if self.is_written:
            return ContributionStatus.WRITTEN
        if self.due_on is not None and self.due_on < today:
            return ContributionStatus.LATE
        return ContributionStatus.NOT_STARTED


CONTRIBUTOR_INACTIVE = "%(name)s cannot sign in (their account is not active): choose someone who can."
CONTRIBUTOR_NO_EMAIL = "%(name)s has no e-mail address, so could not be reminded: add one to their account first."
CONTRIBUTOR_NOT_A_PARTNER = (
    "%(name)s is not one of the partnership's people: link their account to a person in the registry (People) "
    "first, so that they can write on the web form."
)


def contributor_problem(user):
    """Why `user` cannot be asked to write a chapter, or "": they must sign in, be reminded by e-mail, and be one of
    the partnership's people (a chair or a partner) or a business manager."""
    name = user.get_full_name() or user.username
    if not user.is_active:
        return CONTRIBUTOR_INACTIVE % {"name": name}
    if not (user.email or "").strip():
        return CONTRIBUTOR_NO_EMAIL % {"name": name}
    if not possible_contributors().filter(pk=user.pk).exists():
        return CONTRIBUTOR_NOT_A_PARTNER % {"name": name}
    return ""


def possible_contributors():
    """The people a chapter can be assigned to, by name: active accounts with an e-mail address that are one of the
    partnership's people (chairs and partners: a Person of the registry) or a business manager."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from lscp.roles import BUSINESS_MANAGERS_GROUP

    people = Q(person__isnull=False) | Q(is_superuser=True) | Q(is_staff=True, groups__name=BUSINESS_MANAGERS_GROUP)
    matching = get_user_model().objects.filter(people, is_active=True).exclude(email="").values("pk")
    return get_user_model().objects.filter(pk__in=matching).order_by("first_name", "last_name", "username")


class ContributionStatus(models.TextChoices):
    WRITTEN = "written", "Written"
    NOT_STARTED = "not_started", "Not started"
    LATE = "late", "Late"


class ContributionReminder(models.Model):
    """One reminder e-mailed about a chapter not yet written: before its due date, on it, or once it is overdue.
    One row per chapter, kind and due date, so that each is sent once (a new due date starts its own reminders)."""

    narrative = models.ForeignKey(NarrativeSection, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=DueDateReminderKind.choices)
    due_on = models.DateField(help_text="The due date the reminder was about.", validators=record_date())
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_to = LimitedTextField(max_length=10_000, help_text="The addresses it went to, one a line.")

    class Meta:
        ordering = ["narrative", "sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["narrative", "kind", "due_on"], name="one_reminder_per_chapter_kind_and_due"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.narrative}"


class CheckSetAside(models.Model):
    """A check before approval the business manager set aside for one report, with the reason: it no longer stops
    approval. It holds while the same problem lasts (the problem's key names it); a new problem is checked anew."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="checks_set_aside")
    key = models.CharField(max_length=300)
    reason = LimitedTextField(max_length=2_000, help_text="Why the report can be approved as it is.")
    set_aside_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    set_aside_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "check set aside"
        verbose_name_plural = "checks set aside"
        ordering = ["report", "set_aside_at"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_set_aside_per_check")]

    def __str__(self):
        return f"{self.key} ({self.report.year})"


class ReportRecipient(models.Model):
    """Who the published report is sent to: the National Panel and Foundations (Working Together; the 2019
    partnership arrangements: within seven days of publication), and the local bodies the business manager lists
    (the Health and Wellbeing Boards, the Safeguarding Adults Board, the Police and Crime Commissioner …)."""

    name = models.CharField(max_length=200, unique=True, help_text="As the body calls itself.")
    email = models.EmailField(
        "e-mail address",
        blank=True,
        help_text="Where the product sends the report. Empty: the report can only be recorded as sent another way.",
    )
    national = models.BooleanField(
        default=False,
        help_text="A national body the partnership must send every published report to (the National Panel, "
        "Foundations).",
    )
    active = models.BooleanField(
        default=True, help_text="Untick to stop sending reports to this body; what was sent before is kept."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-national", "name"]

    def __str__(self):
        return self.name


class DutyStatus(models.TextChoices):
    DONE = "done", "Sent"
    DUE = "due", "Due"
    OVERDUE = "overdue", "Overdue"


class SentHow(models.TextChoices):
    EMAIL = "email", "By e-mail from the product"
    OTHER = "other", "Another way"


class ReportDutyQuerySet(models.QuerySet):
    def open(self):
        return self.filter(sent_on__isnull=True)

    def overdue(self, *, today):
        return self.open().filter(due_on__lt=today)


class ReportDuty(models.Model):
    """Sending the published report to one recipient, by a due date: started by publishing (one per active
    recipient), done once, by e-mail from the product or recorded as sent another way, with who and when."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="duties")
    recipient = models.ForeignKey(ReportRecipient, on_delete=models.PROTECT, related_name="duties")
    recipient_name = models.CharField(
        max_length=200, help_text="The recipient's name when the duty started, kept if the recipient is renamed."
    )
    national = models.BooleanField(default=False)
    build = models.ForeignKey(
        ReportBuild,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The published build whose publication started the duty.",
    )
    published_on = models.DateField(help_text="The publication that started the duty.", validators=past_date())
    due_on = models.DateField("due", db_index=True, validators=record_date())
    sent_on = models.DateField(null=True, blank=True, validators=past_date())
    how = models.CharField(max_length=10, choices=SentHow.choices, blank=True)
    how_described = models.CharField(
        "how it was sent",
        max_length=500,
        blank=True,
        help_text="For a report sent another way: by post, by hand at the board's meeting, through its portal …",
    )
    sent_to = models.EmailField(blank=True, help_text="The address the product e-mailed.")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    reminder_sent_at = models.DateTimeField(null=True, blank=True, validators=record_date())
    history = HistoricalRecords()

    objects = ReportDutyQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "-national", "recipient_name", "pk"]
        verbose_name_plural = "report duties"
        constraints = [
            # A recipient waits for one sending of a report at a time: publishing again while it waits starts
            # nothing new for it (the public link always serves the published build).
            models.UniqueConstraint(
                fields=["report", "recipient"],
                condition=models.Q(sent_on__isnull=True),
                name="one_open_duty_per_report_and_recipient",
            ),
            models.CheckConstraint(
                condition=models.Q(sent_on__isnull=True, how="")
                | models.Q(sent_on__isnull=False, how__in=["email", "other"]),
                name="a_sent_duty_says_how",
            ),
        ]

    def __str__(self):
        return f"Send the {self.report} to {self.recipient_name}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.how == SentHow.OTHER and not self.how_described.strip():
            raise ValidationError({"how_described": "Say how the report was sent."})

    @property
    def is_done(self):
        return self.sent_on is not None

    @property
    def how_described_in_a_sentence(self):
        """How it was sent, as the duties page continues it (", by Eleanor …"): without the full stop typed."""
        return self.how_described.strip().rstrip(".")

    def status(self, *, today):
        if self.is_done:
            return DutyStatus.DONE
        return DutyStatus.OVERDUE if self.due_on < today else DutyStatus.DUE
