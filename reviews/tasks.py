"""The case reviews' periodic jobs: thin wrappers that call a service."""

from celery import shared_task

from .services import RemindersNotSent


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(RemindersNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_deadline_reminders():
    """Reminders of case review deadlines (Celery beat, each working morning). Safe to run again, or twice at once:
    no reminder goes twice. Retried later if the mail server refused some."""
    from .services import send_deadline_reminders as send

    return send()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def delete_old_viewings():
    """Celery beat, nightly: the log of who opened case review records loses what is older than the access records
    are kept. Safe to run again, or twice at once."""
    from .services import delete_old_viewings as delete

    return delete()
