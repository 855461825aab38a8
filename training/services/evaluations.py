"""Evaluations and the e-mails that ask for them: the writes of the evaluation workflow (services).

    booked ──────────────▶ "before" evaluation   (link in the confirmation e-mail)
    register taken: attended ──e-mail once──▶ "after" evaluation ──▶ certificate released (link on the
                                                                     thank-you page and by e-mail)
    three months after the session ──e-mail once──▶ "follow-up" evaluation

Each booking answers each stage once (a unique constraint in PostgreSQL; a second answer is refused with a
message, never saved twice). The e-mails carry signed links (training/links.py): the delegate has no account.

Each evaluation e-mail goes once: the booking's sent marker (`after_evaluation_sent_at`, `follow_up_sent_at`) is
set in the same transaction as the send, on a row locked with SKIP LOCKED, and only after the mail server took
the message. A run that meets a refusing mail server leaves those markers empty and raises
`EvaluationMailsNotSent` at the end, so Celery retries it and the next run sends those and only those; two runs at
once never send the same e-mail twice.
"""

import calendar
import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .. import links
from ..models import (
    EVALUATION_ALREADY_GIVEN,
    LIVE_STATUSES,
    SCORE_OUT_OF_RANGE,
    Booking,
    BookingStatus,
    Evaluation,
    EvaluationScore,
    EvaluationStage,
    SessionStatus,
)

logger = logging.getLogger(__name__)

EVALUATION_NOT_FOR_BOOKING = "This booking was %(status)s, so there is nothing to evaluate."
EVALUATION_ONLY_AFTER_ATTENDING = "This evaluation is for delegates who attended the session."
EVALUATION_BEFORE_TOO_LATE = "The session has already taken place: the evaluation before it is closed."
EVALUATION_AFTER_TOO_EARLY = "The session has not taken place yet: this evaluation opens once it has."
EVALUATION_FOLLOW_UP_TOO_EARLY = "The follow-up evaluation opens on %(date)s, three months after the session."
EVALUATION_FOLLOW_UP_CLOSED = (
    "The follow-up evaluation closed at the end of %(date)s, six months after the session: it asks how the training "
    "changed your practice in the months just after it, so answers are not taken later. Thank you all the same."
)
SCORE_MISSING = "Give a score from 1 (not confident) to 5 (very confident) for this learning outcome."
PRACTICE_CHANGED_MISSING = "Answer yes or no to this question."
PRACTICE_CHANGE_MISSING = "Say how your practice has changed."
CERTIFICATE_NEEDS_AFTER_EVALUATION = (
    "Your certificate is ready once you have answered the evaluation after the session: use the link in the e-mail "
    "we sent you when the register was taken."
)
CERTIFICATE_ONLY_AFTER_ATTENDING = "A certificate is given to delegates who attended the session."

# The follow-up is sent three months after the session and may be answered until six months after it; a session
# further back than that (past attendance imported from a spreadsheet) is never e-mailed.
FOLLOW_UP_AFTER_MONTHS = 3
FOLLOW_UP_UNTIL_MONTHS = 6
# The daily safety net sends the after-session e-mail for registers taken in this many days, and no older.
AFTER_SESSION_WINDOW = timedelta(days=30)


class EvaluationMailsNotSent(Exception):
    """Some evaluation e-mails were refused by the mail server; their markers stay empty, so a later run sends
    those and only those."""


def add_months(day, months):
    """The same day `months` later (or earlier, if negative); the month's last day when it has no such day. Past the
    calendar's edges (a date stored as 9999, before the records had a range), its first or last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    if not date.min.year <= year <= date.max.year:
        return date.max if months > 0 else date.min
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_opens_on(session):
    return add_months(timezone.localdate(session.ends_at), FOLLOW_UP_AFTER_MONTHS)


def follow_up_closes_on(session):
    """The last day the follow-up may be answered: six months after the session."""
    return add_months(timezone.localdate(session.ends_at), FOLLOW_UP_UNTIL_MONTHS)


def _check_booking_may_answer(booking, stage, *, now):
    session = booking.session
    if booking.status not in LIVE_STATUSES:
        raise ValidationError(
            EVALUATION_NOT_FOR_BOOKING % {"status": booking.get_status_display().lower()}, code="not_live"
        )
    if stage == EvaluationStage.BEFORE:
        if session.starts_at <= now or session.status == SessionStatus.HELD:
            raise ValidationError(EVALUATION_BEFORE_TOO_LATE, code="too_late")
        return
    if booking.status != BookingStatus.ATTENDED:
        if session.ends_at > now:
            raise ValidationError(EVALUATION_AFTER_TOO_EARLY, code="too_early")
        raise ValidationError(EVALUATION_ONLY_AFTER_ATTENDING, code="not_attended")
    if stage == EvaluationStage.FOLLOW_UP and timezone.localdate(now) < follow_up_opens_on(session):
        raise ValidationError(
            EVALUATION_FOLLOW_UP_TOO_EARLY % {"date": f"{follow_up_opens_on(session):%-d %B %Y}"}, code="too_early"
        )
    if stage == EvaluationStage.FOLLOW_UP and timezone.localdate(now) > follow_up_closes_on(session):
        raise ValidationError(
            EVALUATION_FOLLOW_UP_CLOSED % {"date": f"{follow_up_closes_on(session):%-d %B %Y}"}, code="too_late"
        )


def check_can_evaluate(*, booking, stage, now=None):
    """Raises the `ValidationError` a delegate would meet answering this stage now (the page shows it before the
    form); returns None when the form may be shown."""
    now = now or timezone.now()
    _check_booking_may_answer(booking, stage, now=now)
    if Evaluation.objects.filter(booking=booking, stage=stage).exists():
        raise ValidationError(EVALUATION_ALREADY_GIVEN, code="already_given")


@transaction.atomic
def submit_evaluation(*, booking, stage, scores, practice_changed=None, practice_change="", comments="", now=None):
    """Records a delegate's evaluation of one stage: `scores` maps each of the course's learning outcomes (their
    ids) to a confidence from 1 to 5; after and follow-up stages say whether practice has changed (and how, if it
    has). Every problem is raised at once, keyed by field (`score_<outcome id>` for a score). Refused with
    `EVALUATION_ALREADY_GIVEN` if this stage is already answered. The after-session evaluation e-mails the
    certificate link once committed. Returns the evaluation."""
    now = now or timezone.now()
    booking = Booking.objects.select_for_update().select_related("session__course", "delegate").get(pk=booking.pk)
    stage = EvaluationStage(stage)
    _check_booking_may_answer(booking, stage, now=now)
    if Evaluation.objects.filter(booking=booking, stage=stage).exists():
        raise ValidationError(EVALUATION_ALREADY_GIVEN, code="already_given")

    errors = {}
    outcomes = list(booking.session.course.learning_outcomes.all())
    clean_scores = {}
    for outcome in outcomes:
        value = scores.get(outcome.pk)
        try:
            value = int(value)
        except (TypeError, ValueError):
            errors[f"score_{outcome.pk}"] = SCORE_MISSING
            continue
        if not 1 <= value <= 5:
            errors[f"score_{outcome.pk}"] = SCORE_OUT_OF_RANGE
        clean_scores[outcome.pk] = value
    practice_change = (practice_change or "").strip()
    if stage == EvaluationStage.BEFORE:
        practice_changed, practice_change = None, ""
    elif practice_changed is None:
        errors["practice_changed"] = PRACTICE_CHANGED_MISSING
    elif practice_changed and not practice_change:
        errors["practice_change"] = PRACTICE_CHANGE_MISSING
    if errors:
        raise ValidationError(errors)

    evaluation = Evaluation(
        booking=booking,
        stage=stage,
        submitted_at=now,
        practice_changed=practice_changed,
        practice_change=practice_change if practice_changed else "",
        comments=(comments or "").strip(),
    )
    evaluation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError as error:  # the same form sent twice at the same moment
        raise ValidationError(EVALUATION_ALREADY_GIVEN, code="already_given") from error
    EvaluationScore.objects.bulk_create(
        EvaluationScore(evaluation=evaluation, outcome_id=outcome_id, score=score)
        for outcome_id, score in clean_scores.items()
    )
    if stage == EvaluationStage.AFTER:
        transaction.on_commit(lambda: _send_certificate_link(booking))
    return evaluation


def check_certificate_released(*, booking):
    """Raises the `ValidationError` that keeps the certificate back: the delegate did not attend, or has not yet
    answered the after-session evaluation."""
    if booking.status != BookingStatus.ATTENDED:
        raise ValidationError(CERTIFICATE_ONLY_AFTER_ATTENDING, code="not_attended")
    if not Evaluation.objects.filter(booking=booking, stage=EvaluationStage.AFTER).exists():
        raise ValidationError(CERTIFICATE_NEEDS_AFTER_EVALUATION, code="no_evaluation")


# E-mails.


def _context(booking, **extra):
    return {
        "booking": booking,
        "delegate": booking.delegate,
        "session": booking.session,
        "course": booking.session.course,
        "partnership_name": _partnership_name(),
        **extra,
    }


def _partnership_name():
    from lscp.site import partnership_name

    return partnership_name()


def _send_certificate_link(booking):
    """After the after-session evaluation: the certificate link, for the delegate's records. A refused e-mail is
    logged, not raised: the link is also on the thank-you page."""
    subject = f"Your certificate: {booking.session.course.title}"
    try:
        send_mail(
            subject,
            render_to_string(
                "training/emails/certificate.txt", _context(booking, certificate_url=links.certificate_url(booking))
            ),
            settings.DEFAULT_FROM_EMAIL,
            [booking.delegate.email],
        )
    except Exception:  # any mail backend error: the evaluation is saved and the page shows the link
        logger.exception("Could not send %r to %s.", subject, booking.delegate.email)


def _send_marked(*, bookings, marker, stage, subject, template, now):
    """Sends each booking's e-mail for `stage` once: the row is locked (another run skips it), the e-mail sent,
    then the marker set in the same transaction. Returns (sent, failed)."""
    sent = failed = 0
    for booking_id in bookings:
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("delegate", "session__course")
                .filter(pk=booking_id, status=BookingStatus.ATTENDED, **{f"{marker}__isnull": True})
                .first()
            )
            if booking is None:  # sent by another run meanwhile, or being sent by it now
                continue
            course = booking.session.course
            context = _context(booking, evaluation_url=links.evaluation_url(booking, stage))
            try:
                send_mail(
                    subject % {"course": course.title},
                    render_to_string(template, context),
                    settings.DEFAULT_FROM_EMAIL,
                    [booking.delegate.email],
                )
            except Exception:  # the mail server refused: leave the marker empty for the next run
                logger.exception("Could not send the %s evaluation e-mail for booking %s.", stage, booking.pk)
                failed += 1
                continue
            setattr(booking, marker, now)
            booking.save(update_fields=[marker])
            sent += 1
    return sent, failed


def _raise_if_failed(failed, what):
    if failed:
        raise EvaluationMailsNotSent(f"{failed} {what} e-mail(s) were refused by the mail server.")


def send_after_session_evaluations(*, session, now=None):
    """E-mails every delegate marked attended on `session` the link to the after-session evaluation, each once.
    Called when the register is taken (and daily as a safety net). Returns how many were sent; raises
    `EvaluationMailsNotSent` if some were refused (those are sent by a later run)."""
    now = now or timezone.now()
    pending = Booking.objects.filter(
        session=session,
        status=BookingStatus.ATTENDED,
        after_evaluation_sent_at__isnull=True,
        delegate__anonymised_at__isnull=True,  # an anonymised delegate has no address to write to
    ).values_list("pk", flat=True)
    sent, failed = _send_marked(
        bookings=list(pending),
        marker="after_evaluation_sent_at",
        stage=EvaluationStage.AFTER,
        subject="How was the session? %(course)s",
        template="training/emails/evaluation_after.txt",
        now=now,
    )
    _raise_if_failed(failed, "after-session evaluation")
    return sent


def sessions_awaiting_after_session_emails(*, now=None):
    """Ids of the sessions of the last `AFTER_SESSION_WINDOW` whose register is taken (some delegate is marked
    attended) and some of whose attended delegates have not been e-mailed the after-session evaluation."""
    now = now or timezone.now()
    return list(
        Booking.objects.filter(
            status=BookingStatus.ATTENDED,
            after_evaluation_sent_at__isnull=True,
            delegate__anonymised_at__isnull=True,
            session__ends_at__lte=now,
            session__ends_at__gte=now - AFTER_SESSION_WINDOW,
        )
        .order_by("session_id")
        .values_list("session_id", flat=True)
        .distinct()
    )


def send_follow_up_evaluations(*, now=None):
    """E-mails the follow-up evaluation link to every delegate who attended a session that ended three to six
    months ago, each once. Returns how many were sent; raises `EvaluationMailsNotSent` if some were refused."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    pending = Booking.objects.filter(
        status=BookingStatus.ATTENDED,
        follow_up_sent_at__isnull=True,
        delegate__anonymised_at__isnull=True,
        session__ends_at__date__lte=add_months(today, -FOLLOW_UP_AFTER_MONTHS),
        session__ends_at__date__gt=add_months(today, -FOLLOW_UP_UNTIL_MONTHS),
    ).values_list("pk", flat=True)
    sent, failed = _send_marked(
        bookings=list(pending),
        marker="follow_up_sent_at",
        stage=EvaluationStage.FOLLOW_UP,
        subject="Three months on: has the training changed your practice? %(course)s",
        template="training/emails/evaluation_follow_up.txt",
        now=now,
    )
    _raise_if_failed(failed, "follow-up evaluation")
    return sent
