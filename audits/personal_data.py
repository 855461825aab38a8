"""What quality assurance holds about a person (lscp/data_protection.py): the Section 11 / 175 work recorded under
their account (returns submitted, evidence uploaded, scrutiny) and the cycle's e-mails sent to them."""

from lscp.data_protection import account_work, emails_sent

from .models import CycleNotice, EvidenceFile, Return, Scrutiny

PERSONAL_DATA = [
    account_work(
        "audits.account-work",
        "Section 11 / 175 work recorded under the account",
        (Return, "submitted_by"),
        (EvidenceFile, "uploaded_by"),
        (Scrutiny, "by"),
        kept_because="Who submitted, evidenced and scrutinised an agency's return is part of the partnership's record "
        "of its statutory audit.",
    ),
    emails_sent("audits.notices", "Section 11 / 175 e-mails", CycleNotice),
]
