"""Practice reviews (and the older kinds of review), what they found, what they recommended and how the learning
was spread.

A practice review's stage is derived from its dates on every save (the latest step with a date), so the two
can never disagree; the services move a review on by recording the date of the step. Its two deadlines (the
target completion and sharing the report before publication) are stored and indexed like an incident's.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, past_date, record_date
from lscp.fields import LimitedTextField
from lscp.working_days import add_working_days, working_days_between
from partnership.models import Agency, Body, LocalAuthority, Sector

from ..deadlines import RULES, SHARE_BEFORE_PUBLICATION
from ._common import CODE_NAME_HELP, NO_IDENTIFYING_DETAILS, not_before
from .incidents import DECISIONS_LEADING_TO_A_REVIEW, RapidReview

__all__ = [
    "LearningTheme",
    "ReviewKind",
    "ReviewStage",
    "HeldPending",
    "STAGE_ORDER",
    "PracticeReview",
    "Finding",
    "AddressedTo",
    "RecommendationStatus",
    "CLOSED_RECOMMENDATION_STATUSES",
    "RECOMMENDATION_NO_ACTION_YET",
    "RECOMMENDATION_ACTIONS_UNDER_WAY",
    "RECOMMENDATION_ACTIONS_ALL_CLOSED",
    "RecommendationQuerySet",
    "Recommendation",
    "DisseminationChannel",
    "Dissemination",
    "MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION",
    "PUBLISHED_TOO_SOON_AFTER_SHARING",
    "PUBLISHED_BEFORE_SHARING",
    "PUBLISHED_AND_NOT_PUBLISHED",
    "OVERRIDE_REASON_NOT_NEEDED",
    "JOINT_REVIEW_NEEDS_BOARD",
    "REVIEW_NOT_DECIDED_ON",
    "CLOSED_BEFORE_PUBLICATION_DECISION",
    "CLOSURE_REASON_WITHOUT_CLOSING",
    "REVIEW_HAS_OPEN_ACTIONS",
    "RECOMMENDATION_NEEDS_AGENCY",
    "RECOMMENDATION_NEEDS_SECTOR",
    "RECOMMENDATION_ADDRESSEE_MIXED",
    "DISSEMINATION_NEEDS_A_REVIEW",
    "HELD_PENDING_NEEDS_SINCE",
    "HELD_PENDING_DETAILS_WITHOUT_HOLD",
]

MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION = -SHARE_BEFORE_PUBLICATION.working_days
PUBLISHED_TOO_SOON_AFTER_SHARING = (
    "%(date)s is only %(days)s working day(s) after the report was shared with the National Panel, the Secretary "
    "of State and Ofsted on %(shared)s; it must be shared at least %(minimum)s working days before publication. "
    "Choose %(earliest)s or later, or record why it is published sooner."
)
PUBLISHED_BEFORE_SHARING = (
    "A local child safeguarding practice review is shared with the National Panel, the Secretary of State and "
    "Ofsted before it is published: record the date it was shared first."
)
PUBLISHED_AND_NOT_PUBLISHED = "A review is either published or not published with a reason: clear one of them."
OVERRIDE_REASON_NOT_NEEDED = (
    "A reason for publishing early is only needed when the publication date is fewer than %(minimum)s working days "
    "after sharing: clear it."
)
JOINT_REVIEW_NEEDS_BOARD = "Choose the Safeguarding Adults Board this review is held jointly with."
REVIEW_NOT_DECIDED_ON = (
    "The rapid review for %(code)s decided “%(decision)s”, which does not lead to a local review: "
    "record a decision for a local child safeguarding practice review or another learning review first."
)
CLOSED_BEFORE_PUBLICATION_DECISION = (
    "Record the publication of the review, or the reason it is not published, before closing it."
)
CLOSURE_REASON_WITHOUT_CLOSING = "A reason for closing goes with the date the review was closed."
REVIEW_HAS_OPEN_ACTIONS = (
    "%(count)s action(s) raised from this review's recommendations are still open: close them in the action "
    "tracker first, or give the reason the review closes with them open (for example, that they are followed up "
    "elsewhere)."
)
RECOMMENDATION_NEEDS_AGENCY = "Choose the agency this recommendation is made to."
RECOMMENDATION_NEEDS_SECTOR = "Choose the sector this recommendation is made to."
RECOMMENDATION_ADDRESSEE_MIXED = (
    "A recommendation is made to one agency, one sector or the whole partnership: clear the other choices."
)
DISSEMINATION_NEEDS_A_REVIEW = "Choose the local or national review whose learning this spread."
HELD_PENDING_NEEDS_SINCE = "Give the date since when the review is held."
HELD_PENDING_DETAILS_WITHOUT_HOLD = (
    "A date or a note goes with a hold: choose what the review is held pending, or clear the date and the note."
)


class LearningTheme(models.Model):
    """A managed list of the themes findings are tagged with, so that learning that recurs across reviews shows."""

    name = models.CharField(max_length=100, help_text="For example: neglect, information sharing.")
    description = LimitedTextField(blank=True)
    active = models.BooleanField(default=True, help_text="Clear to stop offering it for new findings.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="learning_theme_name_unique_ci")]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = (self.name or "").strip()
        if self.name and LearningTheme.objects.filter(name__iexact=self.name).exclude(pk=self.pk).exists():
            raise ValidationError({"name": f"There is already a learning theme called “{self.name}”."})


class ReviewKind(models.TextChoices):
    LCSPR = "lcspr", "Local child safeguarding practice review"
    SCR = "scr", "Serious case review (before 2019)"
    LEARNING_REVIEW = "learning_review", "Learning review"
    JOINT_SAB = "joint_sab", "Joint review with a Safeguarding Adults Board"
    DHR_LINKED = "dhr_linked", "Linked to a domestic homicide review"


class ReviewStage(models.TextChoices):
    COMMISSIONED = "commissioned", "Commissioned"
    TERMS_AGREED = "terms_agreed", "Terms of reference agreed"
    REPORT_RECEIVED = "report_received", "Final report received"
    SHARED = "shared", "Shared with the Panel, Secretary of State and Ofsted"
    PUBLISHED = "published", "Published"
    NOT_PUBLISHED = "not_published", "Not published"
    CLOSED = "closed", "Closed"


class HeldPending(models.TextChoices):
    """What a review may wait for: its publication (or its progress) is held while a parallel process runs."""

    NOTHING = "", "Not held"
    CORONER = "coroner", "A coroner's inquest"
    CRIMINAL = "criminal", "Criminal proceedings"


# Latest first: a review is at the first of these whose date (or reason) is recorded.
STAGE_ORDER = [
    (ReviewStage.CLOSED, "closed_on"),
    (ReviewStage.PUBLISHED, "published_on"),
    (ReviewStage.NOT_PUBLISHED, "not_published_reason"),
    (ReviewStage.SHARED, "shared_on"),
    (ReviewStage.REPORT_RECEIVED, "report_received_on"),
    (ReviewStage.TERMS_AGREED, "terms_of_reference_agreed_on"),
    (ReviewStage.COMMISSIONED, "commissioned_on"),
]


class PracticeReview(models.Model):
    code_name = models.CharField(max_length=100, unique=True, help_text=CODE_NAME_HELP)
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    rapid_review = models.ForeignKey(
        RapidReview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practice_reviews",
        help_text="The rapid review whose decision led to this review, if there was one.",
    )
    borough = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, null=True, blank=True, related_name="practice_reviews"
    )
    joint_with = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="joint_practice_reviews",
        help_text="For a joint review: the Safeguarding Adults Board it is held with.",
    )
    reviewers = models.CharField(
        "reviewer(s)", max_length=300, blank=True, help_text="The independent reviewer(s) commissioned."
    )
    review_group = models.ManyToManyField(
        Agency, related_name="practice_reviews", blank=True, verbose_name="review group (agencies)"
    )
    summary = LimitedTextField(
        blank=True,
        help_text="What the review looked at and why, as the annual report will say it. " + NO_IDENTIFYING_DETAILS,
    )
    commissioned_on = models.DateField(validators=past_date())
    terms_of_reference_agreed_on = models.DateField(null=True, blank=True, validators=past_date())
    target_completion = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to set it from the partnership's target after the decision (or the commissioning).",
        validators=record_date(),
    )
    report_received_on = models.DateField("final report received on", null=True, blank=True, validators=past_date())
    shared_on = models.DateField(
        "shared with the Panel, Secretary of State and Ofsted on",
        null=True,
        blank=True,
        help_text="At least 7 working days before publication.",
        validators=past_date(),
    )
    planned_publication_on = models.DateField(
        "planned publication date", null=True, blank=True, validators=record_date()
    )
    published_on = models.DateField("published on", null=True, blank=True, validators=past_date())
    not_published_reason = LimitedTextField("reason it is not published", blank=True, help_text=NO_IDENTIFYING_DETAILS)
    publication_override_reason = LimitedTextField(
        "reason for publishing fewer than 7 working days after sharing", blank=True
    )
    held_pending = models.CharField(
        "held pending",
        max_length=20,
        choices=HeldPending.choices,
        blank=True,
        help_text="A review can be held while a coroner's inquest or criminal proceedings run.",
    )
    held_since = models.DateField("held since", null=True, blank=True, validators=past_date())
    held_note = LimitedTextField(
        "about the hold",
        blank=True,
        help_text="What the review waits for and when it is expected, e.g. the inquest's listing. "
        + NO_IDENTIFYING_DETAILS,
    )
    closed_on = models.DateField(null=True, blank=True, validators=past_date())
    closure_reason = LimitedTextField(
        "reason for closing with actions open",
        blank=True,
        help_text="Only when the review closes while some of its actions are still open.",
    )
    # Derived on every save: the stage from the dates, the sharing deadline from the planned publication.
    stage = models.CharField(max_length=20, choices=ReviewStage.choices, editable=False)
    share_due = models.DateField("share the report by", null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[review_group])

    class Meta:
        ordering = ["-commissioned_on", "code_name"]
        indexes = [
            # Lists in this order (the admin's, the case review subgroup's) read a page from the index.
            models.Index(fields=["-commissioned_on", "code_name"], name="practice_review_commissioned"),
            models.Index(fields=["stage"], name="practice_review_stage"),
            models.Index(
                fields=["target_completion"],
                condition=Q(report_received_on__isnull=True, closed_on__isnull=True),
                name="practice_review_target_open",
            ),
            models.Index(
                fields=["share_due"],
                condition=Q(shared_on__isnull=True, closed_on__isnull=True),
                name="practice_review_share_open",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(not_published_reason=""),
                name="practice_review_published_xor_reason",
            ),
            models.CheckConstraint(
                condition=Q(closure_reason="") | Q(closed_on__isnull=False),
                name="practice_review_closure_reason_needs_date",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(published_on__isnull=False) | ~Q(not_published_reason=""),
                name="practice_review_closed_after_publication_decision",
            ),
        ]

    def __str__(self):
        return self.code_name

    def save(self, *args, **kwargs):
        self.compute_due_dates()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "stage", "target_completion", "share_due"}
        super().save(*args, **kwargs)

    @property
    def must_share_before_publication(self):
        """Only a local child safeguarding practice review is sent to the Panel, Secretary of State and Ofsted."""
        return self.kind == ReviewKind.LCSPR

    @property
    def held_label(self):
        """ "Held pending a coroner's inquest" while held, else ""."""
        if not self.held_pending:
            return ""
        what = self.get_held_pending_display()
        return f"Held pending {what[:1].lower()}{what[1:]}"

    @property
    def decided_on(self):
        return self.rapid_review.decided_on if self.rapid_review_id else None

    def derive_stage(self):
        for stage, field in STAGE_ORDER:
            if getattr(self, field):
                return stage
        return ReviewStage.COMMISSIONED

    def compute_due_dates(self):
        self.stage = self.derive_stage()
        if self.target_completion is None:
            self.target_completion = RULES["target_completion"].due(self.decided_on or self.commissioned_on)
        self.share_due = (
            SHARE_BEFORE_PUBLICATION.due(self.planned_publication_on) if self.must_share_before_publication else None
        )

    def earliest_publication(self):
        """The first day the report can be published, given when it was shared (None while not shared)."""
        if not self.shared_on:
            return None
        return add_working_days(self.shared_on, MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION)

    def publication_too_soon(self, day):
        """The working days between sharing and `day` when fewer than the minimum, else None."""
        if not (day and self.shared_on):
            return None
        days = working_days_between(self.shared_on, day)  # 0 when `day` is not after sharing
        return days if days < MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION else None

    def clean(self):
        errors = {}
        self.code_name = (self.code_name or "").strip()
        self.not_published_reason = (self.not_published_reason or "").strip()
        self.publication_override_reason = (self.publication_override_reason or "").strip()
        self.closure_reason = (self.closure_reason or "").strip()
        self.held_note = (self.held_note or "").strip()
        not_before(errors, self, "report_received_on", "commissioned_on")
        not_before(errors, self, "held_since", "commissioned_on")
        if self.held_pending and not self.held_since:
            errors.setdefault("held_since", HELD_PENDING_NEEDS_SINCE)
        if not self.held_pending and (self.held_since or self.held_note):
            errors.setdefault("held_pending", HELD_PENDING_DETAILS_WITHOUT_HOLD)
        not_before(errors, self, "shared_on", "report_received_on")
        not_before(errors, self, "published_on", "report_received_on")
        not_before(errors, self, "closed_on", "published_on")
        not_before(errors, self, "closed_on", "report_received_on")
        if self.shared_on and not self.report_received_on:
            errors.setdefault("report_received_on", "Give the date the final report was received before sharing it.")
        if self.published_on and not self.report_received_on:
            errors.setdefault("report_received_on", "Give the date the final report was received before publishing.")
        if self.kind == ReviewKind.JOINT_SAB and not self.joint_with_id:
            errors.setdefault("joint_with", JOINT_REVIEW_NEEDS_BOARD)
        if self.rapid_review_id and self.rapid_review.decision not in DECISIONS_LEADING_TO_A_REVIEW:
            errors.setdefault(
                "rapid_review",
                REVIEW_NOT_DECIDED_ON
                % {
                    "code": self.rapid_review.incident,
                    "decision": self.rapid_review.get_decision_display() or "no decision yet",
                },
            )
        if self.published_on and self.not_published_reason:
            errors.setdefault("not_published_reason", PUBLISHED_AND_NOT_PUBLISHED)
        if self.published_on and self.must_share_before_publication and not self.shared_on:
            errors.setdefault("shared_on", PUBLISHED_BEFORE_SHARING)
        too_soon = False
        for field in ("planned_publication_on", "published_on"):
            day = getattr(self, field)
            days = self.publication_too_soon(day)
            if days is None:
                continue
            too_soon = True
            if not self.publication_override_reason:
                errors.setdefault(
                    field,
                    PUBLISHED_TOO_SOON_AFTER_SHARING
                    % {
                        "date": long_date(day),
                        "days": days,
                        "shared": long_date(self.shared_on),
                        "minimum": MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION,
                        "earliest": long_date(self.earliest_publication()),
                    },
                )
        if self.publication_override_reason and not too_soon:
            errors.setdefault(
                "publication_override_reason",
                OVERRIDE_REASON_NOT_NEEDED % {"minimum": MIN_WORKING_DAYS_SHARED_BEFORE_PUBLICATION},
            )
        if self.closure_reason and not self.closed_on:
            errors.setdefault("closure_reason", CLOSURE_REASON_WITHOUT_CLOSING)
        if self.closed_on and not (self.published_on or self.not_published_reason):
            errors.setdefault("closed_on", CLOSED_BEFORE_PUBLICATION_DECISION)
        if self.closed_on and not self.closure_reason and self.pk:
            from ..selectors import open_actions_for

            open_count = open_actions_for(self).count()
            if open_count:
                errors.setdefault("closure_reason", REVIEW_HAS_OPEN_ACTIONS % {"count": open_count})
        if errors:
            raise ValidationError(errors)


class Finding(models.Model):
    """A learning point of a review, tagged with the themes it bears on."""

    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
    text = LimitedTextField("learning point", help_text=NO_IDENTIFYING_DETAILS)
    themes = models.ManyToManyField(LearningTheme, related_name="findings", blank=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["review", "number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="finding_number_once_per_review")]

    def __str__(self):
        return f"{self.review}: finding {self.number}"


class AddressedTo(models.TextChoices):
    AGENCY = "agency", "An agency"
    SECTOR = "sector", "A sector"
    PARTNERSHIP = "partnership", "The partnership"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETE = "complete", "Complete"
    NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"


CLOSED_RECOMMENDATION_STATUSES = (RecommendationStatus.COMPLETE, RecommendationStatus.NOT_TAKEN_FORWARD)
RECOMMENDATION_NO_ACTION_YET = "Open: no action raised yet"
RECOMMENDATION_ACTIONS_UNDER_WAY = "Open: actions under way"
RECOMMENDATION_ACTIONS_ALL_CLOSED = "Open: its actions are all closed"


class RecommendationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_RECOMMENDATION_STATUSES)


class Recommendation(models.Model):
    """A review's recommendation, to one agency, one sector or the partnership as a whole. Its actions are
    followed in the shared tracker (governance.Action, registered in reviews/action_sources.py); what keeps a review
    open is those actions. The status is the partnership's decision on the recommendation itself (complete, or not
    taken forward), which the annual report states."""

    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = LimitedTextField("recommendation", help_text=NO_IDENTIFYING_DETAILS)
    addressed_to = models.CharField(max_length=20, choices=AddressedTo.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="review_recommendations"
    )
    sector = models.CharField(max_length=30, choices=Sector.choices, blank=True)
    status = models.CharField(max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN)
    response = LimitedTextField(
        "the partnership's decision and progress",
        blank=True,
        help_text="What was decided on the recommendation and what has been done: the annual report says this.",
    )
    # Deleting a recommendation deletes the actions raised from it.
    actions = GenericRelation("governance.Action", content_type_field="source_type", object_id_field="source_id")
    history = HistoricalRecords()

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "number"]
        indexes = [models.Index(fields=["review", "status"], name="recommendation_review_status")]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="recommendation_number_once_per_review"),
            models.CheckConstraint(
                condition=Q(addressed_to="agency", agency__isnull=False, sector="")
                | Q(addressed_to="sector", agency__isnull=True) & ~Q(sector="")
                | Q(addressed_to="partnership", agency__isnull=True, sector=""),
                name="recommendation_one_addressee",
            ),
        ]

    def __str__(self):
        return f"{self.review}: recommendation {self.number}"

    @property
    def standing(self):
        """Where it stands, as the pages and the annual report say it: its status and, while it is open, whether
        actions are raised and under way (one with no action raised is not "under way"). Reads the counts of its
        actions annotated on the query, `actions_total` and `actions_open` (`selectors.with_action_counts`)."""
        if self.status != RecommendationStatus.OPEN:
            return self.get_status_display()
        if not self.actions_total:
            return RECOMMENDATION_NO_ACTION_YET
        if self.actions_open:
            return RECOMMENDATION_ACTIONS_UNDER_WAY
        return RECOMMENDATION_ACTIONS_ALL_CLOSED

    @property
    def addressee(self):
        if self.addressed_to == AddressedTo.AGENCY:
            return str(self.agency) if self.agency_id else ""
        if self.addressed_to == AddressedTo.SECTOR:
            return self.get_sector_display()
        return "The partnership"

    def clean(self):
        errors = {}
        if self.addressed_to == AddressedTo.AGENCY:
            if not self.agency_id:
                errors["agency"] = RECOMMENDATION_NEEDS_AGENCY
            if self.sector:
                errors["sector"] = RECOMMENDATION_ADDRESSEE_MIXED
        elif self.addressed_to == AddressedTo.SECTOR:
            if not self.sector:
                errors["sector"] = RECOMMENDATION_NEEDS_SECTOR
            if self.agency_id:
                errors["agency"] = RECOMMENDATION_ADDRESSEE_MIXED
        elif self.addressed_to == AddressedTo.PARTNERSHIP and (self.agency_id or self.sector):
            errors["addressed_to"] = RECOMMENDATION_ADDRESSEE_MIXED
        if errors:
            raise ValidationError(errors)


class DisseminationChannel(models.TextChoices):
    NEWSLETTER = "newsletter", "Newsletter"
    SEVEN_MINUTE_BRIEFING = "seven_minute_briefing", "7-minute briefing"
    LEARNING_EVENT = "learning_event", "Learning event"
    TRAINING_UPDATE = "training_update", "Training update"
    PARTNERSHIP_OR_LOCAL_GROUP = "partnership_or_local_group", "Partnership or local group"


class Dissemination(models.Model):
    """How and to whom the learning of a local or national review was spread."""

    practice_review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, null=True, blank=True, related_name="disseminations"
    )
    national_review = models.ForeignKey(
        "reviews.NationalReview", on_delete=models.CASCADE, null=True, blank=True, related_name="disseminations"
    )
    channel = models.CharField(max_length=30, choices=DisseminationChannel.choices)
    date = models.DateField(validators=past_date())
    audience = models.CharField(
        "audience reached", max_length=300, help_text="Who it reached, e.g. designated safeguarding leads in schools."
    )
    people_reached = models.PositiveIntegerField(null=True, blank=True, help_text="How many, if known.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        indexes = [models.Index(fields=["date"], name="dissemination_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(practice_review__isnull=False) | Q(national_review__isnull=False),
                name="dissemination_of_a_review",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()}, {long_date(self.date)}"

    def clean(self):
        errors = {}
        if not self.practice_review_id and not self.national_review_id:
            errors["practice_review"] = DISSEMINATION_NEEDS_A_REVIEW
        if errors:
            raise ValidationError(errors)
