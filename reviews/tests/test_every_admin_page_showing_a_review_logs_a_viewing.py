"""Each admin page that shows a case review record's detail logs a viewing of the incident or the practice review
it belongs to, as the chair's pages do: the change view, the read-only view of a user who may only view, a refused
change shown again, the history, a past version and the delete confirmation. A list, a redirect and a refusal log
nothing."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from partnership.tests.factories import UserFactory
from reviews.models import DeadlineReminder, ReviewViewing
from reviews.tests.factories import (
    DisseminationFactory,
    FindingFactory,
    PracticeReviewFactory,
    RapidReviewFactory,
    RecommendationFactory,
    SeriousIncidentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    """Each admin model's record, with the case review it belongs to."""
    incident = SeriousIncidentFactory(code_name="Child Z")
    review = PracticeReviewFactory(code_name="Family Z")
    reminder = DeadlineReminder.objects.create(
        incident=incident, rule="panel_notification", due_date=date(2022, 9, 19), lead_working_days=5, sent_to="a@b"
    )
    return {
        "seriousincident": (incident, {"incident": incident}),
        "rapidreview": (RapidReviewFactory(incident=incident), {"incident": incident}),
        "practicereview": (review, {"practice_review": review}),
        "finding": (FindingFactory(review=review), {"practice_review": review}),
        "recommendation": (RecommendationFactory(review=review), {"practice_review": review}),
        "dissemination": (DisseminationFactory(practice_review=review), {"practice_review": review}),
        "deadlinereminder": (reminder, {"incident": incident}),
    }


def viewings():
    return [(row.viewed_by, row.incident, row.practice_review) for row in ReviewViewing.objects.all()]


def expected(user, belongs_to):
    return [(user, belongs_to.get("incident"), belongs_to.get("practice_review"))]


MODELS = ["seriousincident", "rapidreview", "practicereview", "finding", "recommendation", "dissemination"]


@pytest.mark.parametrize("model", [*MODELS, "deadlinereminder"])
@pytest.mark.parametrize("page", ["change", "history", "delete"])
def test_each_page_of_a_record_logs_one_viewing_of_its_review(client, manager, records, model, page):
    record, belongs_to = records[model]
    client.force_login(manager)
    response = client.get(reverse(f"admin:reviews_{model}_{page}", args=[record.pk]))
    assert response.status_code in (200, 403)  # a reminder is never deleted: refused, and logs nothing
    assert viewings() == (expected(manager, belongs_to) if response.status_code == 200 else [])


@pytest.mark.parametrize("model", MODELS)
def test_a_past_version_of_a_record_logs_a_viewing(client, manager, records, model):
    record, belongs_to = records[model]
    version = record.history.earliest()
    client.force_login(manager)
    response = client.get(reverse(f"admin:reviews_{model}_simple_history", args=[record.pk, version.history_id]))
    assert response.status_code == 200
    assert viewings() == expected(manager, belongs_to)


@pytest.mark.parametrize("model", ["seriousincident", "practicereview", "finding"])
def test_the_read_only_view_of_a_user_who_may_only_view_logs_a_viewing(client, records, model):
    record, belongs_to = records[model]
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename=f"view_{model}", content_type__app_label="reviews"))
    client.force_login(viewer)
    response = client.get(reverse(f"admin:reviews_{model}_change", args=[record.pk]))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert viewings() == expected(viewer, belongs_to)


def test_a_refused_change_shown_again_logs_a_viewing_and_a_saved_one_does_not(client, manager, records):
    finding, belongs_to = records["finding"]
    url = reverse("admin:reviews_finding_change", args=[finding.pk])
    client.force_login(manager)
    refused = client.post(url, {"review": finding.review_id, "number": "", "text": ""})
    assert refused.status_code == 200 and refused.context["adminform"].form.errors
    assert viewings() == expected(manager, belongs_to)
    saved = client.post(url, {"review": finding.review_id, "number": finding.number, "text": "Changed."})
    assert saved.status_code == 302
    assert len(viewings()) == 1


def test_lists_refusals_and_missing_records_log_nothing(client, manager, outsider, records):
    incident, _ = records["seriousincident"]
    client.force_login(manager)
    assert client.get(reverse("admin:reviews_seriousincident_changelist")).status_code == 200
    assert client.get(reverse("admin:reviews_seriousincident_change", args=[incident.pk + 1000])).status_code == 302
    client.force_login(outsider)
    assert client.get(reverse("admin:reviews_seriousincident_change", args=[incident.pk])).status_code == 302
    assert viewings() == []


def test_a_dissemination_of_a_national_reviews_learning_logs_nothing(client, manager, records):
    from reviews.models import NationalReview

    national = NationalReview.objects.create(title="Child Protection in England", published_on=date(2022, 5, 25))
    dissemination = DisseminationFactory(practice_review=None, national_review=national)
    client.force_login(manager)
    assert client.get(reverse("admin:reviews_dissemination_change", args=[dissemination.pk])).status_code == 200
    assert viewings() == []
