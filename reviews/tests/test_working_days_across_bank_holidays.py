"""The deadlines are counted in working days on the one calendar: Easter 2023, Christmas and New Year 2022/23 and
the coronation bank holiday of 8 May 2023 are skipped, and the dates stored on an incident follow them."""

from datetime import date

import pytest

from partnership.tests.factories import LocalAuthorityFactory
from reviews import services
from reviews.deadlines import PANEL_NOTIFICATION, RAPID_REVIEW, RULES, SHARE_BEFORE_PUBLICATION
from reviews.tests.factories import DecidedRapidReviewFactory


def test_notifying_the_panel_skips_good_friday_and_easter_monday():
    # Aware on Wednesday 5 April 2023: Thursday 6, then 11 to 14 April (7 and 10 April are bank holidays).
    assert PANEL_NOTIFICATION.due(date(2023, 4, 5)) == date(2023, 4, 14)


def test_the_rapid_review_skips_easter_and_the_early_may_bank_holiday():
    # Notified on Thursday 6 April 2023: 15 working days end on Tuesday 2 May (1 May is a bank holiday).
    assert RAPID_REVIEW.due(date(2023, 4, 6)) == date(2023, 5, 2)


def test_notifying_the_panel_skips_the_coronation():
    # Aware on Thursday 4 May 2023: Friday 5, then 9 to 12 May (Monday 8 May was the coronation bank holiday).
    assert PANEL_NOTIFICATION.due(date(2023, 5, 4)) == date(2023, 5, 12)


def test_sharing_before_publication_counts_back_over_the_coronation_and_early_may():
    # Published on Wednesday 10 May 2023: 9, 5, 4, 3, 2 May, then 28 and 27 April (1 and 8 May are bank holidays).
    assert SHARE_BEFORE_PUBLICATION.due(date(2023, 5, 10)) == date(2023, 4, 27)


def test_the_rapid_review_skips_christmas_and_new_year():
    # Notified on Thursday 22 December 2022: 26, 27 December and 2 January are bank holidays.
    assert RAPID_REVIEW.due(date(2022, 12, 22)) == date(2023, 1, 17)


@pytest.mark.django_db
def test_an_incident_stores_its_deadlines_and_moves_them_when_the_panel_is_notified():
    incident = services.log_incident(
        code_name="Child X",
        occurred_on=date(2022, 12, 22),
        la_aware_on=date(2022, 12, 23),
        borough=LocalAuthorityFactory(),
        age_band="under_1",
        kind="serious_harm",
        abuse_categories=["abuse_physical"],
    )
    incident.refresh_from_db()
    assert incident.panel_notification_due == date(2023, 1, 4)
    # Until the Panel is notified, the rapid review is counted from the last day for notifying it.
    assert incident.rapid_review_due == RAPID_REVIEW.due(date(2023, 1, 4))

    services.record_panel_notification(incident=incident, notified_on=date(2022, 12, 28), panel_reference="P-1")
    incident.refresh_from_db()
    assert incident.rapid_review_due == date(2023, 1, 19)


@pytest.mark.django_db
def test_a_practice_review_targets_six_months_after_the_decision_unless_configured(settings):
    rapid_review = DecidedRapidReviewFactory(decided_on=date(2022, 10, 5), started_on=date(2022, 9, 20))
    review = services.commission_practice_review(
        code_name="Child Y", kind="lcspr", commissioned_on=date(2022, 11, 1), rapid_review=rapid_review
    )
    assert review.target_completion == date(2023, 4, 5)

    settings.REVIEW_TARGET_COMPLETION_MONTHS = 9
    assert RULES["target_completion"].due(date(2022, 10, 5)) == date(2023, 7, 5)
    assert "9 months" in RULES["target_completion"].guidance
