from django import forms
from django.contrib import admin
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualReport, NarrativeSection, ReportBuild, ReportDuty, ReportRecipient, possible_contributors
from .services import ChapterSavedMeanwhile, check_not_saved_meanwhile, ensure_narratives


class NarrativeAdminForm(forms.ModelForm):
    """A chapter's text in the admin, refused like the web form's when someone saved the chapter after the page
    was opened (their text is quoted in the error), and stamped with who changed it when it is saved."""

    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = NarrativeSection
        fields = ["written_by", "assigned_to", "due_on", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on_version"].initial = self.instance.version
        if "assigned_to" in self.fields:
            # Only people who can sign in, be reminded and write on the web form (the model's clean says why not).
            self.fields["assigned_to"].queryset = possible_contributors()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "text" in self.changed_data and "text" in cleaned:
            saved = NarrativeSection.objects.select_related("last_edited_by").get(pk=self.instance.pk)
            try:
                check_not_saved_meanwhile(saved, text=cleaned["text"], based_on_version=cleaned.get("based_on_version"))
            except ChapterSavedMeanwhile as conflict:
                self.add_error("text", f"{conflict.messages[0]} Their text: “{saved.text}”")
        return cleaned


class NarrativeInline(admin.StackedInline):
    model = NarrativeSection
    form = NarrativeAdminForm
    # Who writes a chapter (the body whose chairs edit it on the web form) can change at any time;
    # its text only while the report is a draft.
    fields = [
        "key",
        "title",
        "written_by",
        "assigned_to",
        "due_on",
        "text",
        "based_on_version",
        "last_edited_by",
        "last_edited_at",
        "last_chased_at",
    ]
    readonly_fields = ["key", "title", "last_edited_by", "last_edited_at", "last_chased_at"]
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        # Chapters change only while the report is a draft, as on the report page.
        if obj is not None and obj.status != "draft":
            return [*self.readonly_fields, "text"]
        return self.readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


class BuildInline(admin.TabularInline):
    model = ReportBuild
    fields = [
        "status",
        "made_from_status",
        "queued_at",
        "finished_at",
        "page_count",
        "file_size",
        # How the build went, for whoever looks after the server (the report's page leaves them out).
        "gather_seconds",
        "render_seconds",
        "write_seconds",
        "query_count",
        "error",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ["year", "display_title", "status", "approved_on", "published_on"]
    list_filter = ["status"]
    # Approval and publication go through the report page, which checks placeholders and pins a current build.
    readonly_fields = ["status", "approved_on", "approved_by", "published_on", "published_build"]
    inlines = [NarrativeInline, BuildInline]

    def save_formset(self, request, form, formset, change):
        # A chapter whose text changed here is stamped as the web form stamps it: who, when, and its version
        # (so a build made before it is out of date, and a page opened before it cannot overwrite it).
        for inline_form in formset.forms:
            if isinstance(inline_form, NarrativeAdminForm) and "text" in inline_form.changed_data:
                narrative = inline_form.instance
                narrative.last_edited_by, narrative.last_edited_at = request.user, timezone.now()
                narrative.version += 1
        super().save_formset(request, form, formset, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A chapter registered after the report was started gets its row here too, so that who writes it
        # can be set before anyone opens it.
        report = self.get_object(request, object_id)
        if report is not None:
            ensure_narratives(report)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ReportBuild)
class ReportBuildAdmin(admin.ModelAdmin):
    list_display = ["pk", "report", "status", "made_from_status", "queued_at", "page_count", "file_size", "query_count"]
    list_filter = ["status", "made_from_status", "report"]
    readonly_fields = [f.name for f in ReportBuild._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ReportRecipient)
class ReportRecipientAdmin(SimpleHistoryAdmin):
    """Who each published report is sent to: the business manager keeps the list (and the national bodies'
    addresses, which the product does not know)."""

    list_display = ["name", "email", "national", "active"]
    list_filter = ["national", "active"]
    search_fields = ["name", "email"]


@admin.register(ReportDuty)
class ReportDutyAdmin(SimpleHistoryAdmin):
    """The record of each sending, read-only: the report's page "Sending it on" sends and records them."""

    list_display = ["recipient_name", "report", "published_on", "due_on", "sent_on", "how", "sent_by"]
    list_filter = ["report", "national", "how"]
    readonly_fields = [f.name for f in ReportDuty._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
