from celery import shared_task

from .services import ContributionRemindersNotSent, DutyRemindersNotSent


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def build_annual_report(self, build_id):
    """Thin: loads the build by id and runs it. Re-delivered if the worker dies; running twice is safe."""
    from .services import run_build

    build = run_build(build_id=build_id)
    return {"build": build.pk, "status": build.status}


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DutyRemindersNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_duty_reminders():
    """Reminders of the published reports' duties not yet done (Celery beat, every morning). Safe to run again, or
    twice at once: no duty is reminded twice. Retried later if the mail server refused some."""
    from .services import send_duty_reminders as send

    return send()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(ContributionRemindersNotSent,),
    retry_backoff=300,
    max_retries=5,
)
def send_contribution_reminders():
    """Reminders of the draft reports' chapters not yet written, to their contributors (Celery beat, every working
    morning): before the due date, on it and once overdue, each once. Retried later if the mail server refused some."""
    from .services import send_contribution_reminders as send

    return send()
