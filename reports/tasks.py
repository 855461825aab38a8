from celery import shared_task


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def build_annual_report(self, build_id):
    """Thin: loads the build by id and runs it. Re-delivered if the worker dies; running twice is safe."""
    from .services import run_build

    build = run_build(build_id=build_id)
    return {"build": build.pk, "status": build.status}
