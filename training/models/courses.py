"""The course catalogue: what the partnership teaches, at which level, to whom, and what a delegate should be
able to do afterwards (the learning outcomes evaluations score confidence against)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from lscp.fields import LimitedTextField
from partnership.models import Agency, Sector

__all__ = [
    "CourseLevel",
    "CourseCategory",
    "Course",
    "EligibleSector",
    "LearningOutcome",
    "COURSE_TITLE_TAKEN",
    "COURSE_OWN_PREREQUISITE",
    "SECTOR_ALREADY_ELIGIBLE",
]

COURSE_TITLE_TAKEN = "A course with this title is already in the catalogue: change that one instead."
COURSE_OWN_PREREQUISITE = "A course cannot be its own prerequisite."
SECTOR_ALREADY_ELIGIBLE = "This sector is already listed for the course."


class CourseLevel(models.IntegerChoices):
    INTRODUCTORY = 1, "Level 1: introductory"
    CORE = 2, "Level 2: core"
    ADVANCED = 3, "Level 3: advanced"
    SPECIALIST = 4, "Level 4: specialist"


class CourseCategory(models.TextChoices):
    CORE = "core", "Core"
    SPECIALIST = "specialist", "Specialist"
    LEARNING_FROM_REVIEWS = "learning_from_reviews", "Learning from reviews"
    MANAGERIAL = "managerial", "Managerial"


class Course(models.Model):
    title = models.CharField(max_length=200)
    level = models.PositiveSmallIntegerField(choices=CourseLevel.choices, default=CourseLevel.CORE)
    category = models.CharField(max_length=30, choices=CourseCategory.choices, default=CourseCategory.CORE)
    description = LimitedTextField(blank=True)
    duration = models.CharField(
        max_length=100, blank=True, help_text="As it reads in the calendar, for example: 3 hours, half day, two days."
    )
    prerequisite = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leads_to",
        help_text="A course delegates should have done first (for example, the half-day open session before the "
        "two-day specialist course).",
    )
    priority = models.ForeignKey(
        "governance.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        help_text="The partnership priority this course serves, if any.",
    )
    review = models.ForeignKey(
        "reviews.PracticeReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        help_text="The practice review whose learning this course spreads, if any.",
    )
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="co_delivered_courses", help_text="Agencies that co-deliver the course."
    )
    needs_manager_approval = models.BooleanField(
        default=False,
        help_text="A booking waits for the delegate's line manager to approve it by a link e-mailed "
        "to them; the place is held meanwhile.",
    )
    active = models.BooleanField(default=True, help_text="Shown in the public calendar.")
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["level", "title"]
        constraints = [
            models.UniqueConstraint(
                Lower("title"), name="training_course_title_unique_ci", violation_error_message=COURSE_TITLE_TAKEN
            ),
            models.CheckConstraint(
                condition=~Q(prerequisite=F("pk")),
                name="training_course_not_own_prerequisite",
                violation_error_message=COURSE_OWN_PREREQUISITE,
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        self.title = (self.title or "").strip()
        if self.pk and self.prerequisite_id == self.pk:
            raise ValidationError({"prerequisite": COURSE_OWN_PREREQUISITE})

    def sector_codes(self):
        """The sectors the course is for (empty: open to all). Uses a prefetched `eligible_sectors` if there."""
        return [eligible.sector for eligible in self.eligible_sectors.all()]

    def is_open_to(self, sector):
        codes = self.sector_codes()
        return not codes or sector in codes


class EligibleSector(models.Model):
    """A sector a course is for. A course with none is open to every sector."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="eligible_sectors")
    sector = models.CharField(max_length=30, choices=Sector.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["course", "sector"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "sector"],
                name="training_eligible_sector_once",
                violation_error_message=SECTOR_ALREADY_ELIGIBLE,
            )
        ]

    def __str__(self):
        return self.get_sector_display()


class LearningOutcome(models.Model):
    """What a delegate should be able to do after the course; evaluations score confidence in it from 1 to 5."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="learning_outcomes")
    text = LimitedTextField(max_length=500)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["course", "order", "id"]

    def __str__(self):
        return self.text
