"""The business manager can list, filter by stage and due state, search by code name, add and change every case
review record in the admin (the chair's pages come in the next increment)."""

import pytest
from django.apps import apps
from django.urls import reverse

REVIEW_MODELS = [
    "seriousincident",
    "rapidreview",
    "practicereview",
    "finding",
    "learningtheme",
    "recommendation",
    "dissemination",
    "nationalreview",
    "inspectionreport",
]
FILTERS = {
    "seriousincident": ["panel_notification_due_state=due_soon", "rapid_review_due_state=overdue", "q=Child W"],
    "rapidreview": ["incident__rapid_review_due_state=met"],
    "practicereview": ["stage__exact=published", "target_completion_state=overdue", "q=Holland"],
}


@pytest.mark.parametrize("model_name", REVIEW_MODELS)
def test_the_business_manager_can_list_add_and_change_every_review_record(demo_user, as_user, model_name):
    client = as_user(demo_user("manager"))
    changelist = reverse(f"admin:reviews_{model_name}_changelist")
    assert client.get(changelist).status_code == 200
    for query in FILTERS.get(model_name, []):
        # An unknown filter makes the admin redirect to "?e=1"; a known one answers 200.
        assert client.get(f"{changelist}?{query}").status_code == 200, query
    assert client.get(reverse(f"admin:reviews_{model_name}_add")).status_code == 200
    record = apps.get_model("reviews", model_name).objects.first()
    assert record is not None
    assert client.get(reverse(f"admin:reviews_{model_name}_change", args=[record.pk])).status_code == 200


def test_the_due_state_filters_pick_the_right_records(demo_user, as_user):
    client = as_user(demo_user("manager"))
    url = reverse("admin:reviews_seriousincident_changelist")
    due_soon = client.get(f"{url}?panel_notification_due_state=due_soon").context["cl"].result_list
    assert [i.code_name for i in due_soon] == ["Child W"]
    met = client.get(f"{url}?panel_notification_due_state=met").context["cl"].result_list
    assert {i.code_name for i in met} == {"Child L", "Young Person N", "Baby S", "Child V"}
    url = reverse("admin:reviews_practicereview_changelist")
    overdue = client.get(f"{url}?target_completion_state=overdue").context["cl"].result_list
    assert {r.code_name for r in overdue} == {"Young Person K", "Family M"}


def test_the_reminders_sent_are_read_only(demo_user, as_user):
    client = as_user(demo_user("manager"))
    assert client.get(reverse("admin:reviews_deadlinereminder_changelist")).status_code == 200
    assert client.get(reverse("admin:reviews_deadlinereminder_add")).status_code == 403
