"""Data protection (UK GDPR): what the partnership holds about one person, for a subject access request and for
erasure, gathered from what each app declares. docs/data-protection.md is the information governance view of it.

Each app declares, in its own `personal_data.py`, a list `PERSONAL_DATA` of `PersonalData`: one kind of record it
holds about a person, found from the person's e-mail address and the sign-in accounts it leads to. The shared part
knows no app (lscp imports none): it asks every installed app's module, in INSTALLED_APPS order.

    subject = data_subject(email)         the person: their e-mail address and the accounts linked to them
    export(subject)                       a zip of CSV files, one per kind of record held, and a note to read first
    erasure_plan(subject, by=user)        what erasure would do to each kind, and what stops it for now
    erase(subject, by=user)               does it, in one transaction, and says what was done and what was kept

Erasure anonymises rather than deletes: the records the partnership must keep (its bodies' memberships and
attendance, the actions it tracks, the training figures) stay, with the person replaced by a placeholder, so
every count and rate stays the same. A kind with no `erase` is kept whole, and its `kept_because` says why.
"""

import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from .dates import long_date
from .registries import app_modules
from .site import partnership_name
from .spreadsheets import csv_writer

logger = logging.getLogger(__name__)

MODULE = "personal_data"

SUBJECT_EMAIL_INVALID = "Give the person's e-mail address, for example sam.jones@agency.example.org."
SUBJECT_HOLDS_NOTHING = "Nothing is held about anyone with the e-mail address %(email)s."

# What an anonymised record shows instead of the person (the number is the record's own, so that two
# placeholders on one register are told apart, and names no one).
PLACEHOLDER_DOMAIN = "anonymised.invalid"  # a reserved name: no e-mail can ever be delivered there


def placeholder_email(kind, pk):
    """A unique, never-deliverable address for an anonymised record: "anonymised-delegate-12@anonymised.invalid"."""
    return f"anonymised-{kind}-{pk}@{PLACEHOLDER_DOMAIN}"


@dataclass(frozen=True)
class PersonalData:
    """One kind of record an app holds about a person."""

    # Unique across apps: "<app>.<kind>".
    key: str
    # In the person's words: "Training bookings".
    title: str
    # (subject) -> a list of dicts, one per record: column heading -> plain value (text, number, date, bool).
    # Only this person's data: another person's name or address (a line manager's, a deputy's) is left out.
    records: Callable
    # (subject) -> a sentence saying what was done. Runs inside the erasure's transaction, after every kind's
    # records were read. None: these records are kept whole (`kept_because` says why).
    erase: Callable | None = None
    # What `erase` does, for the page that asks to confirm it: "Name and e-mail address replaced …".
    erasure: str = ""
    # Why the records (or what `erase` leaves of them) are kept: a sentence, or a callable giving one (when it
    # depends on a setting such as the years a log is kept).
    kept_because: str | Callable = ""
    # (subject, by) -> reasons no erasure may happen yet (a membership still running, an account that can sign in);
    # `by` is the user asking, None for the operator at the command line.
    blocks: Callable | None = None
    # (email) -> ids of the sign-in accounts this kind of record links the person to (a registry Person's account).
    accounts: Callable | None = None
    # "app_label.Model.field": the fields holding personal data that this kind answers for (the registry's
    # completeness test checks that every field pointing at a person or holding an address is answered for).
    covers: tuple = ()

    def kept_reason(self):
        return self.kept_because() if callable(self.kept_because) else self.kept_because


@lru_cache(maxsize=1)
def registered_personal_data():
    """Every installed app's declarations, in INSTALLED_APPS order. Keys must be unique across apps."""
    found = [entry for module in app_modules(MODULE) for entry in getattr(module, "PERSONAL_DATA", [])]
    keys = [entry.key for entry in found]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"Personal data keys used twice: {', '.join(sorted(duplicates))}")
    return tuple(found)


def not_personal_fields():
    """{"app_label.Model.field": why}: fields that look personal (an e-mail address, a link to an account) but hold
    an organisation's details, as each app says in its `personal_data.py` (`NOT_PERSONAL`)."""
    return {name: why for module in app_modules(MODULE) for name, why in getattr(module, "NOT_PERSONAL", {}).items()}


class DataSubject:
    """The person a request is about: their e-mail address, and the sign-in accounts linked to them (those with
    the address, and those the apps' records link to a record with it). `remember` keeps what an app found, so
    that the records erased are the records read, whatever erasure changes on the way."""

    def __init__(self, email, user_ids):
        self.email = email
        self.user_ids = frozenset(user_ids)
        self._memo = {}

    def remember(self, key, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def __repr__(self):
        return f"DataSubject({self.email!r}, accounts={sorted(self.user_ids)})"


def data_subject(email):
    """The person with this e-mail address (any capitals), and their accounts. A ValidationError for a value that
    is not an e-mail address."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(SUBJECT_EMAIL_INVALID, code="invalid") from error
    user_ids = set(get_user_model().objects.filter(email__iexact=email).values_list("pk", flat=True))
    for entry in registered_personal_data():
        if entry.accounts is not None:
            user_ids.update(entry.accounts(email))
    return DataSubject(email, user_ids)


def gather(subject):
    """[(PersonalData, records)] for every kind declared, in registry order; a kind with nothing held has []."""
    return [(entry, list(entry.records(subject))) for entry in registered_personal_data()]


def holds_anything(gathered):
    return any(records for _, records in gathered)


def records_of(subject, model):
    """The ids of the `model` records (each with an `email` and a `user`) of the person: those with their e-mail
    address, and those linked to their accounts. Read once per request, so that erasing one kind of record, which
    changes the address, never loses sight of another."""

    def find():
        found = model._default_manager.filter(Q(email__iexact=subject.email) | Q(user_id__in=subject.user_ids))
        return sorted(found.values_list("pk", flat=True))

    return subject.remember(f"records:{model._meta.label}", find)


def accounts_linked_by(model):
    """An `accounts` function: the accounts linked to the `model` records with the e-mail address."""

    def accounts(email):
        return model._default_manager.filter(email__iexact=email, user__isnull=False).values_list("user_id", flat=True)

    return accounts


def subject_and_records(email):
    """(the person with this e-mail address, what is held about them): for a request about one person. A
    ValidationError for a value that is not an e-mail address, or when nothing is held."""
    subject = data_subject(email)
    gathered = gather(subject)
    if not holds_anything(gathered):
        raise ValidationError(SUBJECT_HOLDS_NOTHING, code="nothing", params={"email": subject.email})
    return subject, gathered


# Subject access ------------------------------------------------------------------------------------------------


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "year") and hasattr(value, "month"):
        return long_date(value, with_time=hasattr(value, "hour"))
    return value


def _csv(records):
    stream = io.StringIO()
    writer = csv_writer(stream)
    headings = list(records[0])
    writer.writerow(headings)
    for record in records:
        writer.writerow([_cell(record.get(heading)) for heading in headings])
    # With a byte order mark, so that a spreadsheet program opens the names' accents and dashes right.
    return "\ufeff" + stream.getvalue()


def export_filename(*, now=None):
    return f"subject-access-{timezone.localdate(now or timezone.now()):%Y-%m-%d}.zip"


def export(subject, *, now=None, gathered=None):
    """Everything held about the person, as the bytes of a zip: a note to read first (what each file is, and the
    kinds of record of which nothing is held), then one CSV file per kind of record held."""
    now = now or timezone.now()
    gathered = gather(subject) if gathered is None else gathered
    held = [(entry, records) for entry, records in gathered if records]
    lines = [
        f"What {partnership_name()} holds about the person with the e-mail address {subject.email}",
        f"Gathered on {long_date(now, with_time=True)}, in answer to a subject access request.",
        "",
        "Each file below is one kind of record, one row per record; they open in any spreadsheet program.",
        "",
    ]
    files = [(f"{number:02d}-{slugify(entry.title)}.csv", records) for number, (entry, records) in enumerate(held, 1)]
    for (name, records), (entry, _) in zip(files, held, strict=True):
        lines.append(f"{name}: {entry.title} ({len(records)})")
    none_held = [entry.title for entry, records in gathered if not records]
    if none_held:
        lines += ["", "Nothing is held of these kinds of record:", *(f"- {title}" for title in none_held)]
    lines += [
        "",
        "Other people's names and addresses that appear beside this person's records (a line manager, a deputy,",
        "a colleague who booked a place for them) are left out.",
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("read-me-first.txt", "\r\n".join(lines) + "\r\n")
        for name, records in files:
            archive.writestr(name, _csv(records))
    return buffer.getvalue()


# Erasure --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureStep:
    title: str
    count: int
    # "anonymise" (the kind has an erase) or "keep".
    outcome: str
    # What erasure does to these records, or why they are kept.
    explanation: str


def erasure_plan(subject, *, by=None, gathered=None):
    """(reasons erasure cannot happen yet, [ErasureStep] for each kind of record held). Reading it changes
    nothing."""
    gathered = gather(subject) if gathered is None else gathered
    blockers, steps = [], []
    for entry, records in gathered:
        if entry.blocks is not None:
            blockers.extend(entry.blocks(subject, by))
        if not records:
            continue
        if entry.erase is not None:
            steps.append(ErasureStep(entry.title, len(records), "anonymise", entry.erasure))
        else:
            steps.append(ErasureStep(entry.title, len(records), "keep", entry.kept_reason()))
    return blockers, steps


@transaction.atomic
def erase(subject, *, by=None):
    """Anonymises what the law allows of the person's records and keeps the rest, in one transaction; returns
    what was done and what was kept, a sentence per kind of record held. A ValidationError (nothing changed) when
    nothing is held, or when something stops it (the reasons, each a message a business manager can act on)."""
    gathered = gather(subject)
    if not holds_anything(gathered):
        raise ValidationError(SUBJECT_HOLDS_NOTHING, code="nothing", params={"email": subject.email})
    blockers, _ = erasure_plan(subject, by=by, gathered=gathered)
    if blockers:
        raise ValidationError(blockers, code="blocked")
    done = []
    for entry, records in gathered:
        if not records:
            continue
        if entry.erase is not None:
            done.append(f"{entry.title}: {entry.erase(subject)}")
        else:
            done.append(f"{entry.title} ({len(records)}): kept. {entry.kept_reason()}")
    logger.info(
        "Personal data of one person erased where the law allows, by %s: %s kinds of record",
        getattr(by, "username", "the command line"),
        len(done),
    )
    return done


# Shared pieces for the apps' declarations ----------------------------------------------------------------------


def forget_in_admin_log(model, names):
    """The admin's own log of changes keeps each record's name as it was when changed ("Sam Jones
    <sam@school.example.org>"): `names` ({pk: placeholder}) replaces it for these records."""
    if not names:
        return
    content_type = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in names])
    # Most records were never changed in the admin: one query finds those that were.
    for object_id in set(entries.values_list("object_id", flat=True)):
        entries.filter(object_id=object_id).update(object_repr=names[int(object_id)][:200])


def account_work(key, title, *fields, kept_because):
    """A kind of record that names one of the person's accounts in `fields` ((model, field name) pairs): who wrote,
    submitted, approved or sent something. Kept whole (the partnership's record of who did what): once the account
    is anonymised, it names no one."""

    def records(subject):
        found = []
        if not subject.user_ids:
            return found
        for model, name in fields:
            field = model._meta.get_field(name)
            rows = model._default_manager.filter(**{f"{name}__in": subject.user_ids}).order_by("pk")
            for record in rows:
                found.append(
                    {
                        "Kind of record": str(model._meta.verbose_name).capitalize(),
                        "Named as": str(field.verbose_name).capitalize(),
                        "Record": str(record),
                    }
                )
        return found

    return PersonalData(
        key,
        title,
        records,
        kept_because=kept_because + " Once the account is anonymised, it names no one.",
        covers=tuple(f"{model._meta.label}.{name}" for model, name in fields),
    )


FORGOTTEN_ADDRESS = "(an anonymised address)"


def _sent_to_subject(model, subject):
    """The records of e-mails sent (`sent_at`, `sent_to`: the addresses, one a line) that went to the person."""
    wanted = subject.email.lower()
    candidates = model._default_manager.filter(sent_to__icontains=subject.email).order_by("sent_at", "pk")
    return [record for record in candidates if wanted in (line.strip().lower() for line in record.sent_to.splitlines())]


def emails_sent(key, title, *models):
    """A kind of record: the logs of e-mails sent (`sent_at`, and `sent_to`, the addresses one a line) that went
    to the person. Erasure puts FORGOTTEN_ADDRESS in place of their address; the record of the e-mail, which keeps
    it from going twice, stays."""

    def found(subject):
        return [
            (model, record)
            for model in models
            for record in subject.remember(f"sent:{model._meta.label}", lambda m=model: _sent_to_subject(m, subject))
        ]

    def records(subject):
        return [
            {"E-mail": str(model._meta.verbose_name).capitalize(), "About": str(record), "Sent": record.sent_at}
            for model, record in found(subject)
        ]

    def erase(subject):
        wanted, sent = subject.email.lower(), found(subject)
        for model, record in sent:
            lines = record.sent_to.splitlines()
            lines = [FORGOTTEN_ADDRESS if line.strip().lower() == wanted else line for line in lines]
            model._default_manager.filter(pk=record.pk).update(sent_to="\n".join(lines))
        return f"the address is removed from the record of {len(sent)} e-mail{'s' if len(sent) != 1 else ''}."

    return PersonalData(
        key,
        title,
        records,
        erase=erase,
        erasure="The e-mail address is removed from the record of each e-mail sent; the record that it went stays.",
        covers=tuple(f"{model._meta.label}.sent_to" for model in models),
    )


def history_rows(model, pks, fields):
    """The earlier versions of records (their change history): one dict per version, newest first, with the
    version's date and what happened, then `fields` ({heading: attribute})."""
    what = {"+": "Created", "~": "Changed", "-": "Deleted"}
    rows = []
    for version in model.history.filter(id__in=pks).order_by("id", "-history_date", "-history_id"):
        row = {"Version of": version.history_date, "What happened": what.get(version.history_type, "")}
        row.update({heading: getattr(version, attribute) for heading, attribute in fields.items()})
        rows.append(row)
    return rows


def historical_models():
    """The change-history models (django-simple-history's) of every installed app."""
    found = []
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if hasattr(model, "instance_type") and {"history_user", "history_date", "history_type"} <= names:
            found.append(model)
    return found


def privacy_contact_email():
    """Where people ask for their data, its correction or its erasure: PRIVACY_CONTACT_EMAIL, else the address the
    partnership's e-mails come from."""
    return settings.PRIVACY_CONTACT_EMAIL.strip() or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


# Retention -----------------------------------------------------------------------------------------------------


def years_ago(years, *, now=None):
    """The moment `years` years before `now` (a 29 February goes to the 28th)."""
    now = now or timezone.now()
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return (now - timedelta(days=1)).replace(year=now.year - years)


def access_log_cutoff(*, now=None):
    """Access records (sign-ins, case review records opened) from before this moment are deleted."""
    return years_ago(settings.ACCESS_LOG_RETENTION_YEARS, now=now)


def in_years(count):
    """ "a year", "2 years": how long something is kept, in words."""
    return "a year" if count == 1 else f"{count} years"


def delete_old_sign_in_records(*, now=None):
    """Deletes the sign-in log's records (successful sign-ins, failed attempts) older than the access records'
    retention; returns how many. A lockout in force is a current attempt, never that old."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = access_log_cutoff(now=now)
    deleted = AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted


def protected_holders(user_ids):
    """[(verbose name, count)] of the records that must keep naming these accounts (a foreign key that refuses
    the account's deletion: the log of who opened case review records), while there are any."""
    held = []
    for relation in get_user_model()._meta.related_objects:
        if relation.on_delete is not models.PROTECT or relation.related_model.__name__.startswith("Historical"):
            continue
        count = relation.related_model._default_manager.filter(**{f"{relation.field.name}__in": user_ids}).count()
        if count:
            held.append((str(relation.related_model._meta.verbose_name_plural), count))
    return held
