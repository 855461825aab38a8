"""The audit trail: one list, newest first, of who did what in the product, for the business manager.

It gathers, without naming any app:
- every change kept in a change history (each model with `history = HistoricalRecords()`, found through
  django-simple-history's registry): who created, changed or deleted which record;
- changes made in the admin to records that keep no history of their own (user accounts and their groups, an
  attempt deleted to lift a lockout), from the admin's own log;
- sign-ins, failed sign-ins and lockouts, from django-axes' logs (`AccessLog`, `AccessFailureLog`);
- the logs apps keep of what no change history shows, which each app declares in its `audit_trail.py` as a list
  `AUDIT_LOGS` of `AuditLog`s: the reviews app's log of who opened which case review record.

How the list is read (`selectors.py`): each source is one SELECT with the filters and, on PostgreSQL, its own
ORDER BY and LIMIT, and the sources are merged by one UNION ALL with the page's ORDER BY and LIMIT, so a page reads
no more than a page's worth of rows from any table, whatever their size. Nothing is counted.
"""

from dataclasses import dataclass
from functools import lru_cache

from lscp.registries import app_modules

# What happened, in the rows and in the filter. An app's log may add its own (`AuditLog.event`).
CREATED, CHANGED, DELETED = "created", "changed", "deleted"
SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT = "signed_in", "sign_in_failed", "locked_out"

# key: (as a row says it, as the filter offers it)
EVENTS = {
    CREATED: ("Created", "Created a record"),
    CHANGED: ("Changed", "Changed a record"),
    DELETED: ("Deleted", "Deleted a record"),
    SIGNED_IN: ("Signed in", "Signed in"),
    SIGN_IN_FAILED: ("Sign-in failed", "Failed to sign in"),
    LOCKED_OUT: ("Locked out", "Locked out after failed sign-ins"),
}


@dataclass(frozen=True)
class AuditRecord:
    """One kind of record an app's log is about: `model` ("reviews.PracticeReview"), the log's foreign key to it
    (`field`, e.g. "practice_review") and the record's field that names it (`name`, e.g. "code_name")."""

    model: str
    field: str
    name: str = ""


@dataclass(frozen=True)
class AuditLog:
    """A log an app keeps of something people do that no change history shows, as the audit trail reads it.

    `model` is the log's model ("reviews.ReviewViewing"); each of its rows is one `event` ("viewed", shown as
    `label`, offered in the filter as `choice`) by the user in the foreign key `user` at the time in `when` (an
    indexed field: the list is read newest first), about one record of a kind in `records` (the first whose
    foreign key is set). Apps declare theirs in `<app>/audit_trail.py`, `AUDIT_LOGS = [AuditLog(...)]`.
    """

    key: str
    model: str
    event: str
    label: str
    choice: str
    when: str
    user: str
    records: tuple = ()


@lru_cache(maxsize=1)
def registered_logs():
    """Every installed app's `AUDIT_LOGS`, in INSTALLED_APPS order. A key must be unique."""
    found = [log for module in app_modules("audit_trail") for log in getattr(module, "AUDIT_LOGS", [])]
    keys = [log.key for log in found]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"Audit logs declared twice: {', '.join(twice)}")
    return tuple(found)


def event_labels():
    """{event: label in a row}, for the built-in events and those of the apps' logs."""
    return {
        **{event: row for event, (row, _) in EVENTS.items()},
        **{log.event: log.label for log in registered_logs()},
    }


def event_choices():
    """[(event, label in the filter)]: the apps' events first (what a person opened), then the changes and sign-ins."""
    apps_events = {log.event: log.choice for log in registered_logs()}
    return [*apps_events.items(), *((event, choice) for event, (_, choice) in EVENTS.items())]
