"""The business manager's admin for the quality assurance records: audits, Section 11 / 175 standards, cycles and
returns, and the data set. Partners complete their returns and the scrutineers decide on them through the pages in
audits/views/; the admin is for setting cycles up and correcting records."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from governance.admin import SourcedActionInline
from lscp.spreadsheets.admin import SpreadsheetAdminMixin

from .models import (
    AuditParticipation,
    AuditRecommendation,
    CaseJudgement,
    Cycle,
    CycleNotice,
    EvidenceFile,
    Indicator,
    IndicatorCategory,
    MultiAgencyAudit,
    Observation,
    Return,
    Scrutiny,
    SingleAgencyAudit,
    Standard,
    StandardResponse,
    StandardSet,
)
from .resources import ObservationResource

# Multi- and single-agency audits.


class AuditParticipationInline(admin.TabularInline):
    model = AuditParticipation
    autocomplete_fields = ["agency"]
    extra = 0


class CaseJudgementInline(admin.TabularInline):
    model = CaseJudgement
    autocomplete_fields = ["agency"]
    extra = 0


class AuditRecommendationInline(admin.StackedInline):
    model = AuditRecommendation
    fields = [("number", "agency"), "text"]
    autocomplete_fields = ["agency"]
    extra = 0
    show_change_link = True


@admin.register(MultiAgencyAudit)
class MultiAgencyAuditAdmin(SimpleHistoryAdmin):
    list_display = ["theme", "kind", "priority", "planned_on", "held_on", "workshop_on"]
    list_filter = ["kind"]
    search_fields = ["theme", "scope"]
    autocomplete_fields = ["priority", "earlier_audit"]
    list_select_related = ["priority"]
    fieldsets = [
        (None, {"fields": ["theme", "priority", ("kind", "earlier_audit"), "scope"]}),
        ("Dates", {"fields": [("planned_on", "held_on", "workshop_on")]}),
        ("Findings", {"fields": ["strengths", "areas_for_development"]}),
    ]
    inlines = [AuditParticipationInline, CaseJudgementInline, AuditRecommendationInline]


@admin.register(AuditRecommendation)
class AuditRecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "agency"]
    search_fields = ["text", "audit__theme"]
    autocomplete_fields = ["audit", "agency"]
    list_select_related = ["audit", "agency"]
    inlines = [SourcedActionInline]


@admin.register(SingleAgencyAudit)
class SingleAgencyAuditAdmin(SimpleHistoryAdmin):
    list_display = ["topic", "agency", "method", "date", "presented_to"]
    list_filter = ["method", "presented_to"]
    search_fields = ["topic", "key_findings", "agency__name"]
    autocomplete_fields = ["agency", "presented_to", "presented_at"]
    date_hierarchy = "date"
    list_select_related = ["agency", "presented_to"]


# Section 11 and Section 175.


class StandardInline(admin.StackedInline):
    model = Standard
    fields = [("number", "title"), "guidance"]
    extra = 0


@admin.register(StandardSet)
class StandardSetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "version", "kind", "in_use_since"]
    list_filter = ["kind"]
    search_fields = ["name", "version"]
    inlines = [StandardInline]


@admin.register(Standard)
class StandardAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "standard_set"]
    list_filter = ["standard_set"]
    search_fields = ["title", "guidance"]
    list_select_related = ["standard_set"]


@admin.register(Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "standard_set", "opens_on", "closes_on"]
    list_filter = ["standard_set"]
    search_fields = ["name"]
    autocomplete_fields = ["agencies"]
    list_select_related = ["standard_set"]
    actions = ["invite_agencies"]

    @admin.action(description="Invite the agencies (e-mail each agency not yet invited)")
    def invite_agencies(self, request, queryset):
        from .services.section11_notices import invite_agencies
        from .views.section11 import report_invitations

        for cycle in queryset.select_related("standard_set"):
            try:
                report_invitations(request, invite_agencies(cycle=cycle), cycle=cycle)
            except ValidationError as error:
                for message in error.messages:
                    self.message_user(request, message, level=messages.ERROR)


@admin.register(CycleNotice)
class CycleNoticeAdmin(admin.ModelAdmin):
    """The e-mails sent about each cycle, for reference: written by the services, never edited."""

    list_display = ["cycle", "agency", "kind", "closes_on", "sent_at"]
    list_filter = ["kind", "cycle"]
    search_fields = ["agency__name", "cycle__name"]
    list_select_related = ["cycle", "agency"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StandardResponseInline(admin.StackedInline):
    model = StandardResponse
    fields = [("standard", "rating"), "evidence"]
    extra = 0
    show_change_link = True


class ScrutinyInline(admin.StackedInline):
    model = Scrutiny
    fields = [("by", "recorded_at"), ("challenge_session_on", "outcome"), "comments"]
    autocomplete_fields = ["by"]
    extra = 0


@admin.register(Return)
class ReturnAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "cycle", "status", "submitted_at"]
    list_filter = ["status", "cycle"]
    search_fields = ["agency__name", "cycle__name"]
    autocomplete_fields = ["agency", "cycle", "started_from", "submitted_by"]
    list_select_related = ["agency", "cycle"]
    inlines = [StandardResponseInline, ScrutinyInline]


class EvidenceFileInline(admin.TabularInline):
    model = EvidenceFile
    fields = ["file", "uploaded_by", "uploaded_at"]
    autocomplete_fields = ["uploaded_by"]
    extra = 0


@admin.register(StandardResponse)
class StandardResponseAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "rating", "agency_return"]
    list_filter = ["rating", "agency_return__cycle"]
    search_fields = ["agency_return__agency__name", "standard__title"]
    autocomplete_fields = ["agency_return", "standard"]
    list_select_related = ["agency_return__agency", "agency_return__cycle", "standard"]
    inlines = [EvidenceFileInline, SourcedActionInline]


# The data set.


class IndicatorCategoryInline(admin.TabularInline):
    model = IndicatorCategory
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "unit",
        "source",
        "report_table",
        "adds_up",
        "denominator",
        "higher_is_better",
        "tolerance_percent",
    ]
    list_filter = ["unit", "report_table", "adds_up", "source"]
    search_fields = ["name", "definition", "source"]
    autocomplete_fields = ["denominator"]
    list_select_related = ["denominator"]
    inlines = [IndicatorCategoryInline]


@admin.register(Observation)
class ObservationAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    """Import and export as CSV or Excel (docs/imports.md, "Observations"): a re-imported period updates its
    values."""

    resource_classes = [ObservationResource]
    # Every change an import makes has its history row under the importing user (audits.services.dataset_import); the
    # records are written in bulk, without the instances an admin log entry per record would need.
    skip_admin_log = True
    list_display = [
        "indicator",
        "category",
        "borough",
        "period_kind",
        "period_start",
        "value",
        "london",
        "england",
        "source",
    ]
    list_filter = ["period_kind", "borough", "indicator"]
    search_fields = ["indicator__name", "category__name", "source"]
    autocomplete_fields = ["indicator", "borough", "category"]
    date_hierarchy = "period_start"
    list_select_related = ["indicator", "borough", "category"]


@admin.register(IndicatorCategory)
class IndicatorCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "indicator", "order"]
    search_fields = ["name", "indicator__name"]
    list_select_related = ["indicator"]
