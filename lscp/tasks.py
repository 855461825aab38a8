from celery import shared_task


@shared_task
def ping(value="pong"):
    """A no-op job: proves the queue, the worker and the result backend are wired."""
    return value
