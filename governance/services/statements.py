"""Agency statements: a partner representative writes their agency's statement for a financial year and
sends it to the business manager, who accepts it or returns it with comments.

    draft ──submit──▶ submitted ──accept──▶ accepted
      ▲                  │
      │                return (with comments)
      │                  ▼
      └─── edit ◀──── returned ──submit──▶ submitted …

A statement can be changed only while it is a draft or returned. Each step locks the statement's row,
so two people acting at once cannot both move it on from the same state.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lscp.dates import long_date
from lscp.financial_year import FinancialYear

from ..models import (
    AgencyStatement,
    Inspection,
    StatementReminder,
    StatementRequest,
    StatementStatus,
    statement_progress,
    statement_writers,
)

logger = logging.getLogger(__name__)

EDITABLE_STATUSES = (StatementStatus.DRAFT, StatementStatus.RETURNED)

STATEMENT_ALREADY_SUBMITTED = (
    "This statement has been sent to the business manager. It can be changed again only if it is returned to you."
)
STATEMENT_ALREADY_ACCEPTED = "This statement has been accepted by the business manager and can no longer be changed."
STATEMENT_NOT_SUBMITTED = (
    "Only a statement that has been sent to the business manager can be accepted or returned; this one is %(status)s."
)
STATEMENT_YEAR_NOT_STARTED = "Statements can only be written for a financial year that has begun."
INSPECTION_NOT_IN_STATEMENT = "One of the inspections does not belong to this statement. Reload the page and try again."

# The fields of an inspection the partner edits; an unchanged inspection is not saved again, so its
# history shows only real changes.
INSPECTION_FIELDS = ("inspectorate", "kind", "borough_id", "date", "judgement", "recommendations")


def not_editable_message(statement):
    if statement.status == StatementStatus.ACCEPTED:
        return STATEMENT_ALREADY_ACCEPTED
    return STATEMENT_ALREADY_SUBMITTED


def _locked(statement):
    """The statement as it is in the database now, locked until the transaction ends."""
    return AgencyStatement.objects.select_for_update().select_related("agency").get(pk=statement.pk)


@transaction.atomic
def save_statement_draft(*, agency, year, text, inspections, by):
    """Creates or updates `agency`'s statement for `year` with `text` and exactly the `inspections` given.

    `inspections` is the whole list the statement should have (Inspection objects, saved or new, not
    yet attached); the statement's other inspections are deleted. The status does not change: a
    returned statement stays returned, with the business manager's comments, until it is submitted.
    """
    year = FinancialYear.parse(year)
    if year > FinancialYear.current():
        raise ValidationError(STATEMENT_YEAR_NOT_STARTED)
    created, _ = AgencyStatement.objects.get_or_create(agency=agency, year=year)
    statement = _locked(created)
    if statement.status not in EDITABLE_STATUSES:
        raise ValidationError(not_editable_message(statement))
    statement.text = text or ""
    statement._history_user = by
    statement.full_clean()
    statement.save()

    stored = {inspection.pk: inspection for inspection in statement.inspections.all()}
    errors, keep, to_save = [], set(), []
    for inspection in inspections:
        if inspection.pk is not None:
            if inspection.pk not in stored:
                raise ValidationError(INSPECTION_NOT_IN_STATEMENT)
            keep.add(inspection.pk)
            before = stored[inspection.pk]
            if all(getattr(before, name) == getattr(inspection, name) for name in INSPECTION_FIELDS):
                continue
        inspection.statement = statement
        inspection._history_user = by
        try:
            inspection.full_clean()
        except ValidationError as error:
            errors.extend(f"{inspection.inspectorate or 'Inspection'}: {message}" for message in error.messages)
        to_save.append(inspection)
    if errors:
        raise ValidationError(errors)
    Inspection.objects.filter(statement=statement).exclude(pk__in=keep).delete()
    for inspection in to_save:
        inspection.save()
    return statement


@transaction.atomic
def submit_statement(*, statement, by):
    """Sends a draft or returned statement to the business manager, and tells the business team."""
    statement = _locked(statement)
    if statement.status not in EDITABLE_STATUSES:
        raise ValidationError(not_editable_message(statement))
    statement.status = StatementStatus.SUBMITTED
    statement.submitted_by = by
    statement.submitted_at = timezone.now()
    statement._history_user = by
    statement.full_clean()
    statement.save()
    transaction.on_commit(lambda: _tell_business_team(statement))
    return statement


def _decide(*, statement, by, status, comments):
    statement = _locked(statement)
    if statement.status != StatementStatus.SUBMITTED:
        raise ValidationError(STATEMENT_NOT_SUBMITTED % {"status": statement.get_status_display().lower()})
    statement.status = status
    statement.manager_comments = (comments or "").strip()
    statement.decided_by = by
    statement.decided_at = timezone.now()
    statement._history_user = by
    statement.full_clean()
    statement.save()
    transaction.on_commit(lambda: _tell_submitter(statement))
    return statement


@transaction.atomic
def accept_statement(*, statement, by, comments=""):
    """Accepts a submitted statement for the annual report; `comments` (optional) go to the partner."""
    return _decide(statement=statement, by=by, status=StatementStatus.ACCEPTED, comments=comments)


@transaction.atomic
def return_statement(*, statement, by, comments):
    """Returns a submitted statement to its agency with `comments` saying what needs changing."""
    return _decide(statement=statement, by=by, status=StatementStatus.RETURNED, comments=comments)


# E-mails, sent once the change is committed. A mail server that fails must not undo or hide a
# decision that was saved, so failures are logged for the business team rather than raised.


def _link(name, **kwargs):
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(*, subject, template, context, to):
    recipients = [address for address in to if address]
    if not recipients:
        logger.warning("No e-mail address to send %r to.", subject)
        return
    try:
        send_mail(
            subject,
            render_to_string(template, context),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:  # any mail backend error: the statement's change is already saved
        logger.exception("Could not send %r to %s.", subject, recipients)


def submitter_address(statement):
    """The work e-mail of the person who submitted the statement, else their account's address."""
    user = statement.submitted_by
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return (person.email if person is not None and person.email else "") or user.email


def _tell_business_team(statement):
    _send(
        subject=f"Agency statement {statement.year} submitted: {statement.agency}",
        template="governance/emails/statement_submitted.txt",
        context={
            "statement": statement,
            "submitted_by": statement.submitted_by,
            "link": _link("governance:statement_review", year=statement.year, agency_pk=statement.agency_id),
        },
        to=[settings.DEFAULT_FROM_EMAIL],
    )


def _tell_submitter(statement):
    accepted = statement.status == StatementStatus.ACCEPTED
    _send(
        subject=f"Your agency statement {statement.year} has been {'accepted' if accepted else 'returned'}",
        template=f"governance/emails/statement_{'accepted' if accepted else 'returned'}.txt",
        context={
            "statement": statement,
            "link": _link("governance:our_statement", year=statement.year),
        },
        to=[submitter_address(statement)],
    )


# Asking an agency for its statement: who writes it and by when; reminders before, on and after the due date, each
# once; chasing the writer. The statement's own workflow above is unchanged: a request only sits beside it.

CHASE_SENT = "The statement of %(agency)s for %(year)s has been sent to you: there is nobody to chase."
CHASE_NOBODY = (
    "Nobody can be chased for the statement of %(agency)s: it has no partner representative who can sign in. Name "
    "one in the registry (People) first."
)
CHASE_FAILED = "The e-mail could not be sent (%(error)s). Nothing was recorded: try again."
NOT_ASKED = "%(agency)s has not been asked for its statement for %(year)s: set who writes it and when first."
# A statement in these states is with the business manager: nobody is reminded or chased about it.
SENT_STATUSES = (StatementStatus.SUBMITTED, StatementStatus.ACCEPTED)


class StatementRemindersNotSent(Exception):
    """The mail server refused a reminder: the task is retried later (nothing was recorded for it)."""


@transaction.atomic
def request_statement(*, agency, year, assigned_to, due_on, by):
    """Asks `agency` for its statement of `year` by `due_on`, written by `assigned_to` (None: every partner
    representative of the agency), or changes who and when if it was asked before. A changed due date starts its
    reminders afresh. Refused, with a message to act on, for a year not begun or a writer who is not one of the
    agency's partner representatives."""
    year = FinancialYear.parse(year)
    if year > FinancialYear.current():
        raise ValidationError(STATEMENT_YEAR_NOT_STARTED)
    request = StatementRequest.objects.select_for_update().filter(agency=agency, year=year).first()
    if request is None:
        request = StatementRequest(agency=agency, year=year, requested_by=by, requested_at=timezone.now())
    request.assigned_to, request.due_on = assigned_to, due_on
    request._history_user = by
    request.full_clean(validate_constraints=False)
    request.save()
    return request


def writers_of(request):
    """The people a request's reminders and chasing go to: the person named, else the agency's partner
    representatives (Person objects, with their users)."""
    writers = statement_writers([request.agency_id])
    if request.assigned_to_id is not None:
        writers = writers.filter(user_id=request.assigned_to_id)
    return list(writers)


def writer_addresses(people):
    """Each person's work e-mail, else their account's, once each."""
    seen, found = set(), []
    for person in people:
        address = (person.email or person.user.email or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            found.append(address)
    return found


def _reminder_email(request, *, kind, today, to, status="", reply_to=None, chased_by=None):
    title = f"Statement of {request.agency.name} for {request.year}"
    subjects = {
        "overdue": f"{title} is overdue",
        "on": f"{title} is due today",
        "before": f"{title} is due on {long_date(request.due_on)}",
    }
    context = {
        "request": request,
        "kind": kind,
        "today": today,
        "status": status,
        "url": _link("governance:our_statement", year=request.year),
        "chased_by": (chased_by.get_full_name() or chased_by.username) if chased_by else "",
    }
    return EmailMessage(
        subject=subjects.get(kind, f"{title}, a reminder from the business manager"),
        body=render_to_string("governance/emails/statement_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )


def chase_statement(*, agency, year, by, today=None):
    """E-mails the statement's writer (the person named, else the agency's partner representatives) a reminder from
    the business manager, with the link to write it, and records when and by whom; each press sends one e-mail.
    Refused for an agency not asked, a statement already sent, or nobody to write to. The record and the e-mail stand
    or fall together."""
    today = today or timezone.localdate()
    year = FinancialYear.parse(year)
    with transaction.atomic():
        request = (
            StatementRequest.objects.select_for_update(of=("self",))
            .select_related("agency", "assigned_to")
            .filter(agency=agency, year=year)
            .first()
        )
        if request is None:
            raise ValidationError(NOT_ASKED, params={"agency": agency, "year": year})
        statement = AgencyStatement.objects.filter(agency=agency, year=year).first()
        if statement is not None and statement.status in SENT_STATUSES:
            raise ValidationError(CHASE_SENT, params={"agency": agency, "year": year})
        to = writer_addresses(writers_of(request))
        if not to:
            raise ValidationError(CHASE_NOBODY, params={"agency": agency})
        message = _reminder_email(
            request,
            kind="chase",
            today=today,
            to=to,
            status=statement_progress(statement).label,
            reply_to=[by.email] if by and by.email else None,
            chased_by=by,
        )
        request.last_chased_at, request.last_chased_by = timezone.now(), by
        request._history_user = by
        request.save(update_fields=["last_chased_at", "last_chased_by"])
        try:
            message.send()
        except Exception as error:
            logger.exception("The chase of the statement request %s could not be e-mailed.", request.pk)
            raise ValidationError(CHASE_FAILED, params={"error": error}) from error
    return request, to


def send_statement_reminders(*, today=None):
    """E-mails the writers of each statement asked for and not yet submitted (nor accepted) a reminder before its due
    date (CONTRIBUTION_REMINDER_WORKING_DAYS working days), on it, and once it is overdue: each kind once per request
    and due date (a `StatementReminder` row made in the same transaction as the e-mail is sent, so a refused e-mail
    records nothing and two runs at once send it once). Returns how many reminders were sent."""
    from lscp.working_days import due_date_reminder

    today = today or timezone.localdate()
    statuses = dict(
        ((agency_id, year), (status, text))
        for agency_id, year, status, text in AgencyStatement.objects.filter(
            year__in=StatementRequest.objects.values("year")
        ).values_list("agency_id", "year", "status", "text")
    )
    sent, failed = 0, 0
    for request in StatementRequest.objects.select_related("agency", "assigned_to").order_by("year", "due_on", "pk"):
        status, text = statuses.get((request.agency_id, request.year), (None, ""))
        if status in SENT_STATUSES:
            continue
        kind = due_date_reminder(request.due_on, today=today, working_days=settings.CONTRIBUTION_REMINDER_WORKING_DAYS)
        if kind is None or request.reminders.filter(kind=kind, due_on=request.due_on).exists():
            continue
        to = writer_addresses(writers_of(request))
        if not to:
            continue
        progress = statement_progress(AgencyStatement(status=status, text=text) if status else None)
        try:
            with transaction.atomic():
                StatementReminder.objects.create(
                    request=request, kind=kind, due_on=request.due_on, sent_to="\n".join(to)
                )
                _reminder_email(request, kind=kind, today=today, to=to, status=progress.label).send()
        except IntegrityError:
            continue  # another run sent it a moment ago
        except Exception:
            logger.exception("The %s reminder of statement request %s could not be sent.", kind, request.pk)
            failed += 1
            continue
        sent += 1
    if failed:
        raise StatementRemindersNotSent(f"{failed} reminder(s) could not be sent; {sent} were.")
    return sent
