"""The Case Review chair's forms: logging an incident, the Panel notification, the rapid review record and its
decision, commissioning the practice review, and on the practice review's page its steps, a hold, findings,
recommendations and the actions they raise, publication (or not), closure and dissemination. The practice review's
forms share one page, so each has a prefix that keeps its fields' ids apart. Editing a finding, a recommendation's
status, and the confirmations (removing a dissemination, undoing "not published", reopening a closed review) each
have a page of their own.

The forms check what was typed (a date, a known choice); the rules of the records (dates in order, no decision
before a rapid review, a rationale with every decision) are the models' and services', whose errors the views put
back on these fields with `lscp.forms.add_service_errors`. Every free-text box carries the warning against
identifying details.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils import timezone

from lscp.dates import date_field
from partnership.models import Agency, Body, BodyKind, LocalAuthority, Sector

from .models import (
    ABUSE_CATEGORIES,
    AddressedTo,
    AgeBand,
    Decision,
    DisseminationChannel,
    HeldPending,
    IncidentKind,
    LearningTheme,
    RecommendationStatus,
    ReviewKind,
)
from .models._common import CODE_NAME_HELP, NO_IDENTIFYING_DETAILS
from .services import REASON_TOO_LONG, STAGE_DATES, history_reason_max_length


def _free_text(label, help_text="", **kwargs):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"{help_text} {NO_IDENTIFYING_DETAILS}".strip(),
        **kwargs,
    )


def _checkboxes(queryset, **kwargs):
    return forms.ModelMultipleChoiceField(queryset=queryset, widget=forms.CheckboxSelectMultiple, **kwargs)


class _CrispyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class IncidentForm(_CrispyForm):
    code_name = forms.CharField(max_length=60, help_text=CODE_NAME_HELP)
    occurred_on = date_field(past=True, label="Date of the incident")
    la_aware_on = date_field(
        past=True,
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
    notified_on = date_field(past=True, label="National Panel notified on")
    panel_reference = forms.CharField(label="National Panel reference", max_length=60, required=False)


class RapidReviewForm(_CrispyForm):
    """Starts the rapid review (its start date) or records how it went on: its meetings, the agencies contributing,
    its submission to the Panel and the Panel's response. The agencies are ticked as recorded: the form sets them as
    sent. An agency no longer active stays offered where it is already recorded."""

    started_on = date_field(past=True, label="Rapid review started on", required=False)
    meeting_on = date_field(past=True, label="Add a meeting on", required=False)
    agencies = _checkboxes(
        Agency.objects.none(),
        label="Agencies contributing",
        required=False,
        help_text="The agencies that contributed to the rapid review (information, chronologies, attending).",
    )
    submitted_to_panel_on = date_field(past=True, label="Submitted to the National Panel on", required=False)
    panel_response_on = date_field(past=True, label="National Panel responded on", required=False)
    panel_response_summary = _free_text("National Panel's response in summary", required=False)

    def __init__(self, *args, rapid_review=None, **kwargs):
        if rapid_review is not None:
            kwargs.setdefault("initial", {"agencies": [agency.pk for agency in rapid_review.agencies.all()]})
        super().__init__(*args, **kwargs)
        offered = Q(active=True)
        if rapid_review is not None:
            offered |= Q(rapid_reviews=rapid_review)
        self.fields["agencies"].queryset = Agency.objects.filter(offered).distinct().order_by("name")
        if rapid_review is None:
            self.fields["started_on"].required = True
            for name in ("meeting_on", "submitted_to_panel_on", "panel_response_on", "panel_response_summary"):
                del self.fields[name]
        else:
            del self.fields["started_on"]


class DecisionForm(_CrispyForm):
    decision = forms.ChoiceField(choices=[("", "Choose the decision"), *Decision.choices])
    rationale = _free_text("Rationale", "The National Panel will ask for it.")
    decided_on = date_field(past=True, label="Decided on")
    decided_by = forms.ModelChoiceField(
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="Choose the body (optional)",
        help_text="The safeguarding partners or the Case Review Subgroup.",
    )


class StageForm(_CrispyForm):
    stage = forms.ChoiceField(label="Step", choices=[(stage.value, stage.label) for stage in STAGE_DATES])
    on = date_field(past=True, label="Date of the step")


def _line_text(label, help_text="", **kwargs):
    """A one-line free-text box, with the same warning as the longer ones."""
    return forms.CharField(label=label, help_text=f"{help_text} {NO_IDENTIFYING_DETAILS}".strip(), **kwargs)


class CommissionForm(_CrispyForm):
    """Commissions the practice review the rapid review's decision leads to."""

    prefix = "commission"

    code_name = forms.CharField(max_length=100, help_text=CODE_NAME_HELP)
    kind = forms.ChoiceField(label="Kind of review", choices=[("", "Choose the kind of review"), *ReviewKind.choices])
    joint_with = forms.ModelChoiceField(
        label="Held jointly with",
        queryset=Body.objects.filter(kind=BodyKind.LINKED_BOARD).order_by("name"),
        required=False,
        empty_label="Choose the board (joint reviews only)",
        help_text="For a joint review: the Safeguarding Adults Board it is held with.",
    )
    reviewers = forms.CharField(
        label="Reviewer(s)", max_length=300, required=False, help_text="The independent reviewer(s) commissioned."
    )
    review_group = _checkboxes(
        Agency.objects.filter(active=True).order_by("name"),
        label="Review group (agencies)",
        required=False,
    )
    commissioned_on = date_field(past=True, label="Commissioned on", initial=timezone.localdate)
    target_completion = date_field(
        label="Target completion",
        required=False,
        help_text="Set from the partnership's target after the decision; change it if the review group agreed another.",
    )
    summary = _free_text("What the review looks at", "As the annual report will say it.", required=False)


class HoldForm(_CrispyForm):
    prefix = "hold"

    held_pending = forms.ChoiceField(label="Held pending", choices=HeldPending.choices, required=False)
    held_since = date_field(past=True, label="Held since", required=False)
    held_note = _free_text("About the hold", "What the review waits for and when it is expected.", required=False)


class FindingForm(_CrispyForm):
    prefix = "finding"

    text = _free_text("Learning point")
    themes = _checkboxes(
        LearningTheme.objects.filter(active=True).order_by("name"),
        label="Learning themes",
        required=False,
        help_text="Tag the finding so that learning that recurs across reviews shows on the themes page.",
    )


class RecommendationForm(_CrispyForm):
    prefix = "recommendation"

    text = _free_text("Recommendation")
    addressed_to = forms.ChoiceField(
        label="Made to", choices=AddressedTo.choices, widget=forms.RadioSelect, initial=AddressedTo.PARTNERSHIP
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(active=True).order_by("name"),
        required=False,
        empty_label="Choose the agency (when made to an agency)",
    )
    sector = forms.ChoiceField(
        choices=[("", "Choose the sector (when made to a sector)"), *Sector.choices], required=False
    )


class RaiseActionForm(_CrispyForm):
    """Raises an action in the shared tracker from one of the review's recommendations."""

    prefix = "action"

    recommendation = forms.TypedChoiceField(coerce=int, empty_value=None)
    title = _line_text("What is to be done", max_length=300)
    description = _free_text("More about the action", required=False)
    owner_agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=Agency.objects.filter(active=True).order_by("name"),
        empty_label="Choose the agency that must do it",
        help_text="Its partner representatives update the action in the action tracker.",
    )
    lead_body = forms.ModelChoiceField(
        label="Overseen by",
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="Choose the body (optional)",
        help_text="Its chairs can update and close the action in the action tracker.",
    )
    due_date = date_field(label="Due by")

    def __init__(self, *args, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].choices = [("", "Choose the recommendation")] + [
            (r.pk, f"Recommendation {r.number}") for r in recommendations
        ]


class PublicationForm(_CrispyForm):
    prefix = "publication"

    planned_publication_on = date_field(label="Planned publication date", required=False)
    published_on = date_field(past=True, label="Published on", required=False)
    publication_override_reason = _free_text(
        "Reason for publishing fewer than 7 working days after sharing",
        "Only when publishing sooner than 7 working days after the report was shared.",
        required=False,
    )


class NotPublishedForm(_CrispyForm):
    prefix = "not_published"

    not_published_reason = _free_text("Reason it is not published")


class ClosureForm(_CrispyForm):
    prefix = "closure"

    closed_on = date_field(past=True, label="Closed on", initial=timezone.localdate)
    closure_reason = _free_text(
        "Reason for closing with actions open",
        "Only when some of its actions are still open, e.g. that they are followed up elsewhere.",
        required=False,
    )


class DisseminationForm(_CrispyForm):
    prefix = "dissemination"

    channel = forms.ChoiceField(choices=[("", "Choose the channel"), *DisseminationChannel.choices])
    date = date_field(past=True, label="Date")
    audience = _line_text(
        "Audience reached", "Who it reached, e.g. designated safeguarding leads in schools.", max_length=300
    )
    people_reached = forms.IntegerField(label="How many people", min_value=0, required=False, help_text="If known.")


class FindingEditForm(FindingForm):
    """A finding's learning point and themes, changed. The themes offered are the active ones and those already on
    the finding (a theme no longer offered may stay where it was)."""

    def __init__(self, *args, finding, **kwargs):
        kwargs.setdefault("initial", {"text": finding.text, "themes": [theme.pk for theme in finding.themes.all()]})
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = (
            LearningTheme.objects.filter(Q(active=True) | Q(findings=finding)).distinct().order_by("name")
        )


class RecommendationStatusForm(_CrispyForm):
    prefix = "status"

    status = forms.ChoiceField(label="Status", choices=RecommendationStatus.choices, widget=forms.RadioSelect)
    response = _free_text(
        "The partnership's decision and progress",
        "What was decided on the recommendation and what has been done, as the annual report will say it; "
        "the reason, when it is not taken forward.",
        required=False,
    )


class ConfirmForm(_CrispyForm):
    """A confirmation with nothing to type: the button is the answer."""


class ReasonForm(_CrispyForm):
    """A change the review's history records with why it was made (who made it is recorded too)."""

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        maximum = history_reason_max_length()
        self.fields["reason"] = forms.CharField(
            label=label,
            max_length=maximum,
            help_text=f"Up to {maximum} characters, kept in the review's history with your name. "
            + NO_IDENTIFYING_DETAILS,
            error_messages={"max_length": REASON_TOO_LONG % {"max": maximum, "length": "%(show_value)d"}},
        )
