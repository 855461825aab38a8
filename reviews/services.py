"""Every write that moves a case through its workflow: log an incident, record the notification, start and
record the rapid review, decide, commission a practice review, record its stages, hold it pending a coroner or
criminal process, record, edit and remove its findings, record its recommendations (their status, and the actions
they raise in the shared tracker) and the dissemination of its learning (or remove one), set its publication or
record that it is not published (and undo that), close it (and reopen it); the deadline reminders; and the log of
who opened which record, kept for the years the access records are kept.

Each is one transaction, checks the record with full_clean() before saving, and refuses with a ValidationError
whose message says what to do. The date-order and publication rules live in the models' clean(), so the admin
keeps them too; the rules about the order of steps (no decision before the rapid review exists, a review is
commissioned only after a decision for one, no closing with open actions) are here and in clean().
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from governance.models import Action
from lscp.data_protection import access_log_cutoff
from lscp.dates import long_date
from lscp.working_days import add_working_days, working_days_between

from .deadlines import DeadlineState
from .models import (
    ABUSE_CATEGORIES,
    CLOSED_BEFORE_PUBLICATION_DECISION,
    REVIEW_HAS_OPEN_ACTIONS,
    DeadlineReminder,
    Dissemination,
    Finding,
    PracticeReview,
    RapidReview,
    RapidReviewMeeting,
    Recommendation,
    RecommendationStatus,
    ReviewStage,
    ReviewViewing,
    SeriousIncident,
)
from .selectors import open_actions_for, open_deadlines, reminder_recipients

logger = logging.getLogger(__name__)

DECISION_BEFORE_RAPID_REVIEW = (
    "There is no rapid review for %(code)s yet: start the rapid review first; its decision is recorded on it."
)
RAPID_REVIEW_ALREADY_STARTED = "The rapid review for %(code)s was already started on %(date)s."
UNKNOWN_ABUSE_CATEGORY = "“%(category)s” is not a category of abuse; choose from: %(choices)s."
STAGE_HAS_ITS_OWN_STEP = (
    "“%(stage)s” is recorded with its own step: set the publication, record that it is not published, or close it."
)
STAGE_NEEDS_DATE = "Give the date of this step."
NOT_PUBLISHED_NEEDS_REASON = "Give the reason the review is not published."
ALREADY_CLOSED = "This review was closed on %(date)s."
FINDING_NEEDS_TEXT = "Write the learning point."
RECOMMENDATION_NEEDS_TEXT = "Write the recommendation."
THEME_NOT_OFFERED = "“%(theme)s” is no longer offered as a learning theme: choose another."
FINDING_OF_A_CLOSED_REVIEW = (
    "%(code)s was closed on %(date)s, so its findings stay as they were when it closed: the business manager can "
    "reopen it (with the reason) if they must change."
)
RECOMMENDATION_NOT_TAKEN_FORWARD_NEEDS_REASON = (
    "Say why the recommendation is not taken forward: the annual report states the partnership's decision."
)
RECOMMENDATION_COMPLETE_WITH_OPEN_ACTIONS = (
    "%(count)s action(s) raised from this recommendation are still open: complete or cancel them in the action "
    "tracker before recording the recommendation as complete."
)
NOT_RECORDED_AS_NOT_PUBLISHED = "%(code)s is not recorded as not published: there is nothing to undo."
UNDO_NOT_PUBLISHED_OF_A_CLOSED_REVIEW = (
    "%(code)s was closed on %(date)s: the business manager reopens it before its publication decision can change."
)
UNDO_NOT_PUBLISHED_NEEDS_REASON = (
    "Give the reason the decision not to publish is undone: the review's history keeps it."
)
NOT_CLOSED = "%(code)s is not closed: there is nothing to reopen."
REOPEN_NEEDS_REASON = "Give the reason the review is reopened: the review's history keeps it."
REASON_TOO_LONG = "Keep the reason to %(max)s characters (it has %(length)s): the review's history keeps that many."

# The steps record_stage() takes, and the date each one sets.
STAGE_DATES = {
    ReviewStage.TERMS_AGREED: "terms_of_reference_agreed_on",
    ReviewStage.REPORT_RECEIVED: "report_received_on",
    ReviewStage.SHARED: "shared_on",
}


def _save(record, by, **clean_options):
    record.full_clean(**clean_options)
    if by is not None:
        record._history_user = by  # logged against the user even outside a request
    record.save()
    return record


@transaction.atomic
def log_incident(
    *,
    code_name,
    occurred_on,
    la_aware_on,
    borough,
    age_band,
    kind,
    abuse_categories=(),
    looked_after=False,
    circumstances="",
    by=None,
):
    """Logs a serious incident; its deadlines for notifying the Panel and for the rapid review are set at once."""
    unknown = [c for c in abuse_categories if c not in ABUSE_CATEGORIES]
    if unknown:
        raise ValidationError(
            {
                "abuse_categories": UNKNOWN_ABUSE_CATEGORY
                % {"category": unknown[0], "choices": ", ".join(ABUSE_CATEGORIES.values())}
            }
        )
    incident = SeriousIncident(
        code_name=code_name,
        occurred_on=occurred_on,
        la_aware_on=la_aware_on,
        borough=borough,
        age_band=age_band,
        kind=kind,
        looked_after=looked_after,
        circumstances=circumstances,
        **{category: True for category in abuse_categories},
    )
    return _save(incident, by)


@transaction.atomic
def record_panel_notification(*, incident, notified_on, panel_reference="", by=None):
    """Records the notification to the National Panel; the rapid review is then due 15 working days after it."""
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    incident.notified_panel_on = notified_on
    incident.panel_reference = panel_reference
    return _save(incident, by)


@transaction.atomic
def start_rapid_review(*, incident, started_on, agencies=(), by=None):
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    existing = RapidReview.objects.filter(incident=incident).first()
    if existing is not None:
        raise ValidationError(RAPID_REVIEW_ALREADY_STARTED % {"code": incident, "date": long_date(existing.started_on)})
    rapid_review = _save(RapidReview(incident=incident, started_on=started_on), by)
    if agencies:
        rapid_review.agencies.set(agencies)
    return rapid_review


_UNCHANGED = object()


@transaction.atomic
def record_rapid_review(
    *,
    rapid_review,
    meeting_dates=None,
    agencies=None,
    submitted_to_panel_on=_UNCHANGED,
    panel_response_on=_UNCHANGED,
    panel_response_summary=_UNCHANGED,
    by=None,
):
    """Records the rapid review's meetings, the agencies contributing, its submission to the Panel and the Panel's
    response. Arguments not given are left as they are; meeting dates given are added (each date once)."""
    rapid_review = RapidReview.objects.select_for_update().get(pk=rapid_review.pk)
    for field, value in (
        ("submitted_to_panel_on", submitted_to_panel_on),
        ("panel_response_on", panel_response_on),
        ("panel_response_summary", panel_response_summary),
    ):
        if value is not _UNCHANGED:
            setattr(rapid_review, field, value)
    _save(rapid_review, by)
    for day in sorted(set(meeting_dates or ())):
        if not rapid_review.meetings.filter(date=day).exists():
            _save(RapidReviewMeeting(rapid_review=rapid_review, date=day), by)
    if agencies is not None:
        rapid_review.agencies.set(agencies)
    return rapid_review


@transaction.atomic
def decide_rapid_review(*, incident, decision, rationale, decided_on, decided_by=None, by=None):
    """Records the decision on what review follows. There is no decision without a rapid review."""
    rapid_review = RapidReview.objects.select_for_update().filter(incident=incident).first()
    if rapid_review is None:
        raise ValidationError({"decision": DECISION_BEFORE_RAPID_REVIEW % {"code": incident}})
    rapid_review.decision = decision
    rapid_review.rationale = (rationale or "").strip()
    rapid_review.decided_on = decided_on
    rapid_review.decided_by = decided_by
    return _save(rapid_review, by)


@transaction.atomic
def commission_practice_review(
    *,
    code_name,
    kind,
    commissioned_on,
    rapid_review=None,
    borough=None,
    joint_with=None,
    reviewers="",
    review_group=(),
    terms_of_reference_agreed_on=None,
    target_completion=None,
    summary="",
    by=None,
):
    """Commissions a practice review (or another kind of review). When it follows a rapid review, that review's
    decision must be for a local review; its target completion is set from the decision unless given."""
    review = PracticeReview(
        code_name=code_name,
        kind=kind,
        commissioned_on=commissioned_on,
        rapid_review=rapid_review,
        borough=borough,
        joint_with=joint_with,
        reviewers=reviewers,
        terms_of_reference_agreed_on=terms_of_reference_agreed_on,
        target_completion=target_completion,
        summary=summary,
    )
    _save(review, by)
    if review_group:
        review.review_group.set(review_group)
    return review


@transaction.atomic
def record_stage(*, review, stage, on, by=None):
    """Records the date of a step of the review (terms of reference agreed, final report received, shared with the
    Panel, Secretary of State and Ofsted); its stage follows from its dates."""
    if stage not in STAGE_DATES:
        raise ValidationError({"stage": STAGE_HAS_ITS_OWN_STEP % {"stage": ReviewStage(stage).label}})
    if on is None:
        raise ValidationError({STAGE_DATES[stage]: STAGE_NEEDS_DATE})
    review = PracticeReview.objects.select_for_update().get(pk=review.pk)
    setattr(review, STAGE_DATES[stage], on)
    return _save(review, by)


@transaction.atomic
def set_publication(*, review, planned_publication_on=_UNCHANGED, published_on=_UNCHANGED, override_reason="", by=None):
    """Sets the planned and/or actual publication date. Neither may be fewer than 7 working days after the report
    was shared with the Panel, the Secretary of State and Ofsted unless `override_reason` says why; a local child
    safeguarding practice review cannot be published before it is shared."""
    review = PracticeReview.objects.select_for_update().get(pk=review.pk)
    if planned_publication_on is not _UNCHANGED:
        review.planned_publication_on = planned_publication_on
    if published_on is not _UNCHANGED:
        review.published_on = published_on
    review.publication_override_reason = (override_reason or "").strip()
    return _save(review, by)


@transaction.atomic
def record_not_published(*, review, reason, by=None):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"not_published_reason": NOT_PUBLISHED_NEEDS_REASON})
    review = PracticeReview.objects.select_for_update().get(pk=review.pk)
    review.not_published_reason = reason
    return _save(review, by)


def history_reason_max_length():
    """How long a reason the change history keeps (django-simple-history's `history_change_reason`)."""
    return PracticeReview.history.model._meta.get_field("history_change_reason").max_length


def _history_reason(reason, *, needed, field="reason"):
    """The reason, stripped, for a change the history records with why it was made; refused if empty or longer
    than the history keeps."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: needed})
    maximum = history_reason_max_length()
    if len(reason) > maximum:
        raise ValidationError({field: REASON_TOO_LONG % {"max": maximum, "length": len(reason)}})
    return reason


@transaction.atomic
def undo_not_published(*, review, reason, by=None):
    """Takes back the decision not to publish the review (its publication is undecided again), with the reason,
    which the review's history keeps with who made the change; the reason it was not published stays in the
    history too. A closed review is reopened first."""
    review = _locked(review)
    if review.closed_on:
        raise ValidationError(
            UNDO_NOT_PUBLISHED_OF_A_CLOSED_REVIEW % {"code": review, "date": long_date(review.closed_on)}
        )
    if not review.not_published_reason:
        raise ValidationError(NOT_RECORDED_AS_NOT_PUBLISHED % {"code": review})
    review._change_reason = _history_reason(reason, needed=UNDO_NOT_PUBLISHED_NEEDS_REASON)
    review.not_published_reason = ""
    return _save(review, by)


@transaction.atomic
def reopen_review(*, review, reason, by=None):
    """Reopens a closed review, with the reason, which the review's history keeps with who reopened it (and the
    closing date and reason it had). Only the business manager does this (`permissions.can_reopen_reviews`)."""
    review = _locked(review)
    if not review.closed_on:
        raise ValidationError(NOT_CLOSED % {"code": review})
    review._change_reason = _history_reason(reason, needed=REOPEN_NEEDS_REASON)
    review.closed_on = None
    review.closure_reason = ""
    return _save(review, by)


@transaction.atomic
def close_review(*, review, closed_on, reason="", by=None):
    """Closes a review once it is published (or not, with a reason). While any of its recommendations' actions
    are open it closes only with `reason`."""
    review = PracticeReview.objects.select_for_update().get(pk=review.pk)
    if review.closed_on:
        raise ValidationError(ALREADY_CLOSED % {"date": long_date(review.closed_on)})
    if review.stage not in (ReviewStage.PUBLISHED, ReviewStage.NOT_PUBLISHED):
        raise ValidationError({"closed_on": CLOSED_BEFORE_PUBLICATION_DECISION})
    reason = (reason or "").strip()
    open_count = open_actions_for(review).count()
    if open_count and not reason:
        raise ValidationError({"closure_reason": REVIEW_HAS_OPEN_ACTIONS % {"count": open_count}})
    review.closed_on = closed_on
    # A reason is kept only when something was left open: closing with everything done needs none.
    review.closure_reason = reason if open_count else ""
    return _save(review, by)


def _next_number(queryset):
    last = queryset.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _locked(review):
    """The review, locked: findings and recommendations are numbered in turn, so two people adding at once wait."""
    return PracticeReview.objects.select_for_update().get(pk=review.pk)


@transaction.atomic
def hold_review(*, review, held_pending, since=None, note="", by=None):
    """Records that the review is held pending a coroner's inquest or criminal proceedings (since a date, with a
    note), or, with `held_pending` empty, that it is no longer held."""
    review = _locked(review)
    review.held_pending = held_pending or ""
    review.held_since = since
    review.held_note = (note or "").strip()
    return _save(review, by)


@transaction.atomic
def add_finding(*, review, text, themes=(), by=None):
    """Adds a learning point to the review, numbered after the last, tagged with active learning themes."""
    review = _locked(review)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": FINDING_NEEDS_TEXT})
    retired = [theme for theme in themes if not theme.active]
    if retired:
        raise ValidationError({"themes": THEME_NOT_OFFERED % {"theme": retired[0]}})
    finding = _save(Finding(review=review, number=_next_number(review.findings), text=text), by)
    if themes:
        finding.themes.set(themes)
    return finding


@transaction.atomic
def edit_finding(*, finding, text, themes=(), by=None):
    """Changes a finding's learning point and its learning themes. A theme no longer offered may stay on the
    finding it was already on, but is not added to another. A closed review's findings are not changed."""
    review = _locked(finding.review)
    if review.closed_on:
        raise ValidationError(FINDING_OF_A_CLOSED_REVIEW % {"code": review, "date": long_date(review.closed_on)})
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": FINDING_NEEDS_TEXT})
    kept = set(finding.themes.values_list("pk", flat=True))
    retired = [theme for theme in themes if not theme.active and theme.pk not in kept]
    if retired:
        raise ValidationError({"themes": THEME_NOT_OFFERED % {"theme": retired[0]}})
    finding.text = text
    _save(finding, by)
    finding.themes.set(themes)
    return finding


@transaction.atomic
def remove_finding(*, finding, by=None):
    if by is not None:
        finding._history_user = by
    finding.delete()


@transaction.atomic
def add_recommendation(*, review, text, addressed_to, agency=None, sector="", by=None):
    """Adds a recommendation to one agency, one sector or the partnership, numbered after the last."""
    review = _locked(review)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": RECOMMENDATION_NEEDS_TEXT})
    recommendation = Recommendation(
        review=review,
        number=_next_number(review.recommendations),
        text=text,
        addressed_to=addressed_to,
        agency=agency,
        sector=sector or "",
    )
    return _save(recommendation, by)


@transaction.atomic
def set_recommendation_status(*, recommendation, status, response="", by=None):
    """Records the partnership's decision on a recommendation (open, complete, not taken forward) with what was
    decided and done, as the annual report states it. Not taken forward needs the reason; complete needs every
    action raised from it closed in the tracker."""
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    response = (response or "").strip()
    if status == RecommendationStatus.NOT_TAKEN_FORWARD and not response:
        raise ValidationError({"response": RECOMMENDATION_NOT_TAKEN_FORWARD_NEEDS_REASON})
    if status == RecommendationStatus.COMPLETE:
        open_count = Action.objects.from_source(recommendation).open().count()
        if open_count:
            raise ValidationError({"status": RECOMMENDATION_COMPLETE_WITH_OPEN_ACTIONS % {"count": open_count}})
    recommendation.status = status
    recommendation.response = response
    return _save(recommendation, by)


@transaction.atomic
def remove_dissemination(*, dissemination, by=None):
    """Removes a dissemination recorded by mistake; its history keeps it, with who removed it."""
    if by is not None:
        dissemination._history_user = by
    dissemination.delete()


@transaction.atomic
def raise_action(*, recommendation, title, owner_agency, due_date, description="", lead_body=None, by=None):
    """Raises an action in the shared action tracker from a recommendation. The owner agency's partners update
    it there; so do the chairs of its lead body (the Case Review Subgroup, by default in the form), who can
    close it."""
    action = Action(
        title=(title or "").strip(),
        description=(description or "").strip(),
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
        owner_agency=owner_agency,
        lead_body=lead_body,
        due_date=due_date,
    )
    return _save(action, by)


@transaction.atomic
def record_dissemination(*, review, channel, date, audience, people_reached=None, by=None):
    """Records how the review's learning was spread: the channel, the date and the audience reached."""
    dissemination = Dissemination(
        practice_review=review,
        channel=channel,
        date=date,
        audience=(audience or "").strip(),
        people_reached=people_reached,
    )
    return _save(dissemination, by)


# Deadline reminders.


class RemindersNotSent(Exception):
    """Some reminders could not be sent (the mail server refused them); they are not recorded as sent, so the
    next run sends those and only those."""


def _admin_url(deadline):
    name = (
        "admin:reviews_seriousincident_change"
        if deadline.record_type == "incident"
        else ("admin:reviews_practicereview_change")
    )
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[deadline.record_id])


def reminders_due(*, today):
    """(deadline, lead) for each open deadline that has reached a reminder lead time: the shortest lead reached,
    since an earlier reminder missed (the job did not run) is moot once a later one is due."""
    leads = sorted(settings.REVIEW_REMINDER_LEAD_DAYS)
    if not leads:
        return []
    due = []
    for deadline in open_deadlines(
        today=today, states=(DeadlineState.DUE_TODAY, DeadlineState.DUE_SOON, DeadlineState.UPCOMING)
    ):
        if deadline.due > add_working_days(today, leads[-1]):
            break  # soonest first: nothing after this is within a lead time
        reached = [lead for lead in leads if add_working_days(deadline.due, -lead) <= today]
        if reached:
            due.append((deadline, reached[0]))
    return due


def send_deadline_reminders(*, today=None):
    """E-mails the business managers and the Case Review chairs a reminder for each deadline that has reached one
    of the lead times (REVIEW_REMINDER_LEAD_DAYS working days before it), each reminder once. Returns how many
    were sent.

    Each reminder is recorded (DeadlineReminder) and sent in one transaction: if the e-mail fails the record is
    rolled back and the next run tries again; if another run is sending the same reminder at the same moment,
    the unique constraint makes this one wait, then skip. The e-mail names the code name only.
    """
    today = today or timezone.localdate()
    pending = reminders_due(today=today)
    if not pending:
        return 0
    recipients = reminder_recipients()
    if not recipients:
        logger.warning("%s case review deadline reminder(s) are due but nobody is set to receive them.", len(pending))
        return 0
    already = {
        (
            r.incident_id or r.practice_review_id,
            "incident" if r.incident_id else "practice_review",
            r.rule,
            r.due_date,
            r.lead_working_days,
        )
        for r in DeadlineReminder.objects.filter(due_date__gte=today)
    }
    sent, failed = 0, []
    for deadline, lead in pending:
        key = (deadline.record_id, deadline.record_type, deadline.rule.key, deadline.due, lead)
        if key in already:
            continue
        reminder = DeadlineReminder(
            incident_id=deadline.record_id if deadline.record_type == "incident" else None,
            practice_review_id=deadline.record_id if deadline.record_type == "practice_review" else None,
            rule=deadline.rule.key,
            due_date=deadline.due,
            lead_working_days=lead,
            sent_to="\n".join(recipients),
        )
        context = {
            "deadline": deadline,
            "lead": lead,
            "working_days_left": working_days_between(today, deadline.due),
            "today": today,
            "url": _admin_url(deadline),
            "dashboard_url": settings.SITE_URL.rstrip("/") + reverse("admin:reviews_seriousincident_changelist"),
        }
        message = EmailMessage(
            subject=f"{deadline.code_name}: {deadline.rule.title} by {deadline.due:%A %-d %B %Y}",
            body=render_to_string("reviews/emails/deadline_reminder.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        )
        try:
            with transaction.atomic():
                reminder.full_clean(validate_unique=False, validate_constraints=False)
                reminder.save()
                message.send()
        except IntegrityError:
            continue  # another run recorded (and sent) this reminder first
        except Exception:
            logger.exception("The %s reminder for %s could not be sent.", deadline.rule.key, deadline.code_name)
            failed.append(deadline.code_name)
            continue
        sent += 1
    if failed:
        raise RemindersNotSent(f"{len(failed)} deadline reminder(s) could not be sent ({failed}); {sent} were sent.")
    return sent


# Who opened which record.


def log_viewing(*, by, incident=None, practice_review=None):
    """Records that `by` opened the page of an incident or a practice review (one row each opening)."""
    viewing = ReviewViewing(viewed_by=by, incident=incident, practice_review=practice_review)
    viewing.full_clean(exclude=["viewed_by", "incident", "practice_review"])
    viewing.save()
    return viewing


def delete_old_viewings(*, now=None):
    """Deletes the records of case review pages opened longer ago than the access records are kept
    (settings.ACCESS_LOG_RETENTION_YEARS); returns how many. Safe to run again: the second run finds none."""
    return ReviewViewing.objects.filter(viewed_at__lt=access_log_cutoff(now=now)).delete()[0]
