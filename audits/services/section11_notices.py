"""E-mails to the agencies about a Section 11 / 175 cycle: the invitation when the business manager opens it to them,
a reminder SECTION11_REMINDER_WORKING_DAYS working days before the close date to each agency whose return is not
yet submitted, and an overdue notice on the first working day after the close date, copied to the business team.

Each e-mail goes once. It is recorded (CycleNotice) and sent in one transaction: if the mail server refuses it the
record is rolled back and the next try sends it; if another run is sending the same one at the same moment, the
unique constraint makes this one wait, then skip. The e-mails name the cycle and the agency, nobody else.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from lscp.dates import long_date
from lscp.working_days import add_working_days
from partnership.models import Person

from ..models import Cycle, CycleNotice, NoticeKind, Return, ReturnStatus
from .section11 import _link

logger = logging.getLogger(__name__)

CYCLE_CLOSED_FOR_INVITATIONS = (
    "The cycle “%(cycle)s” closed on %(closes)s: its agencies can no longer be invited to complete a return."
)

# Statuses that are no longer the agency's to finish: no reminder, no overdue notice.
SUBMITTED_STATUSES = (ReturnStatus.SUBMITTED, ReturnStatus.UNDER_SCRUTINY, ReturnStatus.ACCEPTED)

# The overdue notice goes on the first working day after the close date; a job that did not run then catches up for
# this many working days more, but a cycle that closed long ago is never chased again (nor on the day this feature
# first runs against old cycles).
OVERDUE_CATCH_UP_WORKING_DAYS = 5


class NoticesNotSent(Exception):
    """Some e-mails could not be sent (the mail server refused them); they are not recorded as sent, so the next run
    sends those and only those."""


@dataclass
class Invitations:
    """Who an invitation round covers, by agency: invited now (or to be, on the confirmation page), invited before,
    with nobody who signs in to send it to, and refused by the mail server."""

    to_invite: list = field(default_factory=list)
    already_invited: list = field(default_factory=list)
    without_representatives: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def _addresses_by_agency(agency_ids):
    """{agency pk: sorted work e-mails of its people who sign in}, in one query (the same people as
    section11.representatives_addresses)."""
    found = {}
    rows = (
        Person.objects.filter(agency_id__in=agency_ids, user__isnull=False, user__is_active=True)
        .exclude(email="")
        .values_list("agency_id", "email")
    )
    for agency_id, email in rows:
        found.setdefault(agency_id, set()).add(email)
    return {agency_id: sorted(emails) for agency_id, emails in found.items()}


def _notified(cycle, kind, *, closes_on=None):
    notices = CycleNotice.objects.filter(cycle=cycle, kind=kind)
    if closes_on is not None:
        notices = notices.filter(closes_on=closes_on)
    return notices.values("agency_id")


def _send_once(*, cycle, agency, kind, to, cc=(), subject, template, context):
    """Records and sends one e-mail. Returns "sent", "already" (another run sent it first) or "failed"."""
    notice = CycleNotice(
        cycle=cycle, agency=agency, kind=kind, closes_on=cycle.closes_on, sent_to="\n".join([*to, *cc])
    )
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, {"cycle": cycle, "agency": agency, **context}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        cc=list(cc),
    )
    try:
        with transaction.atomic():
            notice.full_clean(validate_unique=False, validate_constraints=False)
            notice.save()
            message.send()
    except IntegrityError:
        return "already"
    except Exception:  # any mail backend error: nothing is recorded, the next try sends it
        logger.exception("The %s e-mail about %s to %s could not be sent.", kind, cycle, agency)
        return "failed"
    return "sent"


# Invitations.


def invitation_plan(*, cycle):
    """Who "Invite the agencies" would e-mail now, in a fixed number of queries."""
    agencies = list(cycle.agencies.order_by("name"))
    invited = set(_notified(cycle, NoticeKind.INVITATION).values_list("agency_id", flat=True))
    addresses = _addresses_by_agency([agency.pk for agency in agencies])
    plan = Invitations()
    for agency in agencies:
        agency.addresses = addresses.get(agency.pk, [])
        if agency.pk in invited:
            plan.already_invited.append(agency)
        elif not agency.addresses:
            plan.without_representatives.append(agency)
        else:
            plan.to_invite.append(agency)
    return plan


def invite_agencies(*, cycle, today=None):
    """E-mails each agency in the cycle's scope not yet invited, to its representatives (its people who sign in):
    the cycle, the set of standards, the close date and the link to their return. Safe to press twice: an agency
    is invited once; one added to the scope later is invited the next time. Agencies with nobody who signs in
    are left uninvited and listed, so the business manager can add a person. Refused once the cycle has closed."""
    today = today or timezone.localdate()
    if cycle.closes_on < today:
        raise ValidationError(CYCLE_CLOSED_FOR_INVITATIONS % {"cycle": cycle, "closes": long_date(cycle.closes_on)})
    plan = invitation_plan(cycle=cycle)
    link = _link("audits:start_return", cycle_pk=cycle.pk)
    done = Invitations(already_invited=plan.already_invited, without_representatives=plan.without_representatives)
    for agency in plan.to_invite:
        outcome = _send_once(
            cycle=cycle,
            agency=agency,
            kind=NoticeKind.INVITATION,
            to=agency.addresses,
            subject=f"Section 11 return for {cycle}: please complete it by {cycle.closes_on:%-d %B %Y}",
            template="audits/emails/cycle_invitation.txt",
            context={"link": link},
        )
        {"sent": done.to_invite, "already": done.already_invited, "failed": done.failed}[outcome].append(agency)
    return done


# Reminders and overdue notices (Celery beat, each working morning).


def _unsubmitted(cycle, kind):
    """The agencies in scope whose return is not submitted (none yet, not started, in progress or returned for more
    evidence) and that have had no `kind` e-mail for the cycle's current close date, each with `return_status`."""
    agencies = list(
        cycle.agencies.exclude(
            pk__in=Return.objects.filter(cycle=cycle, status__in=SUBMITTED_STATUSES).values("agency_id")
        )
        .exclude(pk__in=_notified(cycle, kind, closes_on=cycle.closes_on))
        .order_by("name")
    )
    statuses = dict(Return.objects.filter(cycle=cycle, agency__in=agencies).values_list("agency_id", "status"))
    for agency in agencies:
        agency.return_status = ReturnStatus(statuses.get(agency.pk, ReturnStatus.NOT_STARTED)).label
    return agencies


def cycles_to_remind(*, today):
    """Open cycles whose reminder day (SECTION11_REMINDER_WORKING_DAYS working days before the close date) has come."""
    lead = settings.SECTION11_REMINDER_WORKING_DAYS
    cycles = Cycle.objects.filter(opens_on__lte=today, closes_on__gte=today).select_related("standard_set")
    return [cycle for cycle in cycles if add_working_days(cycle.closes_on, -lead) <= today]


def cycles_overdue(*, today):
    """Closed cycles whose first working day after the close date has come, within the catch-up days."""
    recent = Cycle.objects.filter(closes_on__lt=today, closes_on__gte=today - timedelta(days=31))
    found = []
    for cycle in recent.select_related("standard_set"):
        first = add_working_days(cycle.closes_on, 1)
        if first <= today <= add_working_days(first, OVERDUE_CATCH_UP_WORKING_DAYS):
            found.append(cycle)
    return found


def send_return_reminders(*, today=None):
    """E-mails each agency whose return is not submitted: a reminder before the close date, an overdue notice after
    it (copied to the business team; to the business team alone when the agency has nobody who signs in). Each
    once per cycle, agency and close date. Returns how many were sent; raises NoticesNotSent, after trying every
    one, if the mail server refused some."""
    today = today or timezone.localdate()
    sent, failed = 0, []
    for cycle in cycles_to_remind(today=today):
        agencies = _unsubmitted(cycle, NoticeKind.REMINDER)
        addresses = _addresses_by_agency([agency.pk for agency in agencies])
        for agency in agencies:
            to = addresses.get(agency.pk)
            if not to:
                logger.warning("No one signs in for %s: no reminder about %s.", agency, cycle)
                continue
            outcome = _send_once(
                cycle=cycle,
                agency=agency,
                kind=NoticeKind.REMINDER,
                to=to,
                subject=f"Reminder: your Section 11 return for {cycle} is due by {cycle.closes_on:%-d %B %Y}",
                template="audits/emails/cycle_reminder.txt",
                context={"link": _link("audits:start_return", cycle_pk=cycle.pk)},
            )
            sent += outcome == "sent"
            if outcome == "failed":
                failed.append(f"{agency} ({cycle})")
    for cycle in cycles_overdue(today=today):
        agencies = _unsubmitted(cycle, NoticeKind.OVERDUE)
        addresses = _addresses_by_agency([agency.pk for agency in agencies])
        for agency in agencies:
            to = addresses.get(agency.pk, [])
            outcome = _send_once(
                cycle=cycle,
                agency=agency,
                kind=NoticeKind.OVERDUE,
                to=to or [settings.DEFAULT_FROM_EMAIL],
                cc=[settings.DEFAULT_FROM_EMAIL] if to else [],
                subject=f"Overdue: the Section 11 return of {agency} for {cycle}",
                template="audits/emails/cycle_overdue.txt",
                context={"link": _link("audits:start_return", cycle_pk=cycle.pk), "no_representatives": not to},
            )
            sent += outcome == "sent"
            if outcome == "failed":
                failed.append(f"{agency} ({cycle})")
    if failed:
        raise NoticesNotSent(f"{len(failed)} Section 11 e-mail(s) could not be sent ({failed}); {sent} were sent.")
    return sent
