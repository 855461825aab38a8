"""The training app's Celery tasks: thin wrappers that take ids, reload, and call a service
(training/services/evaluations.py, training/services/retention.py). Each is safe to run again, or twice at once:
no e-mail goes twice, no delegate is anonymised twice."""

from celery import shared_task

from .services.evaluations import EvaluationMailsNotSent

RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (EvaluationMailsNotSent,),
    "retry_backoff": 300,
    "max_retries": 5,
}


@shared_task(**RETRY)
def send_after_session_evaluations(session_id):
    """The after-session evaluation link to every attended delegate of the session, each once (queued when the
    register is taken). Retried later if the mail server refused some."""
    from .models import CourseSession
    from .services import evaluations

    session = CourseSession.objects.filter(pk=session_id).first()
    if session is None:  # deleted since the task was queued
        return 0
    return evaluations.send_after_session_evaluations(session=session)


@shared_task(**RETRY)
def send_due_after_session_evaluations():
    """Celery beat, daily: the safety net for registers taken whose after-session e-mails are not all sent (a
    queued task lost, a mail server down all day)."""
    from .models import CourseSession
    from .services import evaluations

    failed = 0
    for session in CourseSession.objects.filter(pk__in=evaluations.sessions_awaiting_after_session_emails()):
        try:
            evaluations.send_after_session_evaluations(session=session)
        except EvaluationMailsNotSent:
            failed += 1
    if failed:
        raise EvaluationMailsNotSent(f"After-session e-mails of {failed} session(s) were refused.")


@shared_task(**RETRY)
def send_follow_up_evaluations():
    """Celery beat, daily: the follow-up evaluation link to delegates three months after their session, each once."""
    from .services import evaluations

    return evaluations.send_follow_up_evaluations()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def anonymise_lapsed_delegates():
    """Celery beat, nightly: anonymises the delegates with no account and no training for
    settings.DELEGATE_RETENTION_YEARS years, keeping every figure (training/services/retention.py). Safe to run
    again, or twice at once: a delegate anonymised is passed over."""
    from .services import retention

    return retention.anonymise_lapsed_delegates()
