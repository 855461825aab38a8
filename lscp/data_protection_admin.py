"""The admin actions of data protection, for the lists of people (the registry's people, training delegates): the
business manager downloads everything held about one person (a subject access request), or erases them where the
law allows, after a page that says what will be anonymised, what is kept and why, and what stops it for now.
The work is lscp/data_protection.py's; an app lists the actions on its ModelAdmin:

    actions = [download_subject_access, erase_personal_data]

Both are about one person at a time, found by the e-mail address of the record chosen.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse

from . import data_protection

ONE_AT_A_TIME = "Choose one person at a time: a request about personal data is about one person."
NO_ADDRESS = "This record has no e-mail address to find the person's other records by."


def _one_subject(modeladmin, request, queryset):
    """The subject of the one record chosen, or None (with a message saying why)."""
    records = list(queryset[:2])
    if len(records) != 1:
        modeladmin.message_user(request, ONE_AT_A_TIME, messages.ERROR)
        return None, None
    record = records[0]
    try:
        return record, data_protection.data_subject(getattr(record, "email", ""))
    except ValidationError:
        modeladmin.message_user(request, NO_ADDRESS, messages.ERROR)
        return record, None


@admin.action(description="Download everything held about this person (subject access)", permissions=["change"])
def download_subject_access(modeladmin, request, queryset):
    record, subject = _one_subject(modeladmin, request, queryset)
    if subject is None:
        return None
    response = HttpResponse(data_protection.export(subject), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{data_protection.export_filename()}"'
    modeladmin.log_change(request, record, "Downloaded everything held about this person (subject access).")
    return response


@admin.action(description="Erase or anonymise this person (data protection)", permissions=["delete"])
def erase_personal_data(modeladmin, request, queryset):
    record, subject = _one_subject(modeladmin, request, queryset)
    if subject is None:
        return None
    if request.POST.get("confirmed") == "yes":
        try:
            done = data_protection.erase(subject, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                modeladmin.message_user(request, message, messages.ERROR)
            return None
        record.refresh_from_db()
        modeladmin.log_change(request, record, "Erased where the law allows, at the person's request.")
        modeladmin.message_user(request, "Erased where the law allows.", messages.SUCCESS)
        for line in done:
            modeladmin.message_user(request, line, messages.INFO)
        return None
    gathered = data_protection.gather(subject)
    blockers, steps = data_protection.erasure_plan(subject, by=request.user, gathered=gathered)
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Erase or anonymise a person",
        "opts": opts,
        "record": record,
        "email": subject.email,
        "blockers": blockers,
        "anonymised": [step for step in steps if step.outcome == "anonymise"],
        "kept": [step for step in steps if step.outcome == "keep"],
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": "erase_personal_data",
    }
    return TemplateResponse(request, "admin/data_protection/erase.html", context)


class AnonymisedListFilter(admin.SimpleListFilter):
    """Anonymised records (`anonymised_at` set) or the others."""

    title = "anonymised"
    parameter_name = "anonymised"

    def lookups(self, request, model_admin):
        return [("yes", "Anonymised"), ("no", "Not anonymised")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(anonymised_at__isnull=self.value() == "no")
        return queryset
