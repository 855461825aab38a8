"""There is nowhere to type a child's name: the records have a code name and no name field, and every free-text
field about a case warns against identifying details."""

from django.apps import apps

from reviews.models import PracticeReview, RapidReview, SeriousIncident
from reviews.models._common import NO_IDENTIFYING_DETAILS

NAME_LIKE = ("name", "first_name", "last_name", "surname", "forename", "initials", "date_of_birth", "dob", "nhs_number")


def test_no_case_record_has_a_name_field():
    for model in apps.get_app_config("reviews").get_models():
        if model._meta.model_name.startswith("historical"):
            continue
        fields = {field.name for field in model._meta.get_fields()}
        assert not fields & set(NAME_LIKE) or model._meta.model_name == "learningtheme", model


def test_free_text_about_a_case_warns_against_identifying_details():
    for model, fields in [
        (SeriousIncident, ["circumstances"]),
        (RapidReview, ["panel_response_summary", "rationale"]),
        (PracticeReview, ["summary", "not_published_reason"]),
    ]:
        for name in fields:
            assert NO_IDENTIFYING_DETAILS in model._meta.get_field(name).help_text, (model, name)
    assert "never the child's name" in SeriousIncident._meta.get_field("code_name").help_text
