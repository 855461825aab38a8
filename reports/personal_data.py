"""What the annual report holds about a person (lscp/data_protection.py): the work recorded under their account
(chapters asked of them, written, approved; builds asked for; reports sent) and the reminders e-mailed to them."""

from lscp.data_protection import account_work, emails_sent

from .models import AnnualReport, CheckSetAside, ContributionReminder, NarrativeSection, ReportBuild, ReportDuty

PERSONAL_DATA = [
    account_work(
        "reports.account-work",
        "Work on the annual report recorded under the account",
        (AnnualReport, "approved_by"),
        (ReportBuild, "requested_by"),
        (NarrativeSection, "assigned_to"),
        (NarrativeSection, "last_chased_by"),
        (NarrativeSection, "last_edited_by"),
        (CheckSetAside, "set_aside_by"),
        (ReportDuty, "sent_by"),
        kept_because="Who wrote, approved and sent the annual report is part of the partnership's record of it.",
    ),
    emails_sent("reports.reminders", "Reminders about chapters of the annual report", ContributionReminder),
]

# Addresses of organisations, not of people: the bodies the published report is sent to.
NOT_PERSONAL = {
    "reports.ReportRecipient.email": "the mailbox of a body the report is sent to (the National Panel, a board)",
    "reports.ReportDuty.sent_to": "the mailbox the report was sent to, a body's",
}
