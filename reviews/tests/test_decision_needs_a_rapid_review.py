"""A rapid review's decision is recorded on the rapid review: with none started, deciding is refused with a message
that says what to do, and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from reviews import services
from reviews.models import DECISION_NEEDS_RATIONALE, RapidReview
from reviews.services import DECISION_BEFORE_RAPID_REVIEW
from reviews.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_no_decision_before_the_rapid_review_exists():
    incident = SeriousIncidentFactory(code_name="Child D")
    with pytest.raises(ValidationError) as error:
        services.decide_rapid_review(
            incident=incident, decision="lcspr", rationale="Meets the criteria.", decided_on=date(2022, 9, 20)
        )
    assert error.value.message_dict == {"decision": [DECISION_BEFORE_RAPID_REVIEW % {"code": "Child D"}]}
    assert not RapidReview.objects.exists()


def test_a_decision_needs_its_rationale():
    incident = SeriousIncidentFactory(code_name="Child E")
    services.start_rapid_review(incident=incident, started_on=incident.la_aware_on)
    with pytest.raises(ValidationError) as error:
        services.decide_rapid_review(incident=incident, decision="lcspr", rationale="  ", decided_on=date(2022, 9, 20))
    assert error.value.message_dict["rationale"] == [DECISION_NEEDS_RATIONALE]
    assert RapidReview.objects.get().decision == ""


def test_once_started_the_decision_is_recorded():
    incident = SeriousIncidentFactory(code_name="Child F")
    services.start_rapid_review(incident=incident, started_on=incident.la_aware_on)
    rapid_review = services.decide_rapid_review(
        incident=incident,
        decision="no_further_review",
        rationale="Learning is single-agency.",
        decided_on=date(2022, 9, 20),
    )
    assert rapid_review.get_decision_display() == "No further review"
