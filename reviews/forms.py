"""The Case Review chair's forms: logging an incident, the Panel notification, the rapid review record and its
decision, and a practice review's steps.

The forms check what was typed (a date, a known choice); the rules of the records (dates in order, no decision
before a rapid review, a rationale with every decision) are the models' and services', whose errors the views put
back on these fields with `lscp.forms.add_service_errors`. Every free-text box carries the warning against
identifying details.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from partnership.models import Body, LocalAuthority

from .models import ABUSE_CATEGORIES, AgeBand, Decision, IncidentKind
from .models._common import CODE_NAME_HELP, NO_IDENTIFYING_DETAILS
from .services import STAGE_DATES


def _date_field(**kwargs):
    return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs)


def _free_text(label, help_text="", **kwargs):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"{help_text} {NO_IDENTIFYING_DETAILS}".strip(),
        **kwargs,
    )


class _CrispyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class IncidentForm(_CrispyForm):
    code_name = forms.CharField(max_length=60, help_text=CODE_NAME_HELP)
    occurred_on = _date_field(label="Date of the incident")
    la_aware_on = _date_field(
        label="Local authority became aware on",
        initial=timezone.localdate,
        help_text="The National Panel must be notified within 5 working days of this date.",
    )
    borough = forms.ModelChoiceField(queryset=LocalAuthority.objects.all(), empty_label="Choose the borough")
    age_band = forms.ChoiceField(label="Child's age band", choices=[("", "Choose the age band"), *AgeBand.choices])
    kind = forms.ChoiceField(choices=[("", "Death or serious harm"), *IncidentKind.choices])
    abuse_categories = forms.MultipleChoiceField(
        label="Categories of abuse",
        choices=list(ABUSE_CATEGORIES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    looked_after = forms.BooleanField(label="Looked-after child", required=False)
    circumstances = _free_text("Circumstances in outline", required=False)


class NotificationForm(_CrispyForm):
    notified_on = _date_field(label="National Panel notified on")
    panel_reference = forms.CharField(label="National Panel reference", max_length=60, required=False)


class RapidReviewForm(_CrispyForm):
    """Starts the rapid review (its start date) or records how it went on: its meetings, its submission to the
    Panel and the Panel's response."""

    started_on = _date_field(label="Rapid review started on", required=False)
    meeting_on = _date_field(label="Add a meeting on", required=False)
    submitted_to_panel_on = _date_field(label="Submitted to the National Panel on", required=False)
    panel_response_on = _date_field(label="National Panel responded on", required=False)
    panel_response_summary = _free_text("National Panel's response in summary", required=False)

    def __init__(self, *args, started, **kwargs):
        super().__init__(*args, **kwargs)
        if started:
            del self.fields["started_on"]
        else:
            self.fields["started_on"].required = True
            for name in ("meeting_on", "submitted_to_panel_on", "panel_response_on", "panel_response_summary"):
                del self.fields[name]


class DecisionForm(_CrispyForm):
    decision = forms.ChoiceField(choices=[("", "Choose the decision"), *Decision.choices])
    rationale = _free_text("Rationale", "The National Panel will ask for it.")
    decided_on = _date_field(label="Decided on")
    decided_by = forms.ModelChoiceField(
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="Choose the body (optional)",
        help_text="The safeguarding partners or the Case Review Subgroup.",
    )


class StageForm(_CrispyForm):
    stage = forms.ChoiceField(label="Step", choices=[(stage.value, stage.label) for stage in STAGE_DATES])
    on = _date_field(label="Date of the step")
