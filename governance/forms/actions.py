"""The action tracker's forms: the filters on the list of actions, a progress update, and the choice of the
kind of record an action comes from."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.text import capfirst

from lscp.dates import date_field
from lscp.validators import validate_document
from partnership.models import Agency

from .. import action_sources
from ..models import UPDATE_IN_FUTURE, ActionStatus, ActionUpdate, Rag

OPEN, ANY = "", "any"
STATUS_FILTER_CHOICES = [(OPEN, "Open (not complete or cancelled)"), (ANY, "Any status")] + list(ActionStatus.choices)
OVERDUE, DUE_SOON = "overdue", "due_soon"
DEADLINE_CHOICES = [("", "Any due date"), (OVERDUE, "Overdue"), (DUE_SOON, "Due in the next 14 days")]
RAG_FILTER_CHOICES = [("", "Any RAG rating"), ("none", "Not yet rated")] + [
    (value, label.split(":")[0]) for value, label in Rag.choices
]


class ActionFilterForm(forms.Form):
    """The list's filters, read from the query string. A value that makes no sense is ignored (and shown
    as an error), never a reason for an error page."""

    status = forms.ChoiceField(choices=STATUS_FILTER_CHOICES, required=False)
    deadline = forms.ChoiceField(label="Due", choices=DEADLINE_CHOICES, required=False)
    rag = forms.ChoiceField(label="RAG rating", choices=RAG_FILTER_CHOICES, required=False)
    agency = forms.ModelChoiceField(
        label="Owner agency", queryset=Agency.objects.none(), required=False, empty_label="Any agency"
    )

    def __init__(self, *args, show_agency, **kwargs):
        super().__init__(*args, **kwargs)
        if show_agency:
            self.fields["agency"].queryset = Agency.objects.order_by("name")
        else:
            del self.fields["agency"]

    def filter(self, queryset, *, today):
        self.is_valid()
        values = self.cleaned_data  # only the fields that were valid
        status = values.get("status", OPEN)
        if status == OPEN:
            queryset = queryset.open()
        elif status != ANY:
            queryset = queryset.filter(status=status)
        deadline = values.get("deadline")
        if deadline == OVERDUE:
            queryset = queryset.overdue(today)
        elif deadline == DUE_SOON:
            queryset = queryset.due_soon(today)
        rag = values.get("rag")
        if rag == "none":
            queryset = queryset.filter(rag="")
        elif rag:
            queryset = queryset.filter(rag=rag)
        if values.get("agency"):
            queryset = queryset.filter(owner_agency=values["agency"])
        return queryset


class ProgressUpdateForm(forms.Form):
    date = date_field(
        past=True,
        future_message=UPDATE_IN_FUTURE,
        initial=timezone.localdate,
        help_text="The date the progress was made or reported; not in the future.",
    )
    text = forms.CharField(
        label="Progress",
        max_length=ActionUpdate._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has been done since the last update, and what happens next. Do not name children.",
    )
    evidence = forms.FileField(
        required=False,
        validators=[validate_document],
        help_text="Optional: a PDF, Word (.docx) or Excel (.xlsx) document, up to 20 MB.",
    )
    status = forms.ChoiceField(
        label="New status",
        required=False,
        help_text="Choose “Complete” when the action is done: it is then dated with this update.",
    )
    rag = forms.ChoiceField(label="New RAG rating", required=False)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["status"].choices = [("", f"Keep it as it is ({action.get_status_display()})")] + list(
            ActionStatus.choices
        )
        current_rag = action.get_rag_display().split(":")[0] if action.rag else "not yet rated"
        self.fields["rag"].choices = [("", f"Keep it as it is ({current_rag})")] + list(Rag.choices)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class SourceKindChoiceField(forms.ModelChoiceField):
    """The kinds of record an action can come from (the field's `limit_choices_to` keeps to the registered
    ones), each by the name its app registered it under rather than "Governance records | priority activity"."""

    def label_from_instance(self, obj):
        source = action_sources.source_for(obj)
        return capfirst(source.kind) if source is not None else str(obj)
