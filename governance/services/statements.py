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
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lscp.financial_year import FinancialYear

from ..models import AgencyStatement, Inspection, StatementStatus

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
