from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from lscp.data_protection_admin import AnonymisedListFilter, download_subject_access, erase_personal_data
from lscp.spreadsheets.admin import SpreadsheetAdminMixin

from . import resources, services
from .models import (
    Agency,
    Attendance,
    Body,
    LocalAuthority,
    Meeting,
    Membership,
    Person,
)


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "active"]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["name", "job_title", "email", "phone"]
    extra = 0
    show_change_link = True


@admin.register(Agency)
class AgencyAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.AgencyResource]
    list_display = ["name", "sector", "statutory_partner", "active"]
    list_filter = ["statutory_partner", "sector", "active", "boroughs"]
    search_fields = ["name"]
    filter_horizontal = ["boroughs"]
    inlines = [PersonInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["person", "body", "role", "agency", "start", "end"]
    autocomplete_fields = ["person", "body", "agency"]
    extra = 0


@admin.register(Person)
class PersonAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.PersonResource]
    list_display = ["name", "job_title", "agency", "email", "user"]
    list_filter = ["agency__sector", "agency", AnonymisedListFilter]
    search_fields = ["name", "email", "job_title", "agency__name"]
    autocomplete_fields = ["agency", "user"]
    list_select_related = ["agency", "user"]
    inlines = [MembershipInline]
    readonly_fields = ["anonymised_at"]
    actions = [download_subject_access, erase_personal_data]


class BodyMembershipInline(MembershipInline):
    fields = ["person", "role", "agency", "start", "end"]


class ChildBodyInline(admin.TabularInline):
    model = Body
    fk_name = "parent"
    fields = ["name", "kind", "meeting_frequency"]
    extra = 0
    show_change_link = True
    verbose_name_plural = "groups under this body"


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "borough", "meeting_frequency", "active_from", "active_to"]
    list_filter = ["kind", "borough"]
    search_fields = ["name", "purpose"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent", "borough"]
    inlines = [BodyMembershipInline, ChildBodyInline]


@admin.register(Membership)
class MembershipAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.MembershipResource]
    list_display = ["person", "body", "role", "agency", "start", "end"]
    list_filter = ["role", "body__kind", "body", "agency__statutory_partner"]
    search_fields = ["person__name", "body__name", "agency__name"]
    autocomplete_fields = ["person", "body", "agency"]
    list_select_related = ["person", "body", "agency"]
    date_hierarchy = "start"


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fields = ["membership", "status", "deputy_name", "deputy_agency"]
    autocomplete_fields = ["membership", "deputy_agency"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "starts_at", "kind", "theme", "status", "register_link"]
    list_filter = ["status", "kind", "body__kind", "body"]
    search_fields = ["body__name", "theme", "location"]
    autocomplete_fields = ["body", "joint_with"]
    list_select_related = ["body"]
    date_hierarchy = "starts_at"
    inlines = [AttendanceInline]

    @admin.display(description="register")
    def register_link(self, meeting):
        # The register is taken on the meeting's own form, for any date: no query parameters to type.
        url = reverse("partnership:meeting_edit", args=[meeting.pk]) + "#register"
        return format_html('<a href="{}">Take or edit the register</a>', url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        added = services.prefill_register(meeting=form.instance)
        if added:
            self.message_user(request, f"{added} current members were added to the register, not yet recorded.")


@admin.register(Attendance)
class AttendanceAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    """Registers line by line, and a year of them from a spreadsheet (docs/imports.md, "Attendance")."""

    resource_classes = [resources.AttendanceResource]
    list_display = ["meeting", "membership", "status", "deputy_name"]
    list_filter = ["status", "meeting__body"]
    search_fields = ["membership__person__name", "meeting__body__name", "deputy_name"]
    autocomplete_fields = ["meeting", "membership", "deputy_agency"]
    list_select_related = ["meeting__body", "membership__person", "membership__body"]

    def has_import_permission(self, request):
        # An import adds the meetings it does not find.
        return super().has_import_permission(request) and request.user.has_perm("partnership.add_meeting")


# Governance records: priorities, the action tracker, the challenge log, the voice of the child, partners'
# statements, finance and the glossary.
