"""The business manager's admin for the governance records."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from lscp.spreadsheets.admin import SpreadsheetAdminMixin

from . import action_sources, resources
from .forms.actions import SourceKindChoiceField
from .forms.statements import InspectionsOfAStatement
from .models import (
    Action,
    ActionDigest,
    ActionUpdate,
    ActivityMetric,
    AgencyStatement,
    ChallengeLogEntry,
    Contribution,
    EngagementActivity,
    ExpenditureLine,
    GlossaryTerm,
    Inspection,
    PolicyChange,
    Priority,
    PriorityActivity,
    ReservesBroughtForward,
    StatementReminder,
    StatementRequest,
    YouSaidWeDid,
)


class ActivityInline(admin.StackedInline):
    model = PriorityActivity
    fields = [("activity", "order"), "purpose", "impact", "what_next", ("start_date", "lead_body", "lead_agency")]
    autocomplete_fields = ["lead_body", "lead_agency"]
    extra = 0
    show_change_link = True  # its metrics and actions are on its own page: the admin does not nest inlines


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "plan_period", "activity_count"]
    list_display_links = ["number", "title"]
    list_filter = ["first_year", "last_year"]
    search_fields = ["title", "description", "activities__activity"]
    inlines = [ActivityInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(activity_total=Count("activities"))

    @admin.display(description="activities", ordering="activity_total")
    def activity_count(self, obj):
        return obj.activity_total


class MetricInline(admin.TabularInline):
    model = ActivityMetric
    fields = ["value", "label", "order"]
    extra = 0


class SourcedActionInline(GenericTabularInline):
    """The actions raised from a record: the admin of every model registered as an action source adds it."""

    model = Action
    ct_field = "source_type"
    ct_fk_field = "source_id"
    fields = ["title", "owner_agency", "due_date", "status", "rag"]
    autocomplete_fields = ["owner_agency"]
    extra = 0
    show_change_link = True

    def __init__(self, parent_model, admin_site):
        super().__init__(parent_model, admin_site)
        source = next((s for s in action_sources.registered_sources() if s.model_class is parent_model), None)
        kind = source.kind if source is not None else parent_model._meta.verbose_name
        self.verbose_name_plural = f"actions raised from this {kind}"


@admin.register(PriorityActivity)
class PriorityActivityAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "priority", "lead", "start_date", "order"]
    list_filter = ["priority__first_year", "priority", "lead_body", "lead_agency"]
    search_fields = ["activity", "purpose", "impact", "what_next", "priority__title"]
    autocomplete_fields = ["priority", "lead_body", "lead_agency"]
    list_select_related = ["priority", "lead_body", "lead_agency"]
    inlines = [MetricInline, SourcedActionInline]


@admin.register(ActivityMetric)
class ActivityMetricAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "activity"]
    search_fields = ["label", "activity__activity"]
    autocomplete_fields = ["activity"]
    list_select_related = ["activity"]


class DeadlineFilter(admin.SimpleListFilter):
    title = "deadline"
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("due_soon", "Due in the next 14 days"), ("open", "All open actions")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "due_soon":
            return queryset.due_soon()
        if self.value() == "open":
            return queryset.open()
        return queryset


class SourceKindFilter(admin.SimpleListFilter):
    """By the kind of record the actions come from, as the registry names them."""

    title = "comes from"
    parameter_name = "source_kind"
    NONE = "none"

    def lookups(self, request, model_admin):
        kinds = [(str(kind.pk), capfirst(source.kind)) for source, kind in action_sources.content_types()]
        return kinds + [(self.NONE, "Not recorded")]

    def queryset(self, request, queryset):
        if self.value() == self.NONE:
            return queryset.filter(source_type__isnull=True)
        if self.value() in {value for value, _ in self.lookup_choices}:
            return queryset.filter(source_type_id=self.value())
        return queryset


class ActionUpdateInline(admin.StackedInline):
    model = ActionUpdate
    fields = [("date", "author"), "text", "evidence"]
    readonly_fields = ["author"]
    extra = 0


@admin.register(Action)
class ActionAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.ActionResource]
    list_display = ["title", "owner_agency", "owner_person", "lead_body", "due_date", "status", "rag", "overdue"]
    list_filter = [DeadlineFilter, "status", "rag", "lead_body", "owner_agency", SourceKindFilter]
    search_fields = ["title", "description", "owner_agency__name", "owner_person__name", "lead_body__name"]
    autocomplete_fields = ["owner_agency", "owner_person", "lead_body"]
    list_select_related = ["owner_agency", "owner_person", "lead_body"]
    readonly_fields = ["source_link", "created"]
    fieldsets = [
        (None, {"fields": ["title", "description"]}),
        ("Comes from", {"fields": [("source_type", "source_id"), "source_link"]}),
        ("Owner", {"fields": ["owner_agency", "owner_person", "lead_body"]}),
        ("Progress", {"fields": ["due_date", "status", "rag", "completed_on", "created"]}),
    ]
    date_hierarchy = "due_date"
    inlines = [ActionUpdateInline]

    @admin.display(boolean=True, description="overdue")
    def overdue(self, obj):
        return obj.is_overdue

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "source_type":
            kwargs["form_class"] = SourceKindChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="source")
    def source_link(self, obj):
        description = action_sources.describe_source(obj)
        if not description:
            return "—"
        kind = obj.source_type
        try:
            url = reverse(f"admin:{kind.app_label}_{kind.model}_change", args=[obj.source_id])
        except NoReverseMatch:
            return description  # its app keeps that kind out of the admin
        return format_html('<a href="{}">{}</a>', url, description)

    def save_formset(self, request, form, formset, change):
        if formset.model is ActionUpdate:
            for update in formset.save(commit=False):
                if update.author_id is None:
                    update.author = request.user
                update.save()
            for gone in formset.deleted_objects:
                gone.delete()
            formset.save_m2m()
        else:
            super().save_formset(request, form, formset, change)


@admin.register(ActionUpdate)
class ActionUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "date", "author", "evidence"]
    list_filter = ["action__owner_agency", "action__status"]
    search_fields = ["text", "action__title"]
    autocomplete_fields = ["action", "author"]
    list_select_related = ["action", "author"]
    date_hierarchy = "date"


@admin.register(ChallengeLogEntry)
class ChallengeLogEntryAdmin(SimpleHistoryAdmin):
    list_display = [
        "raised_on",
        "raised_by_agency",
        "agency_challenged",
        "stage",
        "resolution",
        "closed_on",
        "publish_as_example",
    ]
    list_filter = [
        "stage",
        "resolution",
        "publish_as_example",
        ("closed_on", admin.EmptyFieldListFilter),
        "agency_challenged",
    ]
    search_fields = ["issue", "outcome", "impact", "raised_by_agency__name", "agency_challenged__name"]
    autocomplete_fields = ["raised_by_person", "raised_by_agency", "agency_challenged"]
    list_select_related = ["raised_by_agency", "agency_challenged"]
    date_hierarchy = "raised_on"


class YouSaidWeDidInline(admin.TabularInline):
    model = YouSaidWeDid
    fields = ["year", "you_said", "we_did", "status", "order"]
    extra = 0


@admin.register(EngagementActivity)
class EngagementActivityAdmin(SimpleHistoryAdmin):
    list_display = ["date", "group", "age_range", "borough", "method", "children_taking_part"]
    list_filter = ["borough", "method"]
    search_fields = ["group", "topic", "method"]
    list_select_related = ["borough"]
    date_hierarchy = "date"
    inlines = [YouSaidWeDidInline]


@admin.register(YouSaidWeDid)
class YouSaidWeDidAdmin(SimpleHistoryAdmin):
    list_display = ["you_said", "we_did", "year", "status", "order"]
    list_filter = ["year", "status"]
    search_fields = ["you_said", "we_did"]
    autocomplete_fields = ["heard_at"]


class InspectionInline(admin.StackedInline):
    model = Inspection
    formset = InspectionsOfAStatement
    fields = [("inspectorate", "kind", "borough"), "name", ("date", "judgement"), "findings", "recommendations"]
    extra = 0


@admin.register(AgencyStatement)
class AgencyStatementAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "year", "status", "submitted_at", "decided_at"]
    list_filter = ["year", "status", "agency__sector"]
    search_fields = ["agency__name", "text"]
    autocomplete_fields = ["agency", "submitted_by", "decided_by"]
    list_select_related = ["agency"]
    fieldsets = [
        (None, {"fields": ["agency", "year", "status", "text"]}),
        ("Review", {"fields": ["manager_comments", ("submitted_by", "submitted_at"), ("decided_by", "decided_at")]}),
    ]
    inlines = [InspectionInline]


class StatementReminderInline(admin.TabularInline):
    model = StatementReminder
    fields = ["kind", "due_on", "sent_at", "sent_to"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(StatementRequest)
class StatementRequestAdmin(SimpleHistoryAdmin):
    """Who writes an agency's statement and by when (the contributions board sets them), with the reminders sent."""

    list_display = ["agency", "year", "assigned_to", "due_on", "last_chased_at"]
    list_filter = ["year"]
    search_fields = ["agency__name"]
    autocomplete_fields = ["agency", "assigned_to"]
    list_select_related = ["agency", "assigned_to"]
    readonly_fields = ["requested_by", "requested_at", "last_chased_by", "last_chased_at"]
    inlines = [StatementReminderInline]


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "inspectorate", "kind", "name", "borough", "date", "judgement"]
    list_filter = ["inspectorate", "judgement", "borough"]
    search_fields = ["inspectorate", "kind", "name", "statement__agency__name", "findings", "recommendations"]
    autocomplete_fields = ["statement"]
    list_select_related = ["statement__agency", "borough"]
    date_hierarchy = "date"


@admin.register(Contribution)
class ContributionAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.ContributionResource]
    list_display = ["year", "borough", "source_name", "amount", "order"]
    list_filter = ["year", "borough"]
    search_fields = ["agency__name", "label"]
    autocomplete_fields = ["agency"]
    list_select_related = ["borough", "agency"]

    @admin.display(description="from", ordering="label")
    def source_name(self, obj):
        return obj.source_name


@admin.register(ExpenditureLine)
class ExpenditureLineAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.ExpenditureLineResource]
    list_display = ["year", "borough", "category", "note", "amount"]
    list_filter = ["year", "borough", "category"]
    search_fields = ["note"]
    list_select_related = ["borough"]


@admin.register(ReservesBroughtForward)
class ReservesBroughtForwardAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.ReservesBroughtForwardResource]
    list_display = ["year", "borough", "amount"]
    list_filter = ["year", "borough"]
    list_select_related = ["borough"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SimpleHistoryAdmin):
    list_display = ["term", "expansion"]
    search_fields = ["term", "expansion", "definition"]


@admin.register(PolicyChange)
class PolicyChangeAdmin(SimpleHistoryAdmin):
    """What changed in the policies and procedures the partnership works by: the annual report's "Policies and
    procedures" chapter lists those of its year."""

    list_display = ["title", "kind", "agency", "changed_on"]
    list_filter = ["kind"]
    search_fields = ["title", "what_changed"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]
    date_hierarchy = "changed_on"
    fields = ["title", ("kind", "agency"), "changed_on", "what_changed", "link"]
    # An address typed without its scheme is read as https (Django 6's default; no deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


# The weekly action digest's log.


@admin.register(ActionDigest)
class ActionDigestAdmin(admin.ModelAdmin):
    """Read-only: a row is written when a digest is sent, and is what stops a second one that week."""

    list_display = ["week_start", "person", "email", "action_count", "sent_at"]
    list_filter = ["week_start"]
    search_fields = ["person__name", "email"]
    list_select_related = ["person"]
    date_hierarchy = "week_start"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
