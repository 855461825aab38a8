"""Free text has a sensible maximum, enforced by the form and by the service: a 100,000-character progress update
is refused with a message, and what was typed stays on the page."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from governance.models import ActionUpdate
from governance.services.actions import add_progress_update
from governance.tests.factories import ActionFactory
from lscp.fields import TEXT_LIMIT, LimitedTextField

PROJECT_APPS = {"partnership", "governance", "reports", "reviews", "training", "audits"}
# Written by the system, never typed by a person.
# Written by the system, never typed: a build's error, and the addresses a reminder or notice went to.
SYSTEM_TEXT = {
    ("reports", "reportbuild", "error"),
    ("reviews", "deadlinereminder", "sent_to"),
    ("audits", "cyclenotice", "sent_to"),
}

HUGE = "x" * 100_000


@pytest.fixture
def action(partner):
    return ActionFactory(title="Refresh the neglect toolkit", owner_agency=partner.person.agency)


@pytest.mark.django_db
def test_the_service_refuses_a_progress_update_over_the_limit(action, partner):
    with pytest.raises(ValidationError) as refused:
        add_progress_update(action=action, author=partner, date=timezone.localdate(), text=HUGE)
    assert f"at most {TEXT_LIMIT} characters" in str(refused.value)
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_the_form_refuses_it_and_keeps_what_was_typed(client, action, partner):
    client.force_login(partner)
    text = "Toolkit drafted. " * 700  # 11,900 characters: over the limit, and worth keeping
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {"date": timezone.localdate().isoformat(), "text": text},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"at most {TEXT_LIMIT} characters" in page
    assert "Toolkit drafted. Toolkit drafted." in page
    assert f'maxlength="{TEXT_LIMIT}"' in page
    assert not ActionUpdate.objects.exists()


def test_every_text_a_person_types_has_a_limit():
    unlimited = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and not isinstance(field, LimitedTextField)
        and (model._meta.app_label, model._meta.model_name, field.name) not in SYSTEM_TEXT
    ]
    assert unlimited == []
