"""Who may see and change the governance records and pages, from the facts in `lscp.roles`.

Every function takes the user's roles (`lscp.roles.roles_for(user)`) first.
"""

from django.db.models import Q

from lscp.access import Page
from lscp.financial_year import FinancialYear

# The action tracker: partner representatives follow their agency's actions, chairs the actions of the bodies
# they chair, the business manager all of them. Seeing an action and adding progress to it go together:
# whoever is answerable for an action reports on it.


def can_use_action_tracker(roles):
    return roles.is_manager or roles.is_partner


def action_scope(roles):
    """A filter for the actions this user may see and update (`Action.objects.filter(...)`): the lists' form of
    `can_see_action`, which an action's page checks."""
    if roles.is_manager:
        return Q()
    scope = Q(pk__in=[])
    if roles.agency_id is not None:
        scope |= Q(owner_agency_id=roles.agency_id)
    if roles.chaired_body_ids:
        scope |= Q(lead_body_id__in=roles.chaired_body_ids)
    return scope


def can_see_action(roles, action):
    return (
        roles.is_manager
        or (roles.agency_id is not None and action.owner_agency_id == roles.agency_id)
        or (action.lead_body_id is not None and action.lead_body_id in roles.chaired_body_ids)
    )


def can_update_action(roles, action):
    return can_see_action(roles, action)


# Agency statements: a partner representative writes their own agency's statement while it is a draft or has
# been returned; the business manager reads every agency's and accepts or returns it.


def can_write_statements(roles):
    """Reaches "Our statement" pages: anyone who speaks for an agency."""
    return roles.is_partner


def can_review_statements(roles):
    return roles.is_manager


def can_request_statements(roles):
    """Ask an agency for its statement (who writes it, by when) and chase the writer: the business manager."""
    return roles.is_manager


def can_use_statements(roles):
    """The "Statements" pages in any form: writing them or reviewing them."""
    return can_review_statements(roles) or can_write_statements(roles)


def can_view_statement(roles, statement):
    return roles.is_manager or (roles.is_partner and statement.agency_id == roles.agency_id)


def can_edit_statement(roles, statement):
    """Only the agency's own representatives, and only while the statement is with them."""
    from .models import StatementStatus

    return (
        roles.is_partner
        and statement.agency_id == roles.agency_id
        and statement.status in (StatementStatus.DRAFT, StatementStatus.RETURNED)
    )


def can_decide_statement(roles, statement):
    """Accept or return: the business manager, once the statement has been submitted."""
    from .models import StatementStatus

    return roles.is_manager and statement.status == StatementStatus.SUBMITTED


# The challenge log: a partner representative logs the challenges their agency raises and follows those it
# raised or received; only the agency that raised a challenge (or the business manager) records how it went
# on. A challenge between two other agencies is none of a partner's business.


def can_use_challenge_log(roles):
    return roles.is_manager or roles.is_partner


def can_log_challenges(roles):
    """Logging needs someone who speaks for an agency: the challenge is raised in its name."""
    return roles.is_partner


def challenge_scope(roles):
    """A filter for the challenges this user may see (`ChallengeLogEntry.objects.filter(...)`)."""
    if roles.is_manager:
        return Q()
    if roles.agency_id is None:
        return Q(pk__in=[])
    return Q(raised_by_agency_id=roles.agency_id) | Q(agency_challenged_id=roles.agency_id)


def can_see_challenge(roles, entry):
    return roles.is_manager or (
        roles.agency_id is not None and roles.agency_id in (entry.raised_by_agency_id, entry.agency_challenged_id)
    )


def can_update_challenge(roles, entry):
    """The agency challenged reads the challenge but does not write its outcome."""
    return roles.is_manager or (roles.agency_id is not None and entry.raised_by_agency_id == roles.agency_id)


# Every page's rule, checked for every role against the demo by lscp/tests/test_every_url_declares_who_may_open_it.
# In the demo the partner speaks for the National Probation Service; the chair (and the business manager) for
# Children's Services RBKC/WCC, and the chair co-chairs the Case Review Subgroup.

PARTNER_AGENCY = "National Probation Service"
CHAIR_AGENCY = "Children's Services RBKC/WCC"
CHAIRED_BODY = "Case Review Subgroup"
TRACKER_USERS = frozenset({"manager", "chair", "partner"})


def _action(**lookups):
    from .models import Action

    return lambda: {"pk": Action.objects.filter(**lookups).order_by("pk").values_list("pk", flat=True).first()}


def _evidence(**lookups):
    """The demo has no uploaded evidence: the check uploads some on the action."""

    def example():
        from django.core.files.uploadedfile import SimpleUploadedFile

        from .models import Action, ActionUpdate

        update = ActionUpdate(action=Action.objects.filter(**lookups).order_by("pk").first(), text="Evidence")
        update.evidence = SimpleUploadedFile("evidence.pdf", b"%PDF-1.7\n% demo\n")
        update.save()
        return {"pk": update.pk}

    return example


def _challenge(**lookups):
    from .models import ChallengeLogEntry

    return lambda: {
        "pk": ChallengeLogEntry.objects.filter(**lookups).order_by("pk").values_list("pk", flat=True).first()
    }


def _statement_of(agency_name):
    def example():
        from partnership.models import Agency

        return {"year": FinancialYear(2022), "agency_pk": Agency.objects.get(name=agency_name).pk}

    return example


def _asked_of(agency_name):
    """The demo asks some agencies for their 2023/24 statements (the partner's among them)."""

    def example():
        from partnership.models import Agency

        return {"year": FinancialYear(2023), "agency_pk": Agency.objects.get(name=agency_name).pk}

    return example


def _last_year():
    return {"year": FinancialYear(2022)}


_PARTNERS_ACTION = {"owner_agency__name": PARTNER_AGENCY, "lead_body__isnull": True}
_CHAIRED_BODYS_ACTION = {"lead_body__name": CHAIRED_BODY, "owner_agency__name": PARTNER_AGENCY}
# Owned by a third agency, led by a body the chair does not chair.
_NEITHERS_ACTION = {
    "owner_agency__name": "North West London Integrated Care Board",
    "lead_body__name": "Local Safeguarding Children Partnership",
}

PAGES = {
    "governance:actions": Page(TRACKER_USERS),
    "governance:action": [
        Page({"manager", "partner"}, _action(**_PARTNERS_ACTION)),
        Page({"manager", "chair", "partner"}, _action(**_CHAIRED_BODYS_ACTION)),
        Page({"manager"}, _action(**_NEITHERS_ACTION)),
    ],
    "governance:action_add_update": [
        Page({"manager", "partner"}, _action(**_PARTNERS_ACTION)),
        Page({"manager", "chair", "partner"}, _action(**_CHAIRED_BODYS_ACTION)),
    ],
    "governance:action_evidence": [
        Page({"manager", "partner"}, _evidence(**_PARTNERS_ACTION)),
        Page({"manager", "chair", "partner"}, _evidence(**_CHAIRED_BODYS_ACTION)),
    ],
    # The index sends each role to its own page.
    "governance:statements": Page({"manager", "chair", "partner"}),
    "governance:statement_list": Page({"manager"}, _last_year),
    # The demo's business manager has a Person record (Children's Services), so writes for that agency too.
    "governance:our_statement": Page({"manager", "chair", "partner"}, _last_year),
    "governance:statement_review": [
        Page({"manager"}, _statement_of(CHAIR_AGENCY)),
        Page({"manager"}, _statement_of("Imperial College Healthcare NHS Trust")),
    ],
    # Asking for a statement and chasing its writer: the business manager's alone, asked or not yet.
    "governance:statement_request": [
        Page({"manager"}, _asked_of(PARTNER_AGENCY)),
        Page({"manager"}, _asked_of("Imperial College Healthcare NHS Trust")),
    ],
    "governance:statement_chase": Page({"manager"}, _asked_of(PARTNER_AGENCY), method="post"),
    "governance:challenges": Page({"manager", "chair", "partner"}),
    "governance:challenge_create": Page({"manager", "chair", "partner"}),
    # Raised by the chair's agency against the Home Office; the partner's agency is in no demo challenge.
    "governance:challenge": Page(
        {"manager", "chair"}, _challenge(raised_by_agency__name=CHAIR_AGENCY, agency_challenged__name="Home Office")
    ),
    "governance:challenge_edit": [
        Page(
            {"manager", "chair"},
            _challenge(raised_by_agency__name=CHAIR_AGENCY, agency_challenged__name="Home Office"),
        ),
        # Received by the chair's agency: it reads it but does not write its outcome.
        Page({"manager"}, _challenge(agency_challenged__name=CHAIR_AGENCY)),
    ],
}
