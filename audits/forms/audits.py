"""The Quality Assurance chair's forms: a multi-agency audit's details, the agencies taking part, the graded cases of
one agency (a row per case), the findings, a recommendation and the action raised from one; and a single-agency
audit. The audit page shows several at once, so each has a prefix that keeps its fields' ids apart.

The forms check what was typed (a date, a known choice); the rules (a re-audit names the audit it repeats, dates in
order, a meeting of the body chosen, a case graded once) are the models' and audits/services/audits.py's, whose
errors the views put back on these fields with `lscp.forms.add_service_errors`."""

from crispy_forms.helper import FormHelper
from django import forms

from governance.models import Priority
from lscp.dates import date_field
from lscp.fields import TEXT_LIMIT
from partnership.models import Agency, Body, Meeting

from ..models import AuditKind, AuditMethod, Grade, MultiAgencyAudit
from ..models._common import CASE_REFERENCE_HELP, NO_IDENTIFYING_DETAILS


def _free_text(label, help_text="", **kwargs):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_LIMIT,
        help_text=f"{help_text} {NO_IDENTIFYING_DETAILS}".strip(),
        **kwargs,
    )


def _agencies():
    return Agency.objects.filter(active=True).order_by("name")


class _CrispyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class AuditForm(_CrispyForm):
    theme = forms.CharField(max_length=200, help_text="For example: neglect, exploitation, the NRM.")
    priority = forms.ModelChoiceField(
        queryset=Priority.objects.order_by("-first_year", "number"),
        required=False,
        empty_label="Not from a priority",
        help_text="The partnership priority the theme comes from, if it comes from one.",
    )
    kind = forms.ChoiceField(choices=AuditKind.choices, widget=forms.RadioSelect, initial=AuditKind.NEW)
    earlier_audit = forms.ModelChoiceField(
        label="Re-audit of",
        queryset=MultiAgencyAudit.objects.order_by("-planned_on", "-held_on", "theme"),
        required=False,
        empty_label="Not a re-audit",
        help_text="For a re-audit: the audit it repeats, to measure the change since.",
    )
    scope = _free_text(
        "Scope", "What the audit looked at and why: the cases sampled, the questions asked.", required=False
    )
    planned_on = date_field(label="Planned for", required=False)
    held_on = date_field(past=True, label="Held on", required=False, help_text="When the case audits were done.")
    workshop_on = date_field(label="Workshop on", required=False)

    def __init__(self, *args, audit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if audit is not None and audit.pk:
            self.fields["earlier_audit"].queryset = self.fields["earlier_audit"].queryset.exclude(pk=audit.pk)


class ParticipationForm(_CrispyForm):
    prefix = "participation"

    agency = forms.ModelChoiceField(queryset=_agencies(), empty_label="Choose the agency")
    cases_audited = forms.IntegerField(label="Cases it audited", min_value=0, max_value=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()


class JudgementsForm(_CrispyForm):
    """The graded cases of one agency, a row per case: its case code and its grade. A row left empty is skipped;
    empty a row to remove that case."""

    def __init__(self, *args, judgements=(), rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        judgements = list(judgements)
        self.row_count = max(rows or 0, len(judgements), 1)
        for row in range(1, self.row_count + 1):
            current = judgements[row - 1] if row <= len(judgements) else None
            self.fields[f"case_{row}"] = forms.CharField(
                label=f"Case {row}: case code",
                max_length=40,
                required=False,
                initial=current.case_reference if current else "",
                help_text=CASE_REFERENCE_HELP if row == 1 else "",
            )
            self.fields[f"grade_{row}"] = forms.ChoiceField(
                label=f"Case {row}: grade",
                choices=[("", "Not graded"), *Grade.choices],
                required=False,
                initial=current.grade if current else "",
            )

    @property
    def rows(self):
        return [(self[f"case_{row}"], self[f"grade_{row}"]) for row in range(1, self.row_count + 1)]

    def cases(self):
        return [
            (self.cleaned_data.get(f"case_{row}", ""), self.cleaned_data.get(f"grade_{row}", ""))
            for row in range(1, self.row_count + 1)
        ]


class FindingsForm(_CrispyForm):
    prefix = "findings"

    strengths = _free_text("Strengths", "What the audit found working well.", required=False)
    areas_for_development = _free_text("Areas for development", required=False)


class RecommendationForm(_CrispyForm):
    prefix = "recommendation"

    text = _free_text("Recommendation")
    agency = forms.ModelChoiceField(
        label="Made to",
        queryset=_agencies(),
        required=False,
        empty_label="The whole partnership",
        help_text="The agency it is made to, if it is made to one.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()


class RaiseActionForm(_CrispyForm):
    """Raises an action in the shared tracker from one of the audit's recommendations."""

    prefix = "action"

    recommendation = forms.TypedChoiceField(coerce=int, empty_value=None)
    title = forms.CharField(label="What is to be done", max_length=300)
    description = _free_text("More about the action", required=False)
    owner_agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=_agencies(),
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
        self.fields["owner_agency"].queryset = _agencies()
        self.fields["recommendation"].choices = [("", "Choose the recommendation")] + [
            (r.pk, f"Recommendation {r.number}") for r in recommendations
        ]


class SingleAgencyAuditForm(_CrispyForm):
    agency = forms.ModelChoiceField(queryset=_agencies(), empty_label="Choose the agency")
    topic = forms.CharField(max_length=200)
    method = forms.ChoiceField(choices=[("", "Choose the method"), *AuditMethod.choices])
    date = date_field(past=True, label="Completed on")
    key_findings = _free_text("Key findings", required=False)
    presented_to = forms.ModelChoiceField(
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="Not presented yet",
        help_text="The body it was presented to, usually the Quality Assurance subgroup.",
    )
    presented_at = forms.ModelChoiceField(
        label="Presented at meeting",
        queryset=Meeting.objects.select_related("body").order_by("-starts_at"),
        required=False,
        empty_label="Not presented yet",
        help_text="A meeting of the body chosen above.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()
