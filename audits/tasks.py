"""The quality assurance app's periodic job: a thin wrapper that calls a service."""

from celery import shared_task

from .services.section11_notices import NoticesNotSent


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(NoticesNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_section11_reminders():
    """Section 11 / 175 reminders before a cycle's close date and overdue notices after it, to the agencies whose
    return is not submitted (Celery beat, each working morning). Safe to run again, or twice at once: no e-mail goes
    twice. Retried later if the mail server refused some."""
    from .services.section11_notices import send_return_reminders

    return send_return_reminders()
