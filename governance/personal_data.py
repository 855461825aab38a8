"""What governance holds about a person (lscp/data_protection.py): the actions they own, the challenges they
raised, the weekly digests and statement reminders e-mailed to them, and the work recorded under their account."""

from lscp.data_protection import PersonalData, account_work, emails_sent
from partnership.personal_data import people

from .models import (
    Action,
    ActionDigest,
    ActionUpdate,
    AgencyStatement,
    ChallengeLogEntry,
    StatementReminder,
    StatementRequest,
)


def actions(subject):
    return [
        {
            "Action": action.title,
            "Agency": action.owner_agency.name,
            "Overseen by": action.lead_body.name if action.lead_body_id else "",
            "Due": action.due_date,
            "Status": action.get_status_display(),
        }
        for action in Action.objects.filter(owner_person_id__in=people(subject))
        .select_related("owner_agency", "lead_body")
        .order_by("due_date", "pk")
    ]


def challenges(subject):
    return [
        {
            "Raised on": entry.raised_on,
            "On behalf of": entry.raised_by_agency.name,
            "Agency challenged": entry.agency_challenged.name,
            "Issue": entry.issue,
            "How far it went": entry.get_stage_display(),
            "Outcome": entry.outcome,
        }
        for entry in ChallengeLogEntry.objects.filter(raised_by_person_id__in=people(subject))
        .select_related("raised_by_agency", "agency_challenged")
        .order_by("raised_on", "pk")
    ]


def _digests(subject):
    return subject.remember(
        "governance.digests",
        lambda: list(ActionDigest.objects.filter(person_id__in=people(subject)).order_by("week_start")),
    )


def digests(subject):
    return [
        {
            "Week beginning": digest.week_start,
            "Sent": digest.sent_at,
            "Sent to": digest.email,
            "Actions listed": digest.action_count,
        }
        for digest in _digests(subject)
    ]


def erase_digest_addresses(subject):
    count = ActionDigest.objects.filter(pk__in=[digest.pk for digest in _digests(subject)]).update(email="")
    return f"the address is removed from the record of {count} digest{'s' if count != 1 else ''}."


KEPT_AS_THE_PARTNERSHIPS_RECORD = (
    "The partnership's record of its work: it stays, with the anonymised placeholder in place of the person."
)

PERSONAL_DATA = [
    PersonalData(
        "governance.actions",
        "Actions owned",
        actions,
        kept_because=KEPT_AS_THE_PARTNERSHIPS_RECORD,
        covers=("governance.Action.owner_person",),
    ),
    PersonalData(
        "governance.challenges",
        "Professional challenges raised",
        challenges,
        kept_because="The challenge log is the partnership's record of how agencies hold each other to account; it "
        "stays, with the anonymised placeholder in place of the person.",
        covers=("governance.ChallengeLogEntry.raised_by_person",),
    ),
    PersonalData(
        "governance.digests",
        "Weekly e-mails of actions due",
        digests,
        erase=erase_digest_addresses,
        erasure="The e-mail address is removed; the record that the week's e-mail went (so it never goes twice) stays.",
        covers=("governance.ActionDigest.person", "governance.ActionDigest.email"),
    ),
    emails_sent("governance.statement-reminders", "Reminders about agencies' statements", StatementReminder),
    account_work(
        "governance.account-work",
        "Work recorded under the account: action updates and agencies' statements",
        (ActionUpdate, "author"),
        (AgencyStatement, "submitted_by"),
        (AgencyStatement, "decided_by"),
        (StatementRequest, "assigned_to"),
        (StatementRequest, "requested_by"),
        (StatementRequest, "last_chased_by"),
        kept_because="Who wrote, submitted or decided each record is part of the partnership's record of its work.",
    ),
]
