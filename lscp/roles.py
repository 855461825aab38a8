"""Who a user is: the one place every permission rule starts from.

The roles are the partnership's own:
- business manager: staff in the "Business managers" group (or a superuser); everything, mostly in the admin;
- subgroup chair: a current chair, co-chair or independent chair membership of a body;
- partner representative: a Person record linked to the user;
- delegate: a practitioner in the "Delegates" group, who books training;
- anyone else signed in is an outsider, and the public is not signed in at all.

This module knows who a user is and nothing about any record type: what each role may do with an app's
records is that app's `permissions.py`, written against these facts. The facts about people and their
memberships live in the registry (`partnership`), which registers a loader here when it starts
(`register_facts_loader`), so that `lscp` imports no app. The loader's facts include the name and kind of each body
the user belongs to, so a rule about "the Case Review Subgroup" (a name from the app's settings) or "the Executive"
(a kind) is answered without another query.
"""

import inspect
from dataclasses import dataclass, field

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

BUSINESS_MANAGERS_GROUP = "Business managers"
DELEGATES_GROUP = "Delegates"


@dataclass(frozen=True)
class BodyFacts:
    """A body the user currently belongs to, as the registry describes it (the registry's body names are unique)."""

    pk: int
    name: str
    kind: str = ""

    def matches(self, *, name=None, kind=None):
        return (name is None or self.name == name) and (kind is None or self.kind == kind)


@dataclass(frozen=True)
class UserRoles:
    is_manager: bool = False
    is_delegate: bool = False
    # The signed-in user's id, for rules about records assigned to one person (None for the public).
    user_id: int | None = None
    person: object = None  # the registry's Person linked to the user, with its agency loaded
    chaired_body_ids: frozenset = field(default_factory=frozenset)
    # Every body the user's person is a current member of, in any role (chairs included).
    member_body_ids: frozenset = field(default_factory=frozenset)
    # The same bodies with their names and kinds (`BodyFacts`), for rules about a body named in an app's settings.
    member_bodies: frozenset = field(default_factory=frozenset)
    # Answers the apps' permission rules work out once per request (`remember`); not a fact about the user.
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key, compute):
        """`compute()`, worked out once for these roles (which live for one request): the menu, the view and its
        template often ask an app's rule the same question. The public's shared roles remember nothing."""
        if self is ANONYMOUS:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def is_partner(self):
        return self.person is not None

    @property
    def person_id(self):
        return self.person.pk if self.person is not None else None

    @property
    def agency_id(self):
        """The agency a partner representative speaks for (their Person's agency)."""
        return self.person.agency_id if self.person is not None else None

    @property
    def is_chair(self):
        return bool(self.chaired_body_ids)

    def body_ids(self, *, name=None, kind=None, chaired=False):
        """The ids of the bodies the user currently belongs to (or chairs, `chaired=True`) with this name and/or of
        this kind; no query. `name=None` and `kind=None` match any."""
        return frozenset(
            body.pk
            for body in self.member_bodies
            if body.matches(name=name, kind=kind) and (not chaired or body.pk in self.chaired_body_ids)
        )

    def is_member_of(self, *, name=None, kind=None):
        """Whether the user is a current member, in any role (chairs included), of a body with this name and/or of
        this kind: `roles.is_member_of(name=settings.CASE_REVIEW_BODY_NAME)`."""
        return bool(self.body_ids(name=name, kind=kind))

    def is_chair_of(self, *, name=None, kind=None):
        """Whether the user currently chairs (chair, co-chair, independent chair) a body with this name and/or of this
        kind."""
        return bool(self.body_ids(name=name, kind=kind, chaired=True))

    @property
    def names(self):
        """The role names for display, most powerful first."""
        found = [
            ("Business manager", self.is_manager),
            ("Chair", self.is_chair),
            ("Partner representative", self.is_partner),
            ("Delegate", self.is_delegate),
        ]
        return [name for name, held in found if held]


ANONYMOUS = UserRoles()

# The registry's answer to "who is this user": a callable(user) -> dict with any of `person`, `chaired_body_ids` and
# `member_bodies` (`BodyFacts` of every body they currently belong to, chairs included). Without one (no registry
# installed) nobody is a partner or chair.
_facts_loader = None


def register_facts_loader(loader):
    """Called by the registry app when it starts (`PartnershipConfig.ready()`)."""
    global _facts_loader
    _facts_loader = loader


def roles_for(user):
    """The user's roles, worked out once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_lscp_roles", None)
    if cached is not None:
        return cached
    group_names = set(user.groups.values_list("name", flat=True))
    facts = _facts_loader(user) if _facts_loader is not None else {}
    member_bodies = frozenset(facts.get("member_bodies", ()))
    roles = UserRoles(
        is_manager=user.is_superuser or (user.is_staff and BUSINESS_MANAGERS_GROUP in group_names),
        is_delegate=DELEGATES_GROUP in group_names,
        user_id=user.pk,
        person=facts.get("person"),
        chaired_body_ids=frozenset(facts.get("chaired_body_ids", ())),
        member_body_ids=frozenset(body.pk for body in member_bodies),
        member_bodies=member_bodies,
    )
    user._lscp_roles = roles
    return roles


def for_templates(rule):
    """An app's permission rule `rule(roles)` as a template filter (`{% if roles|can_see_case_reviews %}`), or a rule
    about one record, `rule(roles, record)`, as a filter taking the record (`{% if roles|can_see_action:action %}`):
    a page rendered without the roles context processor (an error page) shows what the public sees."""

    def public_if_none(roles):
        return roles if isinstance(roles, UserRoles) else ANONYMOUS

    if len(inspect.signature(rule).parameters) == 2:

        def check(roles, record):
            return rule(public_if_none(roles), record)

    else:

        def check(roles):
            return rule(public_if_none(roles))

    check.__name__ = rule.__name__
    return check


def roles_context(request):
    return {"roles": roles_for(request.user)}


class RoleRequiredMixin(AccessMixin):
    """Sends the public to sign in, and refuses signed-in users the check turns down (403)."""

    raise_exception = False

    def has_role(self, roles):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.roles = roles_for(request.user)
        if not self.has_role(self.roles):
            raise PermissionDenied("Your role does not give you access to this page.")
        return super().dispatch(request, *args, **kwargs)


class BusinessManagerRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return roles.is_manager
