"""Reading the audit trail: the sources merged newest first, a page of them, and each row as the page shows it.

A page costs the same number of queries however long the trail: one for the rows (every source in one UNION ALL),
one for the people named on it, and one for each kind of record changed on it (the changed fields, found by
comparing each change with the version before it). Nothing is counted: the list is paged by "older" and "newer"
links, and goes back `MAX_PAGES` pages; the dates reach further back.
"""

from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import BigIntegerField, OuterRef, Q, Subquery, Value
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst

from lscp.pagination import UncountedPaginator

from . import CHANGED, event_labels
from .sources import COLUMNS, ChangeHistory, people_matching, source, sources

PER_PAGE = 50
MAX_PAGES = 200
# A download holds at most this many rows, newest first: a longer trail is downloaded a few months at a time.
EXPORT_MAX_ROWS = 100_000
EXPORT_CHUNK = 2_000

NOT_RECORDED = "Not recorded (a scheduled job or a command)"


@dataclass(frozen=True)
class AuditEntry:
    """One row of the trail as the page and the download show it."""

    at: datetime
    event: str
    what: str  # the event as a row says it: "Changed"
    who: str  # the person's name, or the user name typed at sign-in
    username: str
    record_kind: str  # "Practice review"; empty for a sign-in
    record_id: str
    record_name: str
    record_url: str  # the record's history in the admin, where the admin has the record
    address: str  # where a sign-in came from
    changed_fields: tuple = field(default_factory=tuple)
    detail: str = ""  # a change's reason, or the admin's own account of a change

    @property
    def record_label(self):
        if self.record_name and self.record_id:
            return f"{self.record_name} (no. {self.record_id})"
        return self.record_name or (f"No. {self.record_id}" if self.record_id else "")


def merged(filters, *, limit):
    """The rows of every source `filters` leaves in, newest first, as one query (None when no source can match);
    each source reads at most `limit` rows where the database can say so (PostgreSQL; SQLite, the demo's, cannot
    limit the parts of a UNION)."""
    people = people_matching(filters.person) if filters.person else None
    # Without the models' own orderings, which SQLite does not allow inside a UNION.
    parts = [rows.order_by() for each in sources() if (rows := each.rows(filters, people)) is not None]
    if not parts:
        return None
    if len(parts) > 1 and connection.features.supports_slicing_ordering_in_compound:
        parts = [part.order_by("-audit_at", "-audit_ref")[:limit] for part in parts]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("-audit_at", "audit_branch", "-audit_ref")


def audit_page(filters, number):
    """The page `number` (forgiven: see `UncountedPaginator`) of the trail narrowed by `filters`."""

    def fetch(offset, limit):
        rows = merged(filters, limit=offset + limit)
        return list(rows[offset : offset + limit]) if rows is not None else []

    page = UncountedPaginator(fetch, per_page=PER_PAGE, max_pages=MAX_PAGES).page(number)
    page.object_list = describe(page.object_list)
    return page


def audit_export(filters):
    """Every row of the trail narrowed by `filters` (up to EXPORT_MAX_ROWS), newest first, read and described a
    chunk at a time."""
    rows = merged(filters, limit=EXPORT_MAX_ROWS)
    if rows is None:
        return
    stream = rows[:EXPORT_MAX_ROWS].iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(islice(stream, EXPORT_CHUNK)):
        yield from describe(chunk)


def describe(rows):
    """The merged rows (dicts of `audit_` columns) as `AuditEntry`s: the people named, the records' kinds and
    links, and what each change changed."""
    rows = [{column: row[f"audit_{column}"] for column in COLUMNS} for row in rows]
    users_by_id, users_by_name = _people(rows)
    changed = _changed_fields(rows)
    labels = event_labels()
    entries = []
    for row in rows:
        user = users_by_id.get(row["user_id"]) or users_by_name.get(row["username"])
        if user is not None:
            who, username = user.get_full_name() or user.get_username(), user.get_username()
        elif row["username"] is not None:
            who = username = row["username"] or "(no user name given)"
        else:
            who, username = NOT_RECORDED, ""
        model = _model(row["record_kind"])
        detail = row["detail"] or ""
        if row["branch"] == "admin" and detail:
            detail = LogEntry(change_message=detail).get_change_message()
        entries.append(
            AuditEntry(
                at=row["at"],
                event=row["event"],
                what=labels.get(row["event"], row["event"]),
                who=who,
                username=username,
                record_kind=capfirst(model._meta.verbose_name) if model else row["record_kind"] or "",
                record_id=row["record_id"] or "",
                record_name=row["record_name"] or "",
                record_url=_admin_url(model, row["record_id"]) if model else "",
                address=row["address"] or "",
                changed_fields=changed.get((row["branch"], row["ref"]), ()),
                detail=detail,
            )
        )
    return entries


def _people(rows):
    """The users the rows name, by id and by user name: one query."""
    ids = {row["user_id"] for row in rows if row["user_id"] is not None}
    names = {row["username"] for row in rows if row["username"]}
    if not ids and not names:
        return {}, {}
    users = list(get_user_model().objects.filter(Q(pk__in=ids) | Q(username__in=names)))
    return {user.pk: user for user in users}, {user.get_username(): user for user in users}


def _model(label):
    if not label:
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):  # a kind of record no longer in the product
        return None


def _admin_url(model, record_id):
    """The record's history in the admin (it shows a deleted record's too), where the admin has the model."""
    if not record_id or not admin.site.is_registered(model):
        return ""
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record_id])
    except NoReverseMatch:
        return ""


def _changed_fields(rows):
    """{(branch, history id): the names of the fields the change changed}, for the changes among the rows: one query
    for each kind of record changed, which loads the changes and the versions before them."""
    wanted = {}
    for row in rows:
        if row["event"] == CHANGED and row["branch"].startswith("history:"):
            wanted.setdefault(row["branch"], []).append(row["ref"])
    found = {}
    for branch, ids in wanted.items():
        history_source = source(branch)
        if not isinstance(history_source, ChangeHistory):
            continue
        history = history_source.history
        pk_name = history_source.pk_name
        # The version before: the latest one older than the change, or saved at the same moment before it. (Up to
        # the change's moment, as a range an index on the time can answer, less the versions after it at that moment.)
        before = (
            history.objects.filter(history_date__lte=OuterRef("history_date"), **{pk_name: OuterRef(pk_name)})
            .exclude(history_date=OuterRef("history_date"), history_id__gte=OuterRef("history_id"))
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        # The changes and the versions before them, in one query that each half answers from an index.
        changes = history.objects.filter(history_id__in=ids).annotate(before_id=Subquery(before)).order_by()
        earlier = (
            history.objects.filter(history_id__in=changes.values("before_id"))
            .annotate(before_id=Value(None, output_field=BigIntegerField()))
            .order_by()
        )
        versions = {version.history_id: version for version in changes.union(earlier, all=True)}
        many = [f.name for f in history._history_m2m_fields]
        for history_id in ids:
            version = versions.get(history_id)
            previous = versions.get(version.before_id) if version is not None else None
            if previous is None:
                continue
            delta = version.diff_against(previous, excluded_fields=many)
            model = history_source.model
            found[(branch, history_id)] = tuple(
                capfirst(model._meta.get_field(name).verbose_name) for name in delta.changed_fields
            )
    return found
