"""The evaluation form (before the session, after it, and three months on) and the impact page's choice of year.
Only what was typed is checked here; the evaluation rules are training/services/evaluations.py's, whose errors the
view puts back on the form."""

from crispy_forms.helper import FormHelper
from django import forms

CONFIDENCE_CHOICES = [
    ("1", "1: not confident"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5: very confident"),
]
PRACTICE_CHOICES = [("yes", "Yes"), ("no", "No")]


class EvaluationForm(forms.Form):
    """A confidence score per learning outcome (each radio group is labelled with the outcome), then for the after
    and follow-up stages whether practice has changed and how, and comments. Only what was typed is checked here;
    the rules (every outcome scored, how practice changed when it has) are the service's, put back on this form."""

    practice_changed = forms.ChoiceField(
        label="Has your practice changed because of the training?",
        choices=PRACTICE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )
    practice_change = forms.CharField(
        label="How has your practice changed?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="For example what you now do differently with children and families, or with other agencies.",
    )
    comments = forms.CharField(
        label="Any other comments", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )

    def __init__(self, *args, outcomes, stage, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        self.stage = stage
        scores = {}
        for outcome in self.outcomes:
            scores[f"score_{outcome.pk}"] = forms.ChoiceField(
                label=outcome.text,
                choices=CONFIDENCE_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                help_text="How confident do you feel about this, from 1 (not confident) to 5 (very confident)?",
            )
        self.fields = {**scores, **self.fields}
        if stage == "before":
            del self.fields["practice_changed"]
            del self.fields["practice_change"]
        elif stage == "after":
            self.fields["practice_changed"].label = "Will you change your practice because of the training?"
            self.fields["practice_change"].label = "How will your practice change?"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def service_arguments(self):
        data = self.cleaned_data
        changed = data.get("practice_changed")
        return {
            "scores": {outcome.pk: data.get(f"score_{outcome.pk}") or None for outcome in self.outcomes},
            "practice_changed": {"yes": True, "no": False}.get(changed),
            "practice_change": data.get("practice_change", ""),
            "comments": data.get("comments", ""),
        }


class ImpactYearForm(forms.Form):
    year = forms.ChoiceField(label="Financial year", widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year.slug, year.label) for year in years]
