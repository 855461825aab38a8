from crispy_forms.helper import FormHelper
from django import forms

from lscp.financial_year import FinancialYearFormField

from .models import NarrativeSection


class CreateReportForm(forms.Form):
    year = FinancialYearFormField(label="Financial year")
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty for “Annual report 2022/23”.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = NarrativeSection
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18, "class": "font-monospace"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
