"""The business manager lists, adds and changes every training record in the admin, each with its history."""

import pytest
from django.apps import apps
from django.urls import reverse

from training.tests.factories import (
    BookingFactory,
    EligibleSectorFactory,
    EvaluationScoreFactory,
    TrainingIncomeFactory,
)

MODELS = [
    "course",
    "coursesession",
    "delegate",
    "booking",
    "evaluation",
    "learningoutcome",
    "trainingincome",
]


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", MODELS)
def test_the_business_manager_lists_adds_and_changes_each_record(manager, as_user, model_name):
    score = EvaluationScoreFactory()
    EligibleSectorFactory(course=score.outcome.course)
    BookingFactory(session=score.evaluation.booking.session)
    TrainingIncomeFactory()
    client = as_user(manager)
    record = apps.get_model("training", model_name).objects.first()
    for url in (
        reverse(f"admin:training_{model_name}_changelist"),
        reverse(f"admin:training_{model_name}_add"),
        reverse(f"admin:training_{model_name}_change", args=[record.pk]),
        reverse(f"admin:training_{model_name}_history", args=[record.pk]),
    ):
        assert client.get(url).status_code == 200, url
