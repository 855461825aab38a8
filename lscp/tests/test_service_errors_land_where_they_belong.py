"""A service's ValidationError lands on the form that sent the data: each message under the field it is about,
the rest above the form or handed back for the page's own summary."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from lscp.forms import add_service_errors


class DecisionForm(forms.Form):
    decision = forms.CharField(required=False)
    comments = forms.CharField(required=False)


def bound_form():
    form = DecisionForm({"decision": "accept", "comments": "Thank you."})
    assert form.is_valid()
    return form


def test_a_message_about_a_field_of_the_form_goes_under_that_field():
    form = bound_form()
    others = add_service_errors(form, ValidationError({"comments": ["Say why you return it."]}))
    assert form.errors == {"comments": ["Say why you return it."]}
    assert others == []
    assert "comments" not in form.cleaned_data  # the form is invalid now, as the page must show


def test_messages_about_the_record_or_fields_the_form_lacks_go_above_the_form():
    form = bound_form()
    error = ValidationError(
        {NON_FIELD_ERRORS: ["The statement was already accepted."], "submitted_by": ["Nobody submitted it."]}
    )
    add_service_errors(form, error)
    assert form.non_field_errors() == ["The statement was already accepted.", "Nobody submitted it."]
    assert set(form.errors) == {NON_FIELD_ERRORS}


def test_a_message_naming_no_field_goes_above_the_form():
    form = bound_form()
    add_service_errors(form, ValidationError(["The report is approved.", "Ask the business manager."]))
    assert form.non_field_errors() == ["The report is approved.", "Ask the business manager."]


def test_the_service_field_names_can_map_onto_other_form_fields():
    form = bound_form()
    error = ValidationError({"manager_comments": ["Say why you return it."], "decision": ["Not that one."]})
    others = add_service_errors(form, error, fields={"manager_comments": "comments"}, others_on_form=False)
    assert form.errors == {"comments": ["Say why you return it."]}
    assert others == ["Not that one."]  # only the mapped fields are placed when a map is given


def test_the_rest_can_be_handed_back_for_the_page_to_list():
    form = bound_form()
    others = add_service_errors(
        form, ValidationError("This statement is with the business manager."), others_on_form=False
    )
    assert others == ["This statement is with the business manager."]
    assert form.errors == {}
