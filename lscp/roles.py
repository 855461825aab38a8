"""Who may do what: the one place every view asks.

The roles are the partnership's own:
- business manager: staff in the "Business managers" group (or a superuser); everything, mostly in the admin;
- subgroup chair: a current chair, co-chair or independent chair membership of a body; edits that body's
  details, meetings and attendance and nothing else;
- partner representative: a Person record linked to the user; reads the partnership's pages;
- delegate: a practitioner in the "Delegates" group, who books training;
- anyone else signed in is an outsider, and the public is not signed in at all.
"""

from dataclasses import dataclass, field

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

BUSINESS_MANAGERS_GROUP = "Business managers"
DELEGATES_GROUP = "Delegates"
CHAIR_ROLES = ("independent_chair", "chair", "co_chair")


@dataclass(frozen=True)
class UserRoles:
    is_manager: bool = False
    is_delegate: bool = False
    person: object = None
    chaired_body_ids: frozenset = field(default_factory=frozenset)

    @property
    def is_partner(self):
        return self.person is not None

    @property
    def agency_id(self):
        """The agency a partner representative speaks for (their Person's agency)."""
        return self.person.agency_id if self.person is not None else None

    @property
    def is_chair(self):
        return bool(self.chaired_body_ids)

    @property
    def can_view_partnership(self):
        return self.is_manager or self.is_partner

    def chairs(self, body):
        return self.is_manager or body.pk in self.chaired_body_ids

    # The action tracker: partner representatives follow their agency's actions, chairs the actions of
    # the bodies they chair, the business manager all of them. Seeing an action and adding progress to
    # it go together: whoever is answerable for an action reports on it.

    @property
    def can_use_action_tracker(self):
        return self.is_manager or self.is_partner

    def action_scope(self):
        """A filter for the actions this user may see and update (`Action.objects.filter(...)`)."""
        if self.is_manager:
            return Q()
        scope = Q(pk__in=[])
        if self.agency_id is not None:
            scope |= Q(owner_agency_id=self.agency_id)
        if self.chaired_body_ids:
            scope |= Q(lead_body_id__in=self.chaired_body_ids)
        return scope

    def can_see_action(self, action):
        return (
            self.is_manager
            or (self.agency_id is not None and action.owner_agency_id == self.agency_id)
            or (action.lead_body_id is not None and action.lead_body_id in self.chaired_body_ids)
        )

    def can_update_action(self, action):
        return self.can_see_action(action)

    # Agency statements: a partner representative writes their own agency's statement while it is a
    # draft or has been returned; the business manager reads every agency's and accepts or returns it.

    @property
    def can_write_statements(self):
        """Reaches "Our statement" pages: anyone who speaks for an agency."""
        return self.is_partner

    @property
    def can_review_statements(self):
        return self.is_manager

    def can_view_statement(self, statement):
        return self.is_manager or (self.is_partner and statement.agency_id == self.agency_id)

    def can_edit_statement(self, statement):
        """Only the agency's own representatives, and only while the statement is with them."""
        from governance.models import StatementStatus

        return (
            self.is_partner
            and statement.agency_id == self.agency_id
            and statement.status in (StatementStatus.DRAFT, StatementStatus.RETURNED)
        )

    def can_decide_statement(self, statement):
        """Accept or return: the business manager, once the statement has been submitted."""
        from governance.models import StatementStatus

        return self.is_manager and statement.status == StatementStatus.SUBMITTED

    # The challenge log: a partner representative logs the challenges their agency raises and follows
    # those it raised or received; only the agency that raised a challenge (or the business manager)
    # records how it went on. A challenge between two other agencies is none of a partner's business.

    @property
    def can_use_challenge_log(self):
        return self.is_manager or self.is_partner

    @property
    def can_log_challenges(self):
        """Logging needs someone who speaks for an agency: the challenge is raised in its name."""
        return self.is_partner

    def challenge_scope(self):
        """A filter for the challenges this user may see (`ChallengeLogEntry.objects.filter(...)`)."""
        if self.is_manager:
            return Q()
        if self.agency_id is None:
            return Q(pk__in=[])
        return Q(raised_by_agency_id=self.agency_id) | Q(agency_challenged_id=self.agency_id)

    def can_see_challenge(self, entry):
        return self.is_manager or (
            self.agency_id is not None and self.agency_id in (entry.raised_by_agency_id, entry.agency_challenged_id)
        )

    def can_update_challenge(self, entry):
        """The agency challenged reads the challenge but does not write its outcome."""
        return self.is_manager or (self.agency_id is not None and entry.raised_by_agency_id == self.agency_id)

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


def roles_for(user):
    """The user's roles, worked out once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_lscp_roles", None)
    if cached is not None:
        return cached
    from partnership.models import Membership, Person

    group_names = set(user.groups.values_list("name", flat=True))
    person = Person.objects.filter(user=user).select_related("agency").first()
    chaired = frozenset()
    if person is not None:
        chaired = frozenset(
            Membership.objects.current(on=timezone.localdate())
            .filter(person=person, role__in=CHAIR_ROLES)
            .values_list("body_id", flat=True)
        )
    roles = UserRoles(
        is_manager=user.is_superuser or (user.is_staff and BUSINESS_MANAGERS_GROUP in group_names),
        is_delegate=DELEGATES_GROUP in group_names,
        person=person,
        chaired_body_ids=chaired,
    )
    user._lscp_roles = roles
    return roles


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


class PartnershipViewerRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return roles.can_view_partnership


class BusinessManagerRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return roles.is_manager
