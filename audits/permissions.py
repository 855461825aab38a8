"""Who may see and change the quality assurance records and pages, from the facts in `lscp.roles`.

Section 11 / 175 returns: a partner representative (a user whose Person is in an agency, `roles.agency_id`) opens,
completes and submits their own agency's returns and reads them afterwards; another agency's return does not exist
for them (404), so an address tells them nothing. The business manager and the lay members scrutinise: they read
every return, record their scrutiny of a submitted one, and see the dashboard.

Lay members: the registry has no role for them; they are the people of the agency named by
settings.LAY_MEMBERS_AGENCY_NAME ("Lay Members" in the demo's registry, seed 004's core member category), and are
recognised by their Person's agency, as a partner is.

The data set (its exceptions report, and its import outside the admin): the business manager and the current
members of the Quality Assurance subgroup (the body named by settings.QUALITY_ASSURANCE_BODY_NAME) read it; the
business manager and the subgroup's chairs import it. Anyone else gets 403.

Every function takes the user's roles (`lscp.roles.roles_for(user)`) first.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from lscp.access import Page


def is_lay_member(roles):
    person = roles.person
    return person is not None and person.agency.name == settings.LAY_MEMBERS_AGENCY_NAME


def can_scrutinise_returns(roles):
    """The business manager and the lay members: the Section 11 dashboard and every agency's returns."""
    return roles.is_manager or is_lay_member(roles)


def can_complete_returns(roles):
    """Anyone who speaks for an agency completes its returns (a lay member's "agency" has none in scope)."""
    return roles.is_partner


def can_use_section11(roles):
    return can_complete_returns(roles) or can_scrutinise_returns(roles)


def is_own_return(roles, agency_return):
    return roles.agency_id is not None and agency_return.agency_id == roles.agency_id


def can_see_return(roles, agency_return):
    return is_own_return(roles, agency_return) or can_scrutinise_returns(roles)


def can_edit_return(roles, agency_return):
    """Only the agency's own representatives, and only while the return is with the agency."""
    return is_own_return(roles, agency_return) and agency_return.is_with_agency


def can_record_scrutiny(roles, agency_return):
    """Notes and an outcome: the scrutineers, once the agency has submitted the return."""
    return can_scrutinise_returns(roles) and agency_return.is_with_scrutineers


def _quality_assurance_body_ids():
    from partnership.models import Body

    return frozenset(Body.objects.filter(name=settings.QUALITY_ASSURANCE_BODY_NAME).values_list("pk", flat=True))


def quality_assurance_body_ids(roles):
    """The Quality Assurance subgroup's id(s), asked once per request (the menu and the view both ask)."""
    return roles.remember("audits.quality_assurance_body_ids", _quality_assurance_body_ids)


def can_see_data_set(roles):
    """The exceptions report: the business manager and the Quality Assurance subgroup's current members."""
    if roles.is_manager:
        return True
    return bool(roles.member_body_ids) and bool(roles.member_body_ids & quality_assurance_body_ids(roles))


def can_import_data_set(roles):
    """Importing observations: the business manager and the Quality Assurance subgroup's chairs."""
    if roles.is_manager:
        return True
    return bool(roles.chaired_body_ids) and bool(roles.chaired_body_ids & quality_assurance_body_ids(roles))


# Every page's rule, checked for every role against the demo by lscp/tests/test_every_url_declares_who_may_open_it.
# In the demo the partner speaks for the National Probation Service; the chair and the business manager for
# Children's Services RBKC/WCC. The demo has no Section 11 cycle yet, so the examples make one (idempotently): both
# agencies in scope, the Probation Service's return submitted with an evidence file, Children's Services' in
# progress; and a second cycle with the Probation Service alone in scope.

PARTNER_AGENCY = "National Probation Service"
CHAIR_AGENCY = "Children's Services RBKC/WCC"
EXAMPLE_CYCLE = "Section 11 access check (both agencies)"
EXAMPLE_PROBATION_CYCLE = "Section 11 access check (Probation only)"
EVERY_REPRESENTATIVE = frozenset({"manager", "chair", "partner"})
DATA_SET_READERS = frozenset({"manager", "partner"})


def _example_cycle(name, agency_names):
    from partnership.models import Agency

    from .models import Cycle, Standard, StandardSet

    standard_set, _ = StandardSet.objects.get_or_create(name="Access check standards", version="1")
    for number, title in ((1, "Leadership and accountability"), (2, "Safe recruitment")):
        Standard.objects.get_or_create(standard_set=standard_set, number=number, defaults={"title": title})
    today = timezone.localdate()
    cycle, created = Cycle.objects.get_or_create(
        name=name,
        defaults={
            "standard_set": standard_set,
            "opens_on": today - timedelta(days=30),
            "closes_on": today + timedelta(days=60),
        },
    )
    if created:
        cycle.agencies.set(Agency.objects.filter(name__in=agency_names))
    return cycle


def _example_return(agency_name, status):
    from .models import Return, StandardResponse

    cycle = _example_cycle(EXAMPLE_CYCLE, [PARTNER_AGENCY, CHAIR_AGENCY])
    agency_return, created = Return.objects.get_or_create(
        cycle=cycle, agency=cycle.agencies.get(name=agency_name), defaults={"status": status}
    )
    if created:
        for standard in cycle.standard_set.standards.all():
            StandardResponse.objects.create(
                agency_return=agency_return, standard=standard, rating="fully_met", evidence="Policy and audit."
            )
    return agency_return


def _return_of(agency_name, status):
    return lambda: {"pk": _example_return(agency_name, status).pk}


def _cycle(name, agency_names):
    return lambda: {"cycle_pk": _example_cycle(name, agency_names).pk}


def _evidence():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .models import EvidenceFile

    response = _example_return(PARTNER_AGENCY, "submitted").responses.order_by("pk").first()
    evidence = EvidenceFile(response=response)
    evidence.file = SimpleUploadedFile("evidence.pdf", b"%PDF-1.7\n% demo\n")
    evidence.save()
    return {"pk": evidence.pk}


_BOTH = [PARTNER_AGENCY, CHAIR_AGENCY]

PAGES = {
    "audits:section11": Page(EVERY_REPRESENTATIVE),
    "audits:start_return": [
        Page(EVERY_REPRESENTATIVE, _cycle(EXAMPLE_CYCLE, _BOTH), method="post"),
        # A cycle the chair's (and the manager's) agency is not in: nothing to start there.
        Page({"partner"}, _cycle(EXAMPLE_PROBATION_CYCLE, [PARTNER_AGENCY]), method="post"),
    ],
    "audits:return": [
        Page({"manager", "partner"}, _return_of(PARTNER_AGENCY, "submitted")),
        Page({"manager", "chair"}, _return_of(CHAIR_AGENCY, "in_progress")),
    ],
    "audits:evidence": Page({"manager", "partner"}, _evidence),
    "audits:scrutiny": Page({"manager"}, _return_of(PARTNER_AGENCY, "submitted")),
    "audits:dashboard": Page({"manager"}, _cycle(EXAMPLE_CYCLE, _BOTH)),
    # The data set. In the demo the partner is a member of the Quality Assurance subgroup (the Best Practice and
    # Performance Subgroup); the chair is not; no demo login chairs it, so only the manager imports.
    "audits:exceptions": Page(DATA_SET_READERS),
    "audits:exceptions_pdf": Page(DATA_SET_READERS),
    "audits:import_observations": Page({"manager"}),
}
