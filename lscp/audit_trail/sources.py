"""Where the audit trail's rows come from: one `Source` per table, each giving its rows as the same columns, narrowed
by the filters in its own SELECT (so each can use its own indexes).

The columns (each annotated as `audit_<name>`, so none clashes with a model's own field):
at (when), branch (which source: its key), event, user_id (who, as a user), username (who, as typed at sign-in),
record_kind (the record's model label, lower case), record_id, record_name, address (of a sign-in), detail (a
change's reason, or the admin's message), ref (the source row's id, to find more about it for the page).
"""

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    F,
    GenericIPAddressField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Left
from simple_history.models import registered_models

from . import CHANGED, CREATED, DELETED, LOCKED_OUT, SIGN_IN_FAILED, SIGNED_IN, registered_logs

COLUMNS = (
    "at",
    "branch",
    "event",
    "user_id",
    "username",
    "record_kind",
    "record_id",
    "record_name",
    "address",
    "detail",
    "ref",
)
SELECTED = tuple(f"audit_{column}" for column in COLUMNS)

# The field that names a record, where a model has one of these; otherwise the first plain text field its admin
# searches; otherwise none (the record is known by its number).
NAME_FIELDS = ("code_name", "name", "title", "term", "label", "theme", "topic")
NAME_LENGTH = 100
# A record's number is at most this many digits (PostgreSQL's bigint holds 18 safely).
NUMBER_DIGITS = 18


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to. Empty values narrow nothing; `ends` is the first moment left out."""

    person: str = ""
    event: str = ""
    record_kind: str = ""  # a model's label in lower case: "reviews.practicereview"
    record: str = ""  # part of the record's name, or its number
    starts: datetime | None = None
    ends: datetime | None = None

    @property
    def record_number(self):
        text = self.record.strip().lstrip("#").strip()
        return int(text) if text.isdigit() and len(text) <= NUMBER_DIGITS else None


def _text(value=""):
    return Value(value, output_field=TextField())


def _none(field):
    """NULL of the column's type: PostgreSQL takes a UNION of untyped NULLs for text, which an address is not."""
    return Cast(Value(None), field)


def _name_length(expression):
    return Left(Cast(expression, TextField()), NAME_LENGTH)


class Source:
    """One table's rows. Subclasses say which events and kinds of record it holds, its columns, and how the event,
    the record and the person narrow it."""

    key = ""
    events = frozenset()
    record_kinds = frozenset()
    by_username = False  # who is the name typed at sign-in, not a user

    def queryset(self):
        raise NotImplementedError

    def columns(self):
        raise NotImplementedError

    def with_event(self, queryset, event):
        return queryset  # a source of one event

    def with_record(self, queryset, *, kind, text, number):
        raise NotImplementedError

    _annotated = None

    def annotated(self):
        """The source's rows as the audit trail's columns. Built once: annotating some seventy querysets on every
        page costs more than the query they make."""
        if self._annotated is None:
            self._annotated = self.queryset().annotate(
                **{f"audit_{name}": expression for name, expression in self.columns().items()},
            )
        return self._annotated.all()

    def rows(self, filters, people):
        """This source's rows narrowed by `filters`, as `SELECTED` values; None when none can match. `people` is
        a queryset of the users the person filter matches."""
        if filters.event and filters.event not in self.events:
            return None
        if filters.record_kind and filters.record_kind not in self.record_kinds:
            return None
        if filters.record and not self.record_kinds:
            return None
        queryset = self.annotated()
        if filters.starts is not None:
            queryset = queryset.filter(audit_at__gte=filters.starts)
        if filters.ends is not None:
            queryset = queryset.filter(audit_at__lt=filters.ends)
        if filters.person:
            if self.by_username:
                queryset = queryset.filter(
                    Q(audit_username__icontains=filters.person) | Q(audit_username__in=people.values("username"))
                )
            else:
                queryset = queryset.filter(audit_user_id__in=people.values("pk"))
        if filters.event:
            queryset = self.with_event(queryset, filters.event)
        if filters.record_kind or filters.record:
            queryset = self.with_record(
                queryset, kind=filters.record_kind, text=filters.record.strip(), number=filters.record_number
            )
        return queryset.values(*SELECTED)


def naming_field(model):
    """The name of the field that names a record of `model` ("" if none), read from its change history's copy."""
    history = model.history.model if hasattr(model, "history") else model
    text_fields = {
        field.name
        for field in history._meta.concrete_fields
        if isinstance(field, CharField | TextField) and not field.choices
    }
    for name in NAME_FIELDS:
        if name in text_fields:
            return name
    try:
        searched = admin.site.get_model_admin(model).search_fields or ()
    except admin.sites.NotRegistered:
        searched = ()
    for lookup in searched:
        name = lookup.lstrip("^=@")
        if name in text_fields:
            return name
    return ""


class ChangeHistory(Source):
    """The change history of one model (django-simple-history's table for it)."""

    events = frozenset({CREATED, CHANGED, DELETED})
    HISTORY_TYPES = {CREATED: "+", CHANGED: "~", DELETED: "-"}

    def __init__(self, model):
        self.model = model
        self.history = model.history.model
        self.key = f"history:{model._meta.label_lower}"
        self.record_kinds = frozenset({model._meta.label_lower})
        self.pk_name = model._meta.pk.attname
        self.name_field = naming_field(model)

    def queryset(self):
        return self.history.objects.all()

    def columns(self):
        return {
            "at": F("history_date"),
            "branch": _text(self.key),
            "event": Case(
                *(When(history_type=code, then=_text(event)) for event, code in self.HISTORY_TYPES.items()),
                output_field=TextField(),
            ),
            "user_id": F("history_user_id"),
            "username": _none(CharField()),
            "record_kind": _text(self.model._meta.label_lower),
            "record_id": Cast(self.pk_name, TextField()),
            "record_name": _name_length(self.name_field) if self.name_field else _text(),
            "address": _none(GenericIPAddressField()),
            "detail": Coalesce(Cast("history_change_reason", TextField()), _text()),
            "ref": Cast("history_id", BigIntegerField()),
        }

    def with_event(self, queryset, event):
        return queryset.filter(history_type=self.HISTORY_TYPES[event])

    def with_record(self, queryset, *, kind, text, number):
        if not text:
            return queryset
        match = Q(**{f"{self.name_field}__icontains": text}) if self.name_field else Q(pk__in=[])
        if number is not None:
            match |= Q(**{self.pk_name: number})
        return queryset.filter(match)


class AppLog(Source):
    """A log an app declares (`lscp.audit_trail.AuditLog`): the reviews app's viewings of case review records."""

    def __init__(self, log):
        self.log = log
        self.key = log.key
        self.model = apps.get_model(log.model)
        self.events = frozenset({log.event})
        self.records = [(apps.get_model(record.model)._meta.label_lower, record) for record in log.records]
        self.record_kinds = frozenset(kind for kind, _ in self.records)

    def queryset(self):
        return self.model.objects.all()

    def _each_record(self, value):
        return Case(
            *(When(**{f"{record.field}__isnull": False}, then=value(kind, record)) for kind, record in self.records),
            default=_text(),
            output_field=TextField(),
        )

    def columns(self):
        return {
            "at": F(self.log.when),
            "branch": _text(self.key),
            "event": _text(self.log.event),
            "user_id": F(f"{self.log.user}_id"),
            "username": _none(CharField()),
            "record_kind": self._each_record(lambda kind, record: _text(kind)),
            "record_id": self._each_record(lambda kind, record: Cast(f"{record.field}_id", TextField())),
            "record_name": self._each_record(
                lambda kind, record: _name_length(f"{record.field}__{record.name}") if record.name else _text()
            ),
            "address": _none(GenericIPAddressField()),
            "detail": _text(),
            "ref": Cast("pk", BigIntegerField()),
        }

    def with_record(self, queryset, *, kind, text, number):
        records = [record for record_kind, record in self.records if not kind or record_kind == kind]
        if kind:
            queryset = queryset.filter(**{f"{records[0].field}__isnull": False})
        if not text:
            return queryset
        match = Q(pk__in=[])
        for record in records:
            if record.name:
                match |= Q(**{f"{record.field}__{record.name}__icontains": text})
            if number is not None:
                match |= Q(**{f"{record.field}_id": number})
        return queryset.filter(match)


class AdminLog(Source):
    """What the admin logs of changes to records that keep no change history of their own: user accounts and their
    groups, a sign-in attempt deleted to lift a lockout. (A record with a change history shows there instead.)"""

    key = "admin"
    events = frozenset({CREATED, CHANGED, DELETED})
    FLAGS = {CREATED: ADDITION, DELETED: DELETION}

    def __init__(self, models):
        self.models = {model._meta.label_lower: model for model in models}
        self.record_kinds = frozenset(self.models)

    def _of(self, models):
        """The admin's log entries about these models, by their content types' names (not their ids, which this
        queryset, built once, would keep)."""
        kinds = Q(pk__in=[])
        for model in models:
            kinds |= Q(app_label=model._meta.app_label, model=model._meta.model_name)
        return Q(content_type__in=ContentType.objects.filter(kinds))

    def queryset(self):
        return LogEntry.objects.filter(self._of(self.models.values()))

    def columns(self):
        return {
            "at": F("action_time"),
            "branch": _text(self.key),
            "event": Case(
                *(When(action_flag=flag, then=_text(event)) for event, flag in self.FLAGS.items()),
                default=_text(CHANGED),
                output_field=TextField(),
            ),
            "user_id": F("user_id"),
            "username": _none(CharField()),
            "record_kind": Concat(
                "content_type__app_label", _text("."), "content_type__model", output_field=TextField()
            ),
            "record_id": Coalesce(Cast("object_id", TextField()), _text()),
            "record_name": _name_length("object_repr"),
            "address": _none(GenericIPAddressField()),
            "detail": Cast("change_message", TextField()),
            "ref": Cast("pk", BigIntegerField()),
        }

    def with_event(self, queryset, event):
        if event == CHANGED:
            return queryset.exclude(action_flag__in=self.FLAGS.values())
        return queryset.filter(action_flag=self.FLAGS[event])

    def with_record(self, queryset, *, kind, text, number):
        if kind:
            queryset = queryset.filter(self._of([self.models[kind]]))
        if not text:
            return queryset
        match = Q(object_repr__icontains=text)
        if number is not None:
            match |= Q(object_id=str(number))
        return queryset.filter(match)


class SignIns(Source):
    """django-axes' log of successful sign-ins (`AccessLog`), by the user name signed in with."""

    key = "sign_ins"
    events = frozenset({SIGNED_IN})
    by_username = True

    def queryset(self):
        return AccessLog.objects.all()

    def event(self):
        return _text(SIGNED_IN)

    def columns(self):
        return {
            "at": F("attempt_time"),
            "branch": _text(self.key),
            "event": self.event(),
            "user_id": _none(BigIntegerField()),
            "username": F("username"),
            "record_kind": _text(),
            "record_id": _text(),
            "record_name": _text(),
            "address": F("ip_address"),
            "detail": _text(),
            "ref": Cast("pk", BigIntegerField()),
        }


class SignInFailures(SignIns):
    """django-axes' log of each failed sign-in (`AccessFailureLog`, kept with AXES_ENABLE_ACCESS_FAILURE_LOG), the
    one that locked the user name out marked so. Tries during a lockout are refused without being counted or logged
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off)."""

    key = "sign_in_failures"
    events = frozenset({SIGN_IN_FAILED, LOCKED_OUT})

    def queryset(self):
        return AccessFailureLog.objects.all()

    def event(self):
        return Case(
            When(locked_out=True, then=_text(LOCKED_OUT)), default=_text(SIGN_IN_FAILED), output_field=TextField()
        )

    def with_event(self, queryset, event):
        return queryset.filter(locked_out=event == LOCKED_OUT)


def models_with_history():
    """Every model that keeps a change history, in the order of INSTALLED_APPS and of each app's models."""
    tracked = {model for model in registered_models.values() if hasattr(model, "history")}
    return [model for model in apps.get_models() if model in tracked]


def models_logged_by_the_admin():
    """The admin's models that keep no change history: the admin's own log is theirs."""
    tracked = set(models_with_history())
    return [model for model in apps.get_models() if admin.site.is_registered(model) and model not in tracked]


@lru_cache(maxsize=1)
def sources():
    """Every source, built once: the apps' logs, each change history, the admin's log, the sign-ins."""
    return (
        *(AppLog(log) for log in registered_logs()),
        *(ChangeHistory(model) for model in models_with_history()),
        AdminLog(models_logged_by_the_admin()),
        SignIns(),
        SignInFailures(),
    )


def source(key):
    return next((found for found in sources() if found.key == key), None)


def people_matching(text):
    """The users whose user name, first or last name or e-mail address holds every word of `text`."""
    users = get_user_model().objects.all()
    for word in text.split():
        users = users.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    return users
