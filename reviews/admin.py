"""The business manager's admin for the case review records (the chair's pages come with reviews/permissions.py).

Every list filters by where its deadlines stand (overdue, due today, due soon, upcoming, met) from the stored due
dates, and searches by code name. Every admin page that shows one record's detail (its change or read-only view, its
history, a past version of it, the confirmation of its deletion) logs a viewing of the incident or the practice
review it belongs to, as the chair's pages do (`LogsViewingAdmin`)."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from governance.admin import SourcedActionInline
from lscp.roles import roles_for

from . import services
from .deadlines import DeadlineState, due_soon_until
from .models import (
    DeadlineReminder,
    Dissemination,
    Finding,
    InspectionReport,
    LearningTheme,
    NationalReview,
    PracticeReview,
    RapidReview,
    RapidReviewMeeting,
    Recommendation,
    ReviewViewing,
    SeriousIncident,
)


def due_state_filter(field, met, title):
    """A list filter on where a stored deadline stands today; `met` is the Q of records that have met it."""

    class DueStateFilter(admin.SimpleListFilter):
        parameter_name = f"{field}_state"

        def lookups(self, request, model_admin):
            return [
                (DeadlineState.OVERDUE, "Overdue"),
                (DeadlineState.DUE_TODAY, "Due today"),
                (DeadlineState.DUE_SOON, "Due soon"),
                (DeadlineState.UPCOMING, "Upcoming"),
                (DeadlineState.MET, "Met"),
            ]

        def queryset(self, request, queryset):
            today = timezone.localdate()
            value = self.value()
            if not value:
                return queryset
            if value == DeadlineState.MET:
                return queryset.filter(met)
            windows = {
                DeadlineState.OVERDUE: Q(**{f"{field}__lt": today}),
                DeadlineState.DUE_TODAY: Q(**{field: today}),
                DeadlineState.DUE_SOON: Q(**{f"{field}__gt": today, f"{field}__lte": due_soon_until(today)}),
                DeadlineState.UPCOMING: Q(**{f"{field}__gt": due_soon_until(today)}),
            }
            return queryset.exclude(met).filter(windows[value]) if value in windows else queryset

    DueStateFilter.title = title
    return DueStateFilter


class LogsViewingAdmin:
    """Logs a viewing each time one of the admin's pages shows a record's detail to someone (the page rendered,
    status 200): the change view (read-only for a user who may only view), a refused change shown again, the
    history, a past version, the delete confirmation. A redirect (after saving, or for a record that does not
    exist) and a refusal show nothing and log nothing.

    `viewed_record(obj)` says which case review the record belongs to, as ("incident" or "practice_review", id);
    None when it belongs to none (a dissemination of a national review's learning)."""

    def viewed_record(self, obj):
        raise NotImplementedError

    def _log_viewing(self, request, obj):
        record = self.viewed_record(obj) if obj is not None else None
        if record is None or record[1] is None:
            return
        kind, pk = record
        model = SeriousIncident if kind == "incident" else PracticeReview
        # The history of a deleted record still opens: its case review may be gone too.
        viewed = model.objects.filter(pk=pk).first()
        if viewed is not None:
            services.log_viewing(by=request.user, **{kind: viewed})

    def _log_viewing_of_page(self, request, response):
        """For the admin's own pages, TemplateResponses that keep their context."""
        context = getattr(response, "context_data", None)
        if response.status_code == 200 and context:
            self._log_viewing(request, context.get("original") or context.get("object"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        self._log_viewing_of_page(request, response)
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        self._log_viewing_of_page(request, response)
        return response

    def history_view(self, request, object_id, extra_context=None):
        # The admin's own history (a read-only record's); django-simple-history's renders through the hook below.
        response = super().history_view(request, object_id, extra_context)
        self._log_viewing_of_page(request, response)
        return response

    def render_history_view(self, request, template, context, **kwargs):
        """django-simple-history's history and past version pages (a plain response, without its context)."""
        response = super().render_history_view(request, template, context, **kwargs)
        self._log_viewing(request, context.get("original") or context.get("object"))
        return response


class RapidReviewInline(admin.StackedInline):
    model = RapidReview
    fields = [
        ("started_on", "submitted_to_panel_on"),
        "agencies",
        ("panel_response_on", "panel_response_summary"),
        ("decision", "decided_on", "decided_by"),
        "rationale",
    ]
    autocomplete_fields = ["agencies", "decided_by"]
    extra = 0
    show_change_link = True


@admin.register(SeriousIncident)
class SeriousIncidentAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = [
        "code_name",
        "borough",
        "kind",
        "la_aware_on",
        "panel_notification_due",
        "notified_panel_on",
        "rapid_review_due",
    ]
    list_filter = [
        due_state_filter("panel_notification_due", Q(notified_panel_on__isnull=False), "notifying the Panel"),
        due_state_filter("rapid_review_due", Q(rapid_review__submitted_to_panel_on__isnull=False), "the rapid review"),
        "kind",
        "age_band",
        "borough",
        "looked_after",
    ]
    search_fields = ["code_name", "panel_reference"]
    date_hierarchy = "la_aware_on"
    list_select_related = ["borough"]
    readonly_fields = ["panel_notification_due", "rapid_review_due"]
    fieldsets = [
        (None, {"fields": ["code_name", ("borough", "age_band", "kind"), "looked_after", "circumstances"]}),
        ("Categories of abuse", {"fields": [("abuse_physical", "abuse_emotional", "abuse_sexual", "abuse_neglect")]}),
        (
            "Dates and deadlines",
            {
                "fields": [
                    ("occurred_on", "la_aware_on"),
                    ("notified_panel_on", "panel_reference"),
                    ("panel_notification_due", "rapid_review_due"),
                ]
            },
        ),
    ]
    inlines = [RapidReviewInline]

    def viewed_record(self, obj):
        return ("incident", obj.pk)


class RapidReviewMeetingInline(admin.TabularInline):
    model = RapidReviewMeeting
    extra = 0


@admin.register(RapidReview)
class RapidReviewAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = ["incident", "started_on", "submitted_to_panel_on", "due", "decision", "decided_on"]
    list_filter = [
        due_state_filter(
            "incident__rapid_review_due", Q(submitted_to_panel_on__isnull=False), "the rapid review deadline"
        ),
        "decision",
    ]
    search_fields = ["incident__code_name"]
    autocomplete_fields = ["incident", "agencies", "decided_by"]
    list_select_related = ["incident"]
    inlines = [RapidReviewMeetingInline]

    @admin.display(description="due by", ordering="incident__rapid_review_due")
    def due(self, obj):
        return obj.incident.rapid_review_due

    def viewed_record(self, obj):
        return ("incident", obj.incident_id)


class FindingInline(admin.StackedInline):
    model = Finding
    fields = [("number", "themes"), "text"]
    autocomplete_fields = ["themes"]
    extra = 0


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    fields = [("number", "status"), "text", ("addressed_to", "agency", "sector"), "response"]
    autocomplete_fields = ["agency"]
    extra = 0


class DisseminationInline(admin.TabularInline):
    model = Dissemination
    fk_name = "practice_review"
    fields = ["channel", "date", "audience", "people_reached"]
    extra = 0


@admin.register(PracticeReview)
class PracticeReviewAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = ["code_name", "kind", "stage", "commissioned_on", "target_completion", "share_due", "published_on"]
    list_filter = [
        "stage",
        "kind",
        "held_pending",
        due_state_filter(
            "target_completion", Q(report_received_on__isnull=False) | Q(closed_on__isnull=False), "target completion"
        ),
        due_state_filter("share_due", Q(shared_on__isnull=False) | Q(closed_on__isnull=False), "sharing the report"),
        "borough",
    ]
    search_fields = ["code_name", "reviewers"]
    autocomplete_fields = ["rapid_review", "borough", "joint_with", "review_group"]
    readonly_fields = ["stage", "share_due"]
    list_select_related = ["borough"]
    fieldsets = [
        (None, {"fields": ["code_name", ("kind", "stage"), ("rapid_review", "borough", "joint_with"), "summary"]}),
        ("Reviewers", {"fields": ["reviewers", "review_group"]}),
        (
            "Steps",
            {
                "fields": [
                    ("commissioned_on", "terms_of_reference_agreed_on", "target_completion"),
                    ("report_received_on", "shared_on", "share_due"),
                    ("planned_publication_on", "published_on"),
                    "publication_override_reason",
                    "not_published_reason",
                    ("closed_on", "closure_reason"),
                ]
            },
        ),
        ("Held pending another process", {"fields": [("held_pending", "held_since"), "held_note"]}),
    ]
    inlines = [FindingInline, RecommendationInline, DisseminationInline]

    def viewed_record(self, obj):
        return ("practice_review", obj.pk)


@admin.register(LearningTheme)
class LearningThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "active"]
    list_filter = ["active"]
    search_fields = ["name"]


@admin.register(Finding)
class FindingAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = ["review", "number", "text"]
    list_filter = ["themes", "review__stage"]
    search_fields = ["review__code_name", "text"]
    autocomplete_fields = ["review", "themes"]
    list_select_related = ["review"]

    def viewed_record(self, obj):
        return ("practice_review", obj.review_id)


@admin.register(Recommendation)
class RecommendationAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = ["review", "number", "addressed_to", "agency", "sector", "status"]
    list_filter = ["status", "addressed_to", "review__stage"]
    search_fields = ["review__code_name", "text"]
    autocomplete_fields = ["review", "agency"]
    list_select_related = ["review", "agency"]
    inlines = [SourcedActionInline]

    def viewed_record(self, obj):
        return ("practice_review", obj.review_id)


@admin.register(Dissemination)
class DisseminationAdmin(LogsViewingAdmin, SimpleHistoryAdmin):
    list_display = ["channel", "date", "practice_review", "national_review", "audience", "people_reached"]
    list_filter = ["channel"]
    search_fields = ["practice_review__code_name", "national_review__title", "audience"]
    autocomplete_fields = ["practice_review", "national_review"]
    list_select_related = ["practice_review", "national_review"]
    date_hierarchy = "date"

    def viewed_record(self, obj):
        # The learning of a national review is published: only a local review's is logged.
        return ("practice_review", obj.practice_review_id) if obj.practice_review_id else None


class ConsideredPublicationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "published_on", "considered_on", "assurance_received_on"]
    search_fields = ["title", "publisher"]
    date_hierarchy = "published_on"
    fields = [
        "title",
        ("publisher", "published_on", "considered_on"),
        "local_response",
        ("assurance_requested", "assurance_requested_on"),
        ("assurance_received", "assurance_received_on"),
    ]


@admin.register(NationalReview)
class NationalReviewAdmin(ConsideredPublicationAdmin):
    inlines = [SourcedActionInline]


@admin.register(InspectionReport)
class InspectionReportAdmin(ConsideredPublicationAdmin):
    pass


@admin.register(DeadlineReminder)
class DeadlineReminderAdmin(LogsViewingAdmin, admin.ModelAdmin):
    """A log of what was sent: read-only."""

    list_display = ["sent_at", "incident", "practice_review", "rule", "due_date", "lead_working_days"]
    list_filter = ["rule", "lead_working_days"]
    search_fields = ["incident__code_name", "practice_review__code_name"]
    list_select_related = ["incident", "practice_review"]

    def viewed_record(self, obj):
        return ("incident", obj.incident_id) if obj.incident_id else ("practice_review", obj.practice_review_id)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReviewViewing)
class ReviewViewingAdmin(admin.ModelAdmin):
    """Who opened which incident's or practice review's page, and when: for the business manager only, read-only."""

    list_display = ["viewed_at", "viewed_by", "incident", "practice_review"]
    list_filter = [("viewed_at", admin.DateFieldListFilter)]
    search_fields = ["incident__code_name", "practice_review__code_name", "viewed_by__username", "viewed_by__last_name"]
    list_select_related = ["viewed_by", "incident", "practice_review"]
    date_hierarchy = "viewed_at"

    def has_view_permission(self, request, obj=None):
        return roles_for(request.user).is_manager

    def has_module_permission(self, request):
        return roles_for(request.user).is_manager

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
