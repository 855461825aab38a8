"""Where an action can come from: the registry of action sources.

An app lets actions be raised from one of its models by declaring it in its own `action_sources.py`, a list
`ACTION_SOURCES` of `ActionSource`s (governance's own is at the end of this file):

    # reviews/action_sources.py
    from django.urls import reverse

    from governance.action_sources import ActionSource

    from . import permissions

    ACTION_SOURCES = [
        ActionSource(
            "reviews.Recommendation",
            describe=lambda r: f"Recommendation {r.number} of the {r.review}",
            related=("review",),
            url=lambda r: reverse("reviews:practice_review", args=[r.review_id]),
            may_open=lambda roles, r: permissions.can_see_case_reviews(roles),
        ),
    ]

The tracker collects them from every installed app on first use, as the annual report collects each app's
`report.py` sections, so governance never imports a later app. Everything that needs the kinds asks here: the
`source_type` field's choices (`limit_choices_to`, computed on each use, so a new source needs no migration),
the model's validation, the admin's filter and inline, and the spreadsheet import. The source model should
also declare `actions = GenericRelation("governance.Action", content_type_field="source_type",
object_id_field="source_id")`, so that deleting a record deletes the actions raised from it, and add
`governance.admin.SourcedActionInline` to its admin.

A source whose records have a page gives its address (`url`) and the rule of that page (`may_open`, the very
function its view checks): the action's page links to the record only for those the page opens to, and names it
in plain text for the others.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst

from lscp.registries import app_modules

MODULE = "action_sources"


@dataclass(frozen=True)
class ActionSource:
    """One kind of record an action can come from."""

    model: str  # "app_label.ModelName"
    # What one such record is called, mid-sentence ("priority activity"): the spreadsheet column's value and
    # the admin's name for the kind. Empty: the model's verbose name.
    label: str = ""
    # The record in a phrase for the action's page ("Priority 2 activity: Neglect toolkit"). None:
    # "<Label>: <str(record)>".
    describe: Callable[[object], str] | None = None
    # What `describe`, `url` and `may_open` read beyond the record itself, fetched with it in one query
    # (select_related).
    related: tuple[str, ...] = ()
    # The address of the page that shows the record, and who may open it: `may_open(roles, record)`, the rule that
    # page's view checks (from the source app's permissions.py), so that a link never leads to a refusal. Both or
    # neither: None, the record has no page of its own and is named without a link.
    url: Callable[[object], str] | None = None
    may_open: Callable[[object, object], bool] | None = None

    def __post_init__(self):
        if (self.url is None) != (self.may_open is None):
            raise ValueError(f"The action source {self.model} needs both `url` and `may_open`, or neither.")

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def app_label(self):
        return self.model_class._meta.app_label

    @property
    def model_name(self):
        """The content type's `model`: the model's name in lower case."""
        return self.model_class._meta.model_name

    @property
    def kind(self):
        return self.label or str(self.model_class._meta.verbose_name)

    def is_for(self, content_type):
        return (content_type.app_label, content_type.model) == (self.app_label, self.model_name)

    def load(self, pk):
        """The record numbered `pk`, with what `describe` reads, in one query; None if there is none."""
        return self.model_class._base_manager.select_related(*self.related).filter(pk=pk).first()

    def description(self, record):
        if self.describe is not None:
            return self.describe(record)
        return f"{capfirst(self.kind)}: {record}"

    def link(self, roles, record):
        """The address of the record's page if this user may open it, else ""."""
        if self.url is None or not self.may_open(roles, record):
            return ""
        return self.url(record)


@dataclass(frozen=True)
class SourceOnPage:
    """The record an action comes from, as its page shows it: a phrase, and a link when the user may follow it."""

    description: str = ""
    url: str = ""


@lru_cache(maxsize=1)
def _declared():
    found = [source for module in app_modules(MODULE) for source in getattr(module, "ACTION_SOURCES", [])]
    _refuse_twice(found)
    return tuple(found)


# Sources added for the length of a `with registered(...)` block (tests), after the declared ones.
_added = []


def _refuse_twice(sources):
    models = [source.model_class for source in sources]  # an unknown model fails here, on first use
    twice = sorted({model._meta.label for model in models if models.count(model) > 1})
    if twice:
        raise ValueError(f"Action sources declared twice: {', '.join(twice)}")


def registered_sources():
    """Every kind of record an action can come from, in the apps' order."""
    return _declared() + tuple(_added)


def source_for(content_type):
    """The registered source of that content type, or None if actions cannot come from it."""
    if content_type is None:
        return None
    return next((source for source in registered_sources() if source.is_for(content_type)), None)


def kinds_query():
    """The content types an action's source may be, as a filter on ContentType (the field's
    `limit_choices_to`, read each time a form or validation needs it)."""
    query = Q(pk__in=[])
    for source in registered_sources():
        query |= Q(app_label=source.app_label, model=source.model_name)
    return query


def content_types():
    """[(source, its ContentType)] for every registered source (one query the first time, cached after)."""
    sources = registered_sources()
    by_model = ContentType.objects.get_for_models(*(source.model_class for source in sources))
    return [(source, by_model[source.model_class]) for source in sources]


def _source_and_record(action):
    """(the registered source, the record) `action` comes from, or (None, None) when it comes from none, or from a
    record that no longer exists or a kind no longer registered. One query at most."""
    if action.source_type_id is None:
        return None, None
    source = source_for(ContentType.objects.get_for_id(action.source_type_id))  # cached: no query
    record = source.load(action.source_id) if source is not None else None
    return (source, record) if record is not None else (None, None)


def describe_source(action):
    """The record `action` comes from, in a phrase ("" when it comes from none, or from a record that no longer
    exists or a kind no longer registered). One query at most."""
    source, record = _source_and_record(action)
    return source.description(record) if source is not None else ""


def source_on_page(action, roles):
    """The record `action` comes from, for the action's page seen by `roles`: its phrase, and the address of its
    page when it has one this user may open. One query at most."""
    source, record = _source_and_record(action)
    if source is None:
        return SourceOnPage()
    return SourceOnPage(source.description(record), source.link(roles, record))


@contextmanager
def registered(*sources):
    """Lets actions come from `sources` inside the block only: for a test that needs a kind no app declares."""
    _refuse_twice([*registered_sources(), *sources])
    _added.extend(sources)
    try:
        yield sources
    finally:
        for source in sources:
            _added.remove(source)


# Governance's own sources.


def _describe_activity(activity):
    return f"Priority {activity.priority.number} activity: {activity}"


ACTION_SOURCES = [
    ActionSource("governance.PriorityActivity", describe=_describe_activity, related=("priority",)),
]
