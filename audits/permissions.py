"""Who may see and change the quality assurance records and pages, from the facts in `lscp.roles`.

Section 11 / 175 returns: a partner representative (a user whose Person is in an agency, `roles.agency_id`) opens,
completes and submits their own agency's returns and reads them afterwards; another agency's return does not exist
for them (404), so an address tells them nothing. The business manager and the lay members scrutinise: they read
every return, record their scrutiny of a submitted one, and see the dashboard.

Lay members: the registry has no role for them; they are the people of the agency named by
settings.LAY_MEMBERS_AGENCY_NAME ("Lay Members" in the demo's registry, the 2019 partnership arrangements' core member
category), and are recognised by their Person's agency, as a partner is.

The data set (its exceptions report, and its import outside the admin): the business manager and the current
members of the Quality Assurance subgroup (the body named by settings.QUALITY_ASSURANCE_BODY_NAME) read it; the
business manager and the subgroup's chairs import it. Anyone else gets 403.

Every function takes the user's roles (`lscp.roles.roles_for(user)`) first.
"""

from django.conf import settings

from lscp.access import Page


def is_lay_member(roles):
    person = roles.person
    return person is not None and person.agency.name == settings.LAY_MEMBERS_AGENCY_NAME


def can_scrutinise_returns(roles):
    """The business manager and the lay members: the Section 11 dashboard and every agency's returns."""
    return roles.is_manager or is_lay_member(roles)


def can_invite_agencies(roles):
    """Opening a cycle to the agencies (the invitation e-mails): the business manager, who sets cycles up."""
    return roles.is_manager


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


# Multi-agency and single-agency audits: the Quality Assurance subgroup's records (the body named by
# settings.QUALITY_ASSURANCE_BODY_NAME). Its chairs and the business manager record them; its members read them.


def _find_quality_assurance_bodies():
    from partnership.models import Body

    return frozenset(Body.objects.filter(name=settings.QUALITY_ASSURANCE_BODY_NAME).values_list("pk", flat=True))


def _quality_assurance_bodies(roles):
    """The ids of the Quality Assurance subgroup, for a page that needs the body itself (an audit's default body). A
    member of it has it among their own bodies (body names are unique), at no query; for anyone else one query, asked
    once per request."""
    own = roles.body_ids(name=settings.QUALITY_ASSURANCE_BODY_NAME)
    if own:
        return own
    return roles.remember("audits.quality_assurance_bodies", _find_quality_assurance_bodies)


def can_record_audits(roles):
    """The business manager and the chairs of the Quality Assurance subgroup: record multi-agency audits (from the
    theme to the actions) and the single-agency audits agencies share."""
    return roles.is_manager or roles.is_chair_of(name=settings.QUALITY_ASSURANCE_BODY_NAME)


def can_see_audits(roles):
    """Those who record them, and the current members of the Quality Assurance subgroup."""
    return can_record_audits(roles) or roles.is_member_of(name=settings.QUALITY_ASSURANCE_BODY_NAME)


# The data set: the same people as the audits. The subgroup's members read its exceptions report; its chairs and
# the business manager import it.


def can_see_data_set(roles):
    """The exceptions report: the business manager and the Quality Assurance subgroup's current members."""
    return can_see_audits(roles)


def can_import_data_set(roles):
    """Importing observations: the business manager and the Quality Assurance subgroup's chairs."""
    return can_record_audits(roles)


# Every page's rule, checked for every role against the demo by lscp/tests/test_every_url_declares_who_may_open_it.
# In the demo the partner speaks for the National Probation Service and sits on the Quality Assurance subgroup (Best
# Practice and Performance); the chair and the business manager speak for Children's Services RBKC/WCC, and the chair
# is not on the subgroup. The Section 11 examples are the demo's (audits/demo/assurance_data.py): in the 2023–24
# cycle both agencies are in scope, the Probation Service's return under scrutiny and Children's Services' in
# progress; the 2020–21 pilot had the Probation Service in scope and not Children's Services.

PARTNER_AGENCY = "National Probation Service"
CHAIR_AGENCY = "Children's Services RBKC/WCC"
DEMO_CYCLE = "Section 11 audit 2023–24"
DEMO_PILOT_CYCLE = "Section 11 pilot 2020–21"
EVERY_REPRESENTATIVE = frozenset({"manager", "chair", "partner"})
AUDIT_READERS = frozenset({"manager", "partner"})  # the partner is a member of the subgroup, not a chair
AUDIT_RECORDERS = frozenset({"manager"})
DEMO_AUDIT_THEME = "National Referral Mechanism (NRM) decision making"
DATA_SET_READERS = AUDIT_READERS
DATA_SET_IMPORTERS = AUDIT_RECORDERS


def _demo_return(agency_name):
    from .models import Return

    found = Return.objects.filter(cycle__name=DEMO_CYCLE, agency__name=agency_name).first()
    return found.pk if found else None


def _return_of(agency_name):
    return lambda: {"pk": _demo_return(agency_name)}


def _cycle(name):
    def example():
        from .models import Cycle

        return {"cycle_pk": Cycle.objects.filter(name=name).values_list("pk", flat=True).first()}

    return example


def _evidence():
    """The demo has no uploaded file: one is made for the check on the Probation Service's return."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .models import EvidenceFile, StandardResponse

    response = StandardResponse.objects.filter(agency_return_id=_demo_return(PARTNER_AGENCY)).order_by("pk").first()
    evidence = EvidenceFile.objects.filter(response=response).first()
    if evidence is None:
        evidence = EvidenceFile(response=response)
        evidence.file = SimpleUploadedFile("evidence.pdf", b"%PDF-1.7\n% demo\n")
        evidence.save()
    return {"pk": evidence.pk}


def _audit():
    from .models import MultiAgencyAudit

    return {"pk": MultiAgencyAudit.objects.filter(theme=DEMO_AUDIT_THEME).values_list("pk", flat=True).first()}


def _audit_agency():
    from .models import AuditParticipation

    participation = AuditParticipation.objects.filter(audit__theme=DEMO_AUDIT_THEME).order_by("pk").first()
    return {"pk": participation.audit_id, "agency_pk": participation.agency_id}


def _single_agency_audit():
    from .models import SingleAgencyAudit

    return {"pk": SingleAgencyAudit.objects.order_by("pk").values_list("pk", flat=True).first()}


PAGES = {
    "audits:section11": Page(EVERY_REPRESENTATIVE),
    "audits:start_return": [
        Page(EVERY_REPRESENTATIVE, _cycle(DEMO_CYCLE), method="post"),
        # The link in the e-mails: to the return, or to the Section 11 page to start it.
        Page(EVERY_REPRESENTATIVE, _cycle(DEMO_CYCLE)),
        # A cycle the chair's (and the manager's) agency is not in: nothing to start there.
        Page({"partner"}, _cycle(DEMO_PILOT_CYCLE), method="post"),
    ],
    "audits:return": [
        Page({"manager", "partner"}, _return_of(PARTNER_AGENCY)),
        Page({"manager", "chair"}, _return_of(CHAIR_AGENCY)),
    ],
    "audits:evidence": Page({"manager", "partner"}, _evidence),
    "audits:scrutiny": Page({"manager"}, _return_of(PARTNER_AGENCY)),
    "audits:dashboard": Page({"manager"}, _cycle(DEMO_CYCLE)),
    "audits:invite_agencies": [
        Page({"manager"}, _cycle(DEMO_CYCLE)),
        Page({"manager"}, _cycle(DEMO_CYCLE), method="post"),
    ],
    # Multi-agency and single-agency audits.
    "audits:audits": Page(AUDIT_READERS),
    "audits:audit": Page(AUDIT_READERS, _audit),
    "audits:audit_add": Page(AUDIT_RECORDERS),
    "audits:audit_edit": Page(AUDIT_RECORDERS, _audit),
    "audits:participation": Page(AUDIT_RECORDERS, _audit, method="post"),
    "audits:judgements": Page(AUDIT_RECORDERS, _audit_agency),
    "audits:findings": Page(AUDIT_RECORDERS, _audit, method="post"),
    "audits:recommendation_add": Page(AUDIT_RECORDERS, _audit, method="post"),
    "audits:action_raise": Page(AUDIT_RECORDERS, _audit, method="post"),
    "audits:single_agency_audits": Page(AUDIT_READERS),
    "audits:single_agency_audit_add": Page(AUDIT_RECORDERS),
    "audits:single_agency_audit_edit": Page(AUDIT_RECORDERS, _single_agency_audit),
    # The data set: the subgroup's members read it; no demo login chairs the subgroup, so only the manager imports.
    "audits:exceptions": Page(DATA_SET_READERS),
    "audits:exceptions_pdf": Page(DATA_SET_READERS),
    "audits:import_observations": Page(DATA_SET_IMPORTERS),
    "audits:import_observations_template": [
        Page(DATA_SET_IMPORTERS, lambda: {"file_format": "xlsx"}),
        Page(DATA_SET_IMPORTERS, lambda: {"file_format": "csv"}),
    ],
}
