import pytest
from django.apps import apps
from django.urls import reverse

from governance.models import Action, ActionUpdate

GOVERNANCE_MODELS = [
    "priority",
    "priorityactivity",
    "activitymetric",
    "action",
    "actionupdate",
    "challengelogentry",
    "engagementactivity",
    "yousaidwedid",
    "agencystatement",
    "inspection",
    "contribution",
    "expenditureline",
    "reservesbroughtforward",
    "glossaryterm",
    "policychange",
]


@pytest.mark.parametrize("model_name", GOVERNANCE_MODELS)
def test_the_business_manager_can_list_add_and_change_every_governance_record(demo_user, as_user, model_name):
    client = as_user(demo_user("manager"))
    assert client.get(reverse(f"admin:governance_{model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:governance_{model_name}_add")).status_code == 200
    record = apps.get_model("governance", model_name).objects.first()
    if record is not None:
        assert client.get(reverse(f"admin:governance_{model_name}_change", args=[record.pk])).status_code == 200
        assert client.get(reverse(f"admin:governance_{model_name}_history", args=[record.pk])).status_code == 200


def test_the_overdue_filter_lists_only_late_open_actions(demo_user, as_user):
    manager = demo_user("manager")
    response = as_user(manager).get(reverse("admin:governance_action_changelist"), {"deadline": "overdue"})
    assert set(response.context["cl"].queryset) == set(Action.objects.overdue())
    response = as_user(manager).get(reverse("admin:governance_contribution_changelist"), {"year": "2022/23"})
    assert response.context["cl"].result_count == 10


def test_a_progress_update_added_in_the_admin_is_signed_by_its_author(demo_user, as_user):
    manager = demo_user("manager")
    action = Action.objects.filter(updates__isnull=True).first()
    url = reverse("admin:governance_action_change", args=[action.pk])
    form = as_user(manager).get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "0",
            "updates-0-date": "2023-01-10",
            "updates-0-text": "Met the subgroup.",
        }
    )
    data["due_date"] = action.due_date.isoformat()
    if action.completed_on:
        data["completed_on"] = action.completed_on.isoformat()
    response = as_user(manager).post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    update = ActionUpdate.objects.get(action=action)
    assert update.author == manager
