import logging

from celery import shared_task
from celery.signals import worker_init, worker_ready

from lscp.background import send

from .services import ContributionRemindersNotSent, DutyRemindersNotSent

logger = logging.getLogger(__name__)

# A delivery of a build another worker holds tries again every half minute, for up to four hours.
BUILD_HELD_RETRY_SECONDS = 30
BUILD_HELD_RETRIES = 480


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def build_annual_report(self, build_id):
    """Thin: loads the build by id and runs it. Re-delivered if the worker dies; running twice, or on two workers at
    once, builds it once."""
    from .services import BuildHeldElsewhere, run_build

    try:
        build = run_build(build_id=build_id)
    except BuildHeldElsewhere as held:
        # Left to the worker holding it; tried again until that build ends, or its dead worker's session is let go.
        raise self.retry(exc=held, countdown=BUILD_HELD_RETRY_SECONDS, max_retries=BUILD_HELD_RETRIES) from held
    return {"build": build.pk, "status": build.status}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_builds_left_waiting():
    """Sends the builds asked for while the job service (Redis) was down (Celery beat, every five minutes, and as a
    worker starts). Safe to run twice at once: each build is sent once."""
    from .services import send_builds_left_waiting as send_waiting

    return send_waiting()


@worker_init.connect
def _make_ready_for_builds_before_the_pool_starts(sender=None, **kwargs):
    # In the worker's main process, before it forks the processes that run jobs: each starts ready to build
    # (reports.rendering.make_ready_for_builds). A worker that cannot get ready still starts: its other jobs run,
    # and a build then says itself what went wrong.
    from .rendering import make_ready_for_builds

    try:
        make_ready_for_builds()
    except Exception:
        logger.exception("The job worker could not make ready for report builds; each build will do so itself.")


@worker_ready.connect
def _send_builds_left_waiting_as_a_worker_starts(sender=None, **kwargs):
    # A worker starting is often the job service coming back: the builds left waiting need not wait for beat.
    send(send_builds_left_waiting)


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
