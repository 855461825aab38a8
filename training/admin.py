"""The business manager's admin for the training records (the public and the organisers' pages come with
training/permissions.py). Every model a person edits has its History button."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lscp.admin_lists import EstimatedCountPaginator
from lscp.data_protection_admin import AnonymisedListFilter, download_subject_access, erase_personal_data

from .models import (
    Booking,
    Course,
    CourseSession,
    Delegate,
    EligibleSector,
    Evaluation,
    EvaluationScore,
    LearningOutcome,
    TrainingIncome,
)


class EligibleSectorInline(admin.TabularInline):
    model = EligibleSector
    extra = 0
    verbose_name = "sector the course is for"
    verbose_name_plural = "sectors the course is for (none: open to every sector)"


class LearningOutcomeInline(admin.TabularInline):
    model = LearningOutcome
    fields = ["order", "text"]
    extra = 0


@admin.register(Course)
class CourseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "level", "category", "duration", "needs_manager_approval", "active"]
    list_filter = ["level", "category", "needs_manager_approval", "active"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["prerequisite", "priority", "review", "agencies"]
    inlines = [EligibleSectorInline, LearningOutcomeInline]


@admin.register(CourseSession)
class CourseSessionAdmin(SimpleHistoryAdmin):
    list_display = ["course", "starts_at", "venue", "online", "capacity", "overbooking_allowance", "status"]
    list_filter = ["status", "online", "course__category", ("starts_at", admin.DateFieldListFilter)]
    search_fields = ["course__title", "venue", "trainers"]
    autocomplete_fields = ["course", "agencies"]
    list_select_related = ["course"]
    readonly_fields = ["booking_closes_on"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["course", ("starts_at", "ends_at"), "status", "cancelled_reason"]}),
        ("Where", {"fields": ["venue", "online", "joining_instructions"]}),
        ("Who", {"fields": ["trainers", "agencies"]}),
        (
            "Places and booking",
            {
                "fields": [
                    ("capacity", "overbooking_allowance"),
                    ("booking_closes_working_days", "booking_closes_on"),
                    "cancellation_deadline",
                ]
            },
        ),
    ]


@admin.register(Delegate)
class DelegateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "email", "agency", "organisation", "sector", "job_role"]
    list_filter = ["sector", AnonymisedListFilter]
    search_fields = ["name", "email", "organisation", "agency__name"]
    autocomplete_fields = ["agency", "user"]
    list_select_related = ["agency"]
    readonly_fields = ["anonymised_at"]
    actions = [download_subject_access, erase_personal_data]
    show_full_result_count = False  # a delegate per person ever booked: no second count of them all beside a filter


@admin.register(Booking)
class BookingAdmin(SimpleHistoryAdmin):
    list_display = ["delegate", "session", "status", "created_at", "status_changed_at"]
    # When it was booked is a filter of fixed choices (today, the past 7 days, this month, this year) rather than
    # a date hierarchy, whose years and first and last dates are read from every booking at each opening: with
    # ten years of bookings (200,000) that took a quarter of a second. For the same reason the list does not count
    # every booking again beside a filtered count.
    list_filter = [
        "status",
        ("session__starts_at", admin.DateFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["delegate__name", "delegate__email", "session__course__title"]
    autocomplete_fields = ["session", "delegate"]
    list_select_related = ["delegate", "session__course"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator  # opened whole, "about 200,000 bookings" from PostgreSQL's estimate


class EvaluationScoreInline(admin.TabularInline):
    model = EvaluationScore
    extra = 0
    autocomplete_fields = ["outcome"]


@admin.register(Evaluation)
class EvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["booking", "stage", "submitted_at", "practice_changed"]
    list_filter = ["stage", "practice_changed"]
    search_fields = ["booking__delegate__name", "booking__session__course__title"]
    autocomplete_fields = ["booking"]
    list_select_related = ["booking__delegate", "booking__session__course"]
    inlines = [EvaluationScoreInline]


@admin.register(LearningOutcome)
class LearningOutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["course", "order", "text"]
    search_fields = ["text", "course__title"]
    list_select_related = ["course"]
    autocomplete_fields = ["course"]


@admin.register(TrainingIncome)
class TrainingIncomeAdmin(SimpleHistoryAdmin):
    list_display = ["year", "agency", "payer", "kind", "amount", "received_on"]
    list_filter = ["kind", "year"]
    search_fields = ["payer", "agency__name", "description"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]
