"""Who may see and change the registry's records and pages, from the facts in `lscp.roles`.

- The partnership's pages (agencies, bodies, meetings, their documents) are for the business manager and the
  partner representatives; delegates and outsiders have no part in them, the public signs in first.
- A body's details, and recording its meetings and their registers, are for the body's current chairs and
  the business manager.
- The attendance report is the business manager's.

The registry also answers `lscp.roles` the question "who is this user" (`user_facts`): their Person record and
the bodies they are a current member or chair of, with each body's name and kind. `PartnershipConfig.ready()`
registers it.
"""

from django.utils import timezone

from lscp.access import Page
from lscp.roles import BodyFacts, RoleRequiredMixin

ANYONE_IN_THE_PARTNERSHIP = frozenset({"manager", "chair", "partner"})
MANAGER_ONLY = frozenset({"manager"})


def user_facts(user):
    """Who the user is in the registry: two queries, once per request (lscp.roles caches the result). The bodies come
    with their names and kinds, so the apps' rules about a body named in their settings cost no query."""
    from .models import CHAIRING_ROLES, Membership, Person

    person = Person.objects.filter(user=user).select_related("agency").first()
    if person is None:
        return {}
    held = list(
        Membership.objects.current(on=timezone.localdate())
        .filter(person=person)
        .values_list("body_id", "body__name", "body__kind", "role")
    )
    return {
        "person": person,
        "chaired_body_ids": {body_id for body_id, _, _, role in held if role in CHAIRING_ROLES},
        "member_bodies": {BodyFacts(pk=body_id, name=name, kind=kind) for body_id, name, kind, _ in held},
    }


def can_view_partnership(roles):
    """Agencies, bodies, meetings and their papers: the business manager and partner representatives."""
    return roles.is_manager or roles.is_partner


def can_edit_body(roles, body):
    """A body's details, its meetings and their registers: its current chairs and the business manager."""
    return roles.is_manager or body.pk in roles.chaired_body_ids


def can_record_meeting(roles, body):
    return can_edit_body(roles, body)


def can_download_document(roles):
    """Papers, minutes and terms of reference are not public: the partnership's pages' readers only."""
    return can_view_partnership(roles)


def can_see_attendance_report(roles):
    return roles.is_manager


class PartnershipViewerRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return can_view_partnership(roles)


# Every page's rule, checked for every role against the demo by lscp/tests/test_every_url_declares_who_may_open_it.


def _body(name):
    from .models import Body

    return Body.objects.get(name=name).pk


def _a_meeting_of(name):
    from .models import Meeting

    return Meeting.objects.filter(body__name=name).order_by("starts_at").values_list("pk", flat=True).first()


def _agency():
    from .models import Agency

    return {"pk": Agency.objects.get(name="National Probation Service").pk}


def _document_of_a_meeting(kind, body_name):
    def example():
        from django.core.files.base import ContentFile

        from .models import Meeting

        meeting = Meeting.objects.get(pk=_a_meeting_of(body_name))
        getattr(meeting, kind).save(f"{kind}.pdf", ContentFile(b"%PDF-1.7\n% demo\n"))
        return {"kind": kind, "pk": meeting.pk}

    return example


def _terms_of_reference(body_name):
    def example():
        from django.core.files.base import ContentFile

        from .models import Body

        body = Body.objects.get(name=body_name)
        body.terms_of_reference_file.save("terms.pdf", ContentFile(b"%PDF-1.7\n% demo\n"))
        return {"kind": "terms-of-reference", "pk": body.pk}

    return example


def _stored_file_of(example):
    def stored_file():
        from .models import Meeting

        kwargs = example()
        return {"name": getattr(Meeting.objects.get(pk=kwargs["pk"]), kwargs["kind"]).name}

    return stored_file


OWN_BODY = "Case Review Subgroup"  # the demo chair co-chairs it
OTHER_BODY = "Best Practice and Performance Subgroup"
LAST_YEAR = "2022-23"  # the demo's meetings

PAGES = {
    "partnership:agencies": Page(ANYONE_IN_THE_PARTNERSHIP),
    "partnership:agency": Page(ANYONE_IN_THE_PARTNERSHIP, _agency),
    "partnership:bodies": Page(ANYONE_IN_THE_PARTNERSHIP),
    "partnership:body": Page(ANYONE_IN_THE_PARTNERSHIP, lambda: {"pk": _body(OWN_BODY)}),
    "partnership:body_edit": [
        Page({"manager", "chair"}, lambda: {"body_pk": _body(OWN_BODY)}),
        Page(MANAGER_ONLY, lambda: {"body_pk": _body(OTHER_BODY)}),
    ],
    "partnership:meeting_create": [
        Page({"manager", "chair"}, lambda: {"body_pk": _body(OWN_BODY)}),
        Page(MANAGER_ONLY, lambda: {"body_pk": _body(OTHER_BODY)}),
    ],
    "partnership:meeting": Page(ANYONE_IN_THE_PARTNERSHIP, lambda: {"pk": _a_meeting_of(OTHER_BODY)}),
    "partnership:meeting_edit": [
        Page({"manager", "chair"}, lambda: {"pk": _a_meeting_of(OWN_BODY)}),
        Page(MANAGER_ONLY, lambda: {"pk": _a_meeting_of(OTHER_BODY)}),
    ],
    "partnership:document": [
        Page(ANYONE_IN_THE_PARTNERSHIP, _document_of_a_meeting("minutes", OTHER_BODY)),
        Page(ANYONE_IN_THE_PARTNERSHIP, _document_of_a_meeting("papers", OWN_BODY)),
        Page(ANYONE_IN_THE_PARTNERSHIP, _terms_of_reference(OTHER_BODY)),
    ],
    # A stored file's own address (lscp/stored_files.py) answers as its record's download page: a meeting's papers
    # here, so the same roles.
    "stored_file": Page(ANYONE_IN_THE_PARTNERSHIP, _stored_file_of(_document_of_a_meeting("papers", OWN_BODY))),
    "partnership:attendance_index": Page(MANAGER_ONLY),
    "partnership:attendance": Page(MANAGER_ONLY, lambda: {"year": LAST_YEAR}),
    "partnership:attendance_csv": Page(MANAGER_ONLY, lambda: {"year": LAST_YEAR}),
}
