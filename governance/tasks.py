"""The partnership app's periodic jobs: thin wrappers that call a service."""

from celery import shared_task

from .services.actions import DigestsNotSent
from .services.statements import StatementRemindersNotSent


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DigestsNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_action_digests():
    """The weekly digest of overdue and due-soon actions (Celery beat, Monday morning). Safe to run again, or
    twice at once: nobody gets the same week's digest twice. Retried later if the mail server refused some."""
    from .services.actions import send_action_digests as send

    return send()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(StatementRemindersNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_statement_reminders():
    """Reminders of the agencies' statements asked for and not yet submitted (Celery beat, every working morning):
    before the due date, on it and once overdue, each once. Retried later if the mail server refused some."""
    from .services.statements import send_statement_reminders as send

    return send()
