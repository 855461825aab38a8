"""Each record refuses dates out of order or not yet come, and a review that is both published and not published;
the service saves nothing when it refuses."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnership.tests.factories import LocalAuthorityFactory
from reviews import services
from reviews.models import PUBLISHED_AND_NOT_PUBLISHED, SeriousIncident
from reviews.models._common import DATE_BEFORE, DATE_IN_FUTURE
from reviews.tests.factories import PracticeReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_the_local_authority_cannot_become_aware_before_the_incident():
    with pytest.raises(ValidationError) as error:
        services.log_incident(
            code_name="Child A",
            occurred_on=date(2023, 3, 2),
            la_aware_on=date(2023, 3, 1),
            borough=LocalAuthorityFactory(),
            age_band="5_9",
            kind="death",
        )
    assert error.value.message_dict == {
        "la_aware_on": [DATE_BEFORE % {"other": "Date of the incident", "date": "2 March 2023"}]
    }
    assert not SeriousIncident.objects.exists()


def test_the_panel_cannot_be_notified_before_anyone_knew_or_in_the_future():
    incident = SeriousIncidentFactory(occurred_on=date(2023, 3, 1), la_aware_on=date(2023, 3, 2))
    with pytest.raises(ValidationError) as error:
        services.record_panel_notification(incident=incident, notified_on=date(2023, 3, 1))
    assert list(error.value.message_dict) == ["notified_panel_on"]
    with pytest.raises(ValidationError) as error:
        services.record_panel_notification(incident=incident, notified_on=timezone.localdate() + timedelta(days=1))
    assert error.value.message_dict == {"notified_panel_on": [DATE_IN_FUTURE]}
    incident.refresh_from_db()
    assert incident.notified_panel_on is None


def test_a_review_is_not_both_published_and_not_published():
    review = PracticeReviewFactory(kind="learning_review", report_received_on=date(2023, 1, 5))
    review.published_on = date(2023, 2, 1)
    review.not_published_reason = "It would identify the family."
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert error.value.message_dict["not_published_reason"] == [PUBLISHED_AND_NOT_PUBLISHED]


def test_an_unknown_category_of_abuse_is_named():
    with pytest.raises(ValidationError) as error:
        services.log_incident(
            code_name="Child B",
            occurred_on=date(2023, 3, 1),
            la_aware_on=date(2023, 3, 1),
            borough=LocalAuthorityFactory(),
            age_band="5_9",
            kind="death",
            abuse_categories=["exploitation"],
        )
    assert "“exploitation” is not a category of abuse" in error.value.message_dict["abuse_categories"][0]
