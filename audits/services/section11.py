"""The Section 11 / 175 workflows: an agency opens its return in a cycle (pre-filled from its last accepted
return), saves drafts, submits it; the business manager or a lay member records the scrutiny and the outcome.

Each step locks the return's row, so two people acting at once cannot both move it on from the same state. E-mails
go once the change is committed (`transaction.on_commit`), and a mail server that fails never undoes a change.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from governance.models import Action
from lscp.dates import long_date

from ..models import (
    NOT_FULLY_MET,
    EvidenceFile,
    Rating,
    Return,
    ReturnStatus,
    Scrutiny,
    ScrutinyOutcome,
    StandardResponse,
)

logger = logging.getLogger(__name__)

CYCLE_NOT_OPEN = "The cycle “%(cycle)s” is open from %(opens)s to %(closes)s: returns can be started only then."
AGENCY_NOT_IN_CYCLE = "%(agency)s is not among the agencies in the cycle “%(cycle)s”."
RETURN_NOT_WITH_AGENCY = (
    "This return was submitted on %(date)s and is with the partnership now (%(status)s): it can be changed again "
    "only if it is returned for more evidence."
)
RETURN_ACCEPTED = "This return has been accepted and can no longer be changed."
STANDARD_NOT_IN_CYCLE = "One of the standards is not in this cycle's set. Reload the page and try again."
EVIDENCE_FILE_NOT_IN_RETURN = "One of the files to remove is not in this return. Reload the page and try again."
STANDARD_NEEDS_RATING = "Standard %(number)s (%(title)s): choose a rating."
STANDARD_NEEDS_EVIDENCE = (
    "Standard %(number)s (%(title)s): give the evidence for rating it “%(rating)s”, in words or as a file."
)
RETURN_NOT_SUBMITTED = (
    "Only a submitted return can be scrutinised; this one is %(status)s. Reload the page to see where it stands."
)
RETURN_NEEDS_COMMENTS = "Say what more evidence is needed: the agency sees these comments."
SCRUTINY_EMPTY = "Write your comments, give the challenge session date, or choose an outcome."

# An action raised for a standard not fully met is due this long after the submission; the agency or the business
# manager changes it in the tracker.
ACTION_DUE_AFTER = timedelta(days=91)


@dataclass
class Answer:
    """What the form sent for one standard: the rating and evidence typed, files added, files to remove."""

    rating: str = ""
    evidence: str = ""
    new_files: list = field(default_factory=list)
    remove_file_ids: list = field(default_factory=list)


def _locked(agency_return):
    return Return.objects.select_for_update().select_related("agency", "cycle").get(pk=agency_return.pk)


def last_accepted_return(*, agency, before_cycle):
    """The agency's most recent accepted return in another cycle of the same kind (Section 11 or 175)."""
    return (
        Return.objects.filter(
            agency=agency, status=ReturnStatus.ACCEPTED, cycle__standard_set__kind=before_cycle.standard_set.kind
        )
        .exclude(cycle=before_cycle)
        .order_by("-cycle__closes_on", "-pk")
        .first()
    )


@transaction.atomic
def start_return(*, cycle, agency, by):
    """Opens `agency`'s return in `cycle`, making it if need be. A return not yet started becomes "in progress",
    with a response for every standard, pre-filled (rating, evidence and files) from the agency's last accepted
    return where a standard of the same number was answered. A return already under way is given back unchanged."""
    if not cycle.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(AGENCY_NOT_IN_CYCLE % {"agency": agency, "cycle": cycle})
    agency_return = Return.objects.filter(cycle=cycle, agency=agency).first()
    if agency_return is not None:
        agency_return = _locked(agency_return)
        if agency_return.status != ReturnStatus.NOT_STARTED:
            return agency_return
    if not cycle.is_open:
        raise ValidationError(
            CYCLE_NOT_OPEN % {"cycle": cycle, "opens": long_date(cycle.opens_on), "closes": long_date(cycle.closes_on)}
        )
    if agency_return is None:
        agency_return = Return(cycle=cycle, agency=agency)
    earlier = last_accepted_return(agency=agency, before_cycle=cycle)
    agency_return.status = ReturnStatus.IN_PROGRESS
    agency_return.started_from = earlier
    agency_return._history_user = by
    agency_return.full_clean()
    agency_return.save()

    previous = {}
    if earlier is not None:
        previous = {
            response.standard.number: response
            for response in earlier.responses.select_related("standard").prefetch_related("files")
        }
    existing = set(agency_return.responses.values_list("standard_id", flat=True))
    for standard in cycle.standard_set.standards.exclude(pk__in=existing):
        before = previous.get(standard.number)
        response = StandardResponse(
            agency_return=agency_return,
            standard=standard,
            rating=before.rating if before else "",
            evidence=before.evidence if before else "",
        )
        response._history_user = by
        response.full_clean()
        response.save()
        for old in before.files.all() if before else ():
            # The same stored document, listed again: nothing is copied on disk.
            EvidenceFile.objects.create(response=response, file=old.file.name, uploaded_by=old.uploaded_by)
    return agency_return


def not_editable_message(agency_return):
    if agency_return.status == ReturnStatus.ACCEPTED:
        return RETURN_ACCEPTED
    submitted = timezone.localtime(agency_return.submitted_at) if agency_return.submitted_at else None
    return RETURN_NOT_WITH_AGENCY % {
        "date": long_date(submitted) if submitted else "an earlier date",
        "status": agency_return.get_status_display().lower(),
    }


@transaction.atomic
def save_return_draft(*, agency_return, answers, by):
    """Saves `answers` ({standard pk: Answer}) on a return that is with its agency. The status does not change:
    a returned return stays returned, with the scrutineers' comments, until it is submitted again."""
    agency_return = _locked(agency_return)
    if not agency_return.is_with_agency:
        raise ValidationError(not_editable_message(agency_return))
    responses = {response.standard_id: response for response in agency_return.responses.select_related("standard")}
    if set(answers) - set(responses):
        raise ValidationError(STANDARD_NOT_IN_CYCLE)
    errors = {}
    for standard_id, answer in answers.items():
        response = responses[standard_id]
        changed = (response.rating, response.evidence) != (answer.rating or "", (answer.evidence or "").strip())
        response.rating = answer.rating or ""
        response.evidence = (answer.evidence or "").strip()
        response._history_user = by
        try:
            response.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors[f"{name}:{standard_id}"] = [
                    f"Standard {response.standard.number} ({response.standard.title}): {message}"
                    for message in messages
                ]
            continue
        if changed:
            response.save()
        if answer.remove_file_ids:
            removable = response.files.filter(pk__in=answer.remove_file_ids)
            if removable.count() != len(set(answer.remove_file_ids)):
                raise ValidationError(EVIDENCE_FILE_NOT_IN_RETURN)
            removable.delete()
        for upload in answer.new_files:
            evidence = EvidenceFile(response=response, file=upload, uploaded_by=by)
            evidence._history_user = by
            try:
                evidence.full_clean()
            except ValidationError as error:
                errors.setdefault(f"files:{standard_id}", []).extend(
                    f"Standard {response.standard.number}: {message}" for message in error.messages
                )
                continue
            evidence.save()
    if errors:
        raise ValidationError(errors)
    if agency_return.status == ReturnStatus.NOT_STARTED:
        agency_return.status = ReturnStatus.IN_PROGRESS
        agency_return._history_user = by
        agency_return.save(update_fields=["status"])
    return agency_return


def submission_problems(agency_return):
    """{"rating:<standard pk>" or "evidence:<standard pk>": message} for every standard not ready to submit:
    every standard rated, and evidence (words or a file) for every rating other than not applicable."""
    problems = {}
    responses = agency_return.responses.select_related("standard").prefetch_related("files")
    for response in responses:
        standard = response.standard
        names = {"number": standard.number, "title": standard.title}
        if not response.rating:
            problems[f"rating:{standard.pk}"] = STANDARD_NEEDS_RATING % names
        elif response.rating != Rating.NOT_APPLICABLE and not response.evidence and not response.files.all():
            problems[f"evidence:{standard.pk}"] = STANDARD_NEEDS_EVIDENCE % {
                **names,
                "rating": response.get_rating_display().lower(),
            }
    return problems


@transaction.atomic
def submit_return(*, agency_return, by):
    """Sends a return that is with its agency to the partnership for scrutiny. Refused, with a message per standard,
    unless every standard is rated and has evidence. Each standard rated partially met or not met raises an action
    in the tracker for the agency (once: a standard that already has an open action from this response gets no
    second one). The agency's representatives and the business team are told by e-mail."""
    agency_return = _locked(agency_return)
    if not agency_return.is_with_agency:
        raise ValidationError(not_editable_message(agency_return))
    problems = submission_problems(agency_return)
    if problems:
        raise ValidationError(problems)
    agency_return.status = ReturnStatus.SUBMITTED
    agency_return.submitted_at = timezone.now()
    agency_return.submitted_by = by
    agency_return._history_user = by
    agency_return.full_clean()
    agency_return.save()
    raise_actions_for_standards_not_met(agency_return=agency_return, by=by)
    transaction.on_commit(lambda: _tell_of_submission(agency_return))
    return agency_return


def raise_actions_for_standards_not_met(*, agency_return, by):
    """An action in the tracker for each standard rated partially or not met that has no open action yet."""
    due = timezone.localdate() + ACTION_DUE_AFTER
    responses = (
        agency_return.responses.filter(rating__in=NOT_FULLY_MET)
        .exclude(actions__status__in=("not_started", "on_track", "at_risk"))
        .select_related("standard")
    )
    raised = []
    for response in responses:
        action = Action(
            title=f"Section 11 standard {response.standard.number}: {response.standard.title}"[:300],
            description=(
                f"{agency_return.agency} rated this standard “{response.get_rating_display().lower()}” in its "
                f"{agency_return.cycle} return. Agree what will bring it to fully met."
            ),
            source=response,
            owner_agency=agency_return.agency,
            due_date=due,
        )
        action._history_user = by
        action.full_clean()
        action.save()
        raised.append(action)
    return raised


def _decide(*, agency_return, by, comments, challenge_session_on, outcome):
    agency_return = _locked(agency_return)
    if not agency_return.is_with_scrutineers:
        raise ValidationError(RETURN_NOT_SUBMITTED % {"status": agency_return.get_status_display().lower()})
    comments = (comments or "").strip()
    if outcome == ScrutinyOutcome.RETURNED and not comments:
        raise ValidationError({"comments": RETURN_NEEDS_COMMENTS})
    if not (outcome or comments or challenge_session_on):
        raise ValidationError(SCRUTINY_EMPTY)
    scrutiny = Scrutiny(
        agency_return=agency_return,
        by=by,
        comments=comments,
        challenge_session_on=challenge_session_on,
        outcome=outcome or "",
    )
    scrutiny._history_user = by
    scrutiny.full_clean()
    scrutiny.save()
    agency_return.status = {
        ScrutinyOutcome.ACCEPTED: ReturnStatus.ACCEPTED,
        ScrutinyOutcome.RETURNED: ReturnStatus.RETURNED,
    }.get(outcome, ReturnStatus.UNDER_SCRUTINY)
    agency_return._history_user = by
    agency_return.save(update_fields=["status"])
    if outcome:
        transaction.on_commit(lambda: _tell_of_outcome(agency_return, scrutiny))
    return scrutiny


@transaction.atomic
def record_scrutiny(*, agency_return, by, comments="", challenge_session_on=None, outcome=""):
    """Records the scrutiny of a submitted return: notes and the challenge session date keep it under scrutiny;
    an outcome (accepted, or returned for more evidence with comments saying what is needed) decides it, and the
    agency's representatives are told by e-mail."""
    return _decide(
        agency_return=agency_return,
        by=by,
        comments=comments,
        challenge_session_on=challenge_session_on,
        outcome=outcome,
    )


# E-mails, sent once the change is committed.


def _link(name, **kwargs):
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def representatives_addresses(agency):
    """The work e-mails of the agency's people who sign in: those who complete its returns."""
    from partnership.models import Person

    return sorted(
        set(
            Person.objects.filter(agency=agency, user__isnull=False, user__is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _send(*, subject, template, context, to):
    recipients = [address for address in to if address]
    if not recipients:
        logger.warning("No e-mail address to send %r to.", subject)
        return
    try:
        send_mail(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # any mail backend error: the return's change is already saved
        logger.exception("Could not send %r to %s.", subject, recipients)


def _tell_of_submission(agency_return):
    context = {"agency_return": agency_return, "link": _link("audits:return", pk=agency_return.pk)}
    _send(
        subject=f"Section 11 return submitted: {agency_return.agency}, {agency_return.cycle}",
        template="audits/emails/return_submitted.txt",
        context=context,
        to=representatives_addresses(agency_return.agency),
    )
    _send(
        subject=f"Section 11 return to scrutinise: {agency_return.agency}, {agency_return.cycle}",
        template="audits/emails/return_to_scrutinise.txt",
        context={**context, "link": _link("audits:scrutiny", pk=agency_return.pk)},
        to=[settings.DEFAULT_FROM_EMAIL],
    )


def _tell_of_outcome(agency_return, scrutiny):
    accepted = scrutiny.outcome == ScrutinyOutcome.ACCEPTED
    _send(
        subject=(
            f"Your Section 11 return for {agency_return.cycle} has been "
            f"{'accepted' if accepted else 'returned for more evidence'}"
        ),
        template=f"audits/emails/return_{'accepted' if accepted else 'returned'}.txt",
        context={
            "agency_return": agency_return,
            "scrutiny": scrutiny,
            "link": _link("audits:return", pk=agency_return.pk),
        },
        to=representatives_addresses(agency_return.agency),
    )
