"""Writes on the action tracker: a progress update on an action, and the weekly digest of the actions that
are overdue or due soon, e-mailed to their owners.

Who gets a digest (see docs/actions.md):
- an action with a named owner (`owner_person`) who has a work e-mail goes to that person only;
- an action with no named owner, or one without an e-mail address, goes to every partner representative
  of the owner agency who can sign in (a Person at that agency linked to an active user), because they
  are the people who can open the action and report on it;
- a person gets one digest a week listing all their actions, overdue first; a person with nothing
  overdue or due within DIGEST_WINDOW_DAYS gets nothing.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import Person

from ..models import Action, ActionDigest, ActionStatus, ActionUpdate
from ..models.actions import ACTION_COMPLETE_RATED_RED

logger = logging.getLogger(__name__)

PROGRESS_UPDATE_NEEDS_TEXT = "Say what progress has been made since the last update."
PROGRESS_UPDATE_NEEDS_DATE = "Give the date of this progress update."
PROGRESS_UPDATE_ACTION_INVALID = (
    "This action cannot be saved as it stands: %(problem)s Ask the business manager to correct it."
)

# An action due within this many days (today included) is "due soon" in the digest and on the list.
DIGEST_WINDOW_DAYS = 14

# Fields of an action that a progress update may change; anything else wrong with the action is not the
# author's to fix, and is reported as such.
_UPDATABLE_ACTION_FIELDS = ("status", "rag")


@transaction.atomic
def add_progress_update(*, action, author, date, text, evidence=None, status=None, rag=None):
    """Records a dated progress update on `action`, and with it, if given, a new status and RAG rating.

    Completing the action sets its completion date to the update's date; moving it out of "complete"
    clears that date. The update and the action's change are saved together or not at all.
    """
    # Locked so that two people updating the same action at once cannot undo each other's status.
    action = Action.objects.select_for_update().get(pk=action.pk)
    text = (text or "").strip()
    update = ActionUpdate(action=action, author=author, date=date, text=text, evidence=evidence or "")
    errors = {}
    if not text:
        errors["text"] = [PROGRESS_UPDATE_NEEDS_TEXT]
    if date is None:
        errors["date"] = [PROGRESS_UPDATE_NEEDS_DATE]
    try:
        update.full_clean(exclude=list(errors))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)

    changed = bool(status and status != action.status) or bool(rag and rag != action.rag)
    if status and status != action.status:
        action.status = status
        action.completed_on = date if status == ActionStatus.COMPLETE else None
    if rag:
        action.rag = rag
    try:
        action.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            if not changed:
                # A note that changes neither status nor rating is added to an action recorded complete and Red
                # before that rule; anything else wrong with the action is still for the business manager.
                messages = [message for message in messages if message != ACTION_COMPLETE_RATED_RED]
                if not messages:
                    continue
            if field in _UPDATABLE_ACTION_FIELDS:
                errors.setdefault(field, []).extend(messages)
            elif field == "completed_on" and "date" in errors:
                pass  # the update's own date is already reported
            else:
                errors.setdefault(NON_FIELD_ERRORS, []).extend(
                    PROGRESS_UPDATE_ACTION_INVALID % {"problem": message} for message in messages
                )
    if errors:
        raise ValidationError(errors)

    if author is not None:
        # Logged against the author even outside a request (simple_history reads this attribute).
        update._history_user = author
        action._history_user = author
    update.save()
    action.save()
    return update


# The weekly digest.


def week_beginning(day):
    """The Monday of the week `day` falls in: a digest is sent at most once per person per such week."""
    return day - timedelta(days=day.weekday())


def _has_email(person):
    return person is not None and bool((person.email or "").strip())


def digest_recipients(*, today):
    """This week's digests: a list of (person, actions) for everyone with something overdue or due soon,
    each person's actions in due-date order. Three queries, however many actions and people."""
    actions = list(
        Action.objects.open()
        .filter(due_date__lte=today + timedelta(days=DIGEST_WINDOW_DAYS))
        .select_related("owner_agency", "owner_person", "lead_body")
        .order_by("due_date", "id")
    )
    unnamed_agencies = {a.owner_agency_id for a in actions if not _has_email(a.owner_person)}
    representatives = {}
    for person in (
        Person.objects.filter(agency_id__in=unnamed_agencies, user__isnull=False, user__is_active=True)
        .exclude(email="")
        .order_by("name")
    ):
        representatives.setdefault(person.agency_id, []).append(person)
    by_person = {}
    for action in actions:
        if _has_email(action.owner_person):
            people = [action.owner_person]
        else:
            people = representatives.get(action.owner_agency_id, [])
        for person in people:
            by_person.setdefault(person.pk, (person, []))[1].append(action)
    return sorted(by_person.values(), key=lambda entry: (entry[0].name, entry[0].pk))


def build_digest_message(*, person, actions, today):
    site = settings.SITE_URL.rstrip("/")
    lines = [
        {
            "action": action,
            "url": site + reverse("governance:action", args=[action.pk]),
            "days_overdue": (today - action.due_date).days,
            "days_left": (action.due_date - today).days,
        }
        for action in actions
    ]
    context = {
        "person": person,
        "today": today,
        "week_start": week_beginning(today),
        "window_days": DIGEST_WINDOW_DAYS,
        "overdue": [line for line in lines if line["action"].due_date < today],
        "due_soon": [line for line in lines if line["action"].due_date >= today],
        "list_url": site + reverse("governance:actions"),
        "site_url": site,
    }
    overdue, due_soon = len(context["overdue"]), len(context["due_soon"])
    subject = f"Your actions this week: {overdue} overdue, {due_soon} due in the next {DIGEST_WINDOW_DAYS} days"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("governance/emails/action_digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email.strip()],
    )
    message.attach_alternative(render_to_string("governance/emails/action_digest.html", context), "text/html")
    return message


class DigestsNotSent(Exception):
    """Some digests could not be sent (the mail server refused them); they are not recorded as sent, so
    running the job again sends those and only those."""


def send_action_digests(*, today=None):
    """E-mails this week's digest to everyone who has actions overdue or due soon and has not had this
    week's digest yet. Returns how many were sent.

    Each digest is recorded (ActionDigest) and sent in one transaction: if the e-mail fails the record is
    rolled back and the next run tries again; if another run is sending the same person's digest at the
    same moment, the unique constraint on (person, week) makes this one wait, then skip.
    """
    today = today or timezone.localdate()
    week_start = week_beginning(today)
    already_sent = set(ActionDigest.objects.filter(week_start=week_start).values_list("person_id", flat=True))
    sent, failed = 0, []
    for person, actions in digest_recipients(today=today):
        if person.pk in already_sent:
            continue
        message = build_digest_message(person=person, actions=actions, today=today)
        digest = ActionDigest(
            person=person, week_start=week_start, email=person.email.strip(), action_count=len(actions)
        )
        try:
            with transaction.atomic():
                digest.full_clean(validate_unique=False, validate_constraints=False)
                digest.save()
                message.send()
        except IntegrityError:
            continue  # another run recorded (and sent) this person's digest first
        except Exception:
            logger.exception("The action digest for %s (person %s) could not be sent.", person, person.pk)
            failed.append(person.pk)
            continue
        sent += 1
    if failed:
        raise DigestsNotSent(f"{len(failed)} action digest(s) could not be sent (people {failed}); {sent} were sent.")
    return sent
