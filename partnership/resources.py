"""Spreadsheets in and out of the admin for the registry: agencies, people, memberships (docs/imports.md)."""

import re

from import_export import widgets

from lscp.spreadsheets import (
    ByKey,
    Choice,
    Column,
    Day,
    SpreadsheetResource,
    YesNo,
    cell_text,
    listing,
)

from .models import Agency, Body, LocalAuthority, Membership, MembershipRole, Person, Sector

NO_SUCH_AGENCY = "There is no agency called “%(value)s”: check the spelling against Agencies, or add the agency first."
NO_SUCH_PERSON = "There is no person with the work e-mail “%(value)s”: add them under People first."
NO_SUCH_BODY = "There is no body called “%(value)s”: check the spelling against Bodies."
NO_SUCH_BOROUGH = "There is no borough with the code %(value)s: the codes are %(codes)s."
EMAIL_TWICE = "%(email)s is also on row %(row)s of this file: each person has one work e-mail address."


def _borough_codes():
    return listing(LocalAuthority.objects.order_by("code").values_list("code", flat=True)) or "none yet"


class BoroughCodes(widgets.ManyToManyWidget):
    """Boroughs by code, separated by commas: "RBKC, WCC"."""

    def __init__(self):
        super().__init__(LocalAuthority, separator=",", field="code")

    def clean(self, value, row=None, **kwargs):
        codes = [code.strip().upper() for code in re.split(r"[,;]", cell_text(value)) if code.strip()]
        if not codes:
            return []
        boroughs = {borough.code.upper(): borough for borough in LocalAuthority.objects.all()}
        missing = [code for code in codes if code not in boroughs]
        if missing:
            raise ValueError(NO_SUCH_BOROUGH % {"value": listing(missing), "codes": _borough_codes()})
        return [boroughs[code] for code in dict.fromkeys(codes)]

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else ", ".join(sorted(borough.code for borough in value.all()))


class BoroughCode(ByKey):
    def __init__(self):
        super().__init__(LocalAuthority, "code", NO_SUCH_BOROUGH)

    def missing_message(self, text):
        return NO_SUCH_BOROUGH % {"value": text, "codes": _borough_codes()}


class AgencyResource(SpreadsheetResource):
    name = Column("name", "Name", required=True)
    sector = Column("sector", "Sector", Choice(Sector.choices, "sector"), required=True)
    statutory_partner = Column("statutory_partner", "Statutory partner", YesNo(), default=False)
    boroughs = Column("boroughs", "Borough codes", BoroughCodes())
    active = Column("active", "Active", YesNo(), default=True)

    export_prefetch_related = ("boroughs",)

    class Meta(SpreadsheetResource.Meta):
        model = Agency
        name = "Agencies"
        fields = ("id", "name", "sector", "statutory_partner", "boroughs", "active")


class PersonResource(SpreadsheetResource):
    name = Column("name", "Name", required=True)
    job_title = Column("job_title", "Job title")
    agency = Column("agency", "Agency", ByKey(Agency, "name", NO_SUCH_AGENCY), required=True)
    email = Column("email", "Work e-mail", required=True)
    phone = Column("phone", "Work phone")

    export_select_related = ("agency",)

    class Meta(SpreadsheetResource.Meta):
        model = Person
        name = "People"
        fields = ("id", "name", "job_title", "agency", "email", "phone")

    def once_in_file(self, instance):
        email = (instance.email or "").strip()
        return ("email", email.lower(), EMAIL_TWICE, {"email": email}) if email else None


class MembershipResource(SpreadsheetResource):
    person = Column("person", "Person (work e-mail)", ByKey(Person, "email", NO_SUCH_PERSON), required=True)
    body = Column("body", "Body", ByKey(Body, "name", NO_SUCH_BODY), required=True)
    role = Column("role", "Role", Choice(MembershipRole.choices, "role"), default=MembershipRole.MEMBER)
    agency = Column("agency", "Representing", ByKey(Agency, "name", NO_SUCH_AGENCY))
    start = Column("start", "From", Day(), required=True)
    end = Column("end", "To", Day())

    export_select_related = ("person", "body", "agency")

    class Meta(SpreadsheetResource.Meta):
        model = Membership
        name = "Memberships"
        fields = ("id", "person", "body", "role", "agency", "start", "end")

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # "Representing" left empty: the member represents their own agency.
            if instance.agency_id is None and instance.person_id is not None:
                instance.agency = instance.person.agency
