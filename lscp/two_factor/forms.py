"""The boxes a code is typed in: one box, a phone's number pad, and the browser's offer of a code it was sent."""

from django import forms

from .services import APP_CODE_DIGITS, normalised_code


def code_field(label, help_text):
    return forms.CharField(
        label=label,
        max_length=20,
        help_text=help_text,
        # The browser's offer of a code it was sent, and a phone's number pad.
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false", "autofocus": True}
        ),
    )


class CodeForm(forms.Form):
    """At sign-in: the app's 6-digit code, or an 8-digit recovery code."""

    code = code_field(
        "Code", "The 6-digit code your authenticator app shows now, or one of your 8-digit recovery codes."
    )
    not_a_code = "Enter the 6 digits your authenticator app shows, or an 8-digit recovery code."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # Back with its problems: the focus goes to their summary (static/js/error-summary.js), not the box.
            self.fields["code"].widget.attrs.pop("autofocus", None)

    def clean_code(self):
        code = normalised_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(self.not_a_code, code="not_a_code")
        return code


class SetUpCodeForm(CodeForm):
    """Confirming a new authenticator app: its first code."""

    code = code_field("Code from the app", "The 6 digits the app shows for this account now.")
    not_a_code = "Enter the 6 digits the app shows for this account."

    def clean_code(self):
        code = super().clean_code()
        if len(code) != APP_CODE_DIGITS:
            raise forms.ValidationError(self.not_a_code, code="not_a_code")
        return code
