"""The nightly jobs delete the access records (sign-ins and wrong passwords, who opened which case review record)
older than ACCESS_LOG_RETENTION_YEARS, and only those."""

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.utils import timezone

from lscp.tasks import delete_old_sign_in_records
from partnership.tests.factories import UserFactory
from reviews.models import ReviewViewing
from reviews.tasks import delete_old_viewings
from reviews.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def _days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_sign_ins_and_wrong_passwords_older_than_the_retention_go(settings):
    settings.ACCESS_LOG_RETENTION_YEARS = 2
    # The log stamps each entry with the time it is written: they are dated back afterwards.
    AccessLog.objects.filter(pk=AccessLog.objects.create(username="old").pk).update(attempt_time=_days_ago(732))
    AccessLog.objects.filter(pk=AccessLog.objects.create(username="recent").pk).update(attempt_time=_days_ago(728))
    failure = AccessFailureLog.objects.create(username="old", locked_out=False)
    AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=_days_ago(3 * 365))

    assert delete_old_sign_in_records.delay().get() == 2
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]
    assert not AccessFailureLog.objects.exists()


def test_case_review_records_opened_longer_ago_than_the_retention_go(settings):
    settings.ACCESS_LOG_RETENTION_YEARS = 1
    user, incident = UserFactory(password="!"), SeriousIncidentFactory()
    old = ReviewViewing.objects.create(viewed_by=user, incident=incident, viewed_at=_days_ago(400))
    recent = ReviewViewing.objects.create(viewed_by=user, incident=incident, viewed_at=_days_ago(300))

    assert delete_old_viewings.delay().get() == 1
    assert list(ReviewViewing.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not ReviewViewing.objects.filter(pk=old.pk).exists()


def test_the_data_protection_jobs_are_on_the_beat_schedule(settings):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "lscp.tasks.delete_old_sign_in_records",
        "reviews.tasks.delete_old_viewings",
        "training.tasks.anonymise_lapsed_delegates",
    } <= scheduled
