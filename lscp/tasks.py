from celery import shared_task


@shared_task
def ping(value="pong"):
    """A no-op job: proves the queue, the worker and the result backend are wired."""
    return value


@shared_task(acks_late=True, reject_on_worker_lost=True)
def delete_old_sign_in_records():
    """Celery beat, nightly: the sign-in log loses what is older than the access records are kept
    (settings.ACCESS_LOG_RETENTION_YEARS; lscp/data_protection.py). Safe to run again."""
    from .data_protection import delete_old_sign_in_records as delete

    return delete()
