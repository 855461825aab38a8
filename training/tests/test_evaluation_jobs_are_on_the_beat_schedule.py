"""The daily evaluation e-mails run from Celery beat: each scheduled name is a registered task of the app."""

from django.conf import settings

from lscp.celery import app


def test_the_schedule_names_registered_tasks():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "training.tasks.send_due_after_session_evaluations",
        "training.tasks.send_follow_up_evaluations",
    } <= scheduled
    app.loader.import_default_modules()
    for name in scheduled:
        assert name in app.tasks, name
