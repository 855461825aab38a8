"""Spreadsheets in and out of the admin for the registry: agencies, people, memberships, and a year of
meeting registers (docs/imports.md)."""

import re
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import widgets

from lscp.dates import long_date
from lscp.spreadsheets import (
    ID_COLUMN,
    ByKey,
    Choice,
    Column,
    Day,
    SpreadsheetResource,
    YesNo,
    cell_text,
    listing,
    sheet_row,
)

from .models import (
    ATTENDANCE_NOT_A_MEMBER,
    Agency,
    Attendance,
    AttendanceStatus,
    Body,
    LocalAuthority,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Person,
    Sector,
)

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
    # The template's example row (lscp.spreadsheets.template), as docs/imports.md has it.
    example = {
        "Name": "St Mary's Primary School",
        "Sector": "Education",
        "Statutory partner": "no",
        "Borough codes": "RBKC, WCC",
        "Active": "yes",
    }

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
    example = {
        "Name": "Sam Taylor",
        "Job title": "Designated safeguarding lead",
        "Agency": "Metropolitan Police",
        "Work e-mail": "sam.taylor@met.police.uk",
        "Work phone": "+44 20 7946 0000",
    }

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
    example = {
        "Person (work e-mail)": "dana.officer@met.police.uk",
        "Body": "Case Review Subgroup",
        "Role": "Member",
        "Representing": "Metropolitan Police",
        "From": "01/04/2023",
    }

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


# A year of registers: one row per member per meeting, as a published attendance appendix lists them.

MEMBER_NEEDED = "Give the member's work e-mail, or their role (their job title, or their role on the body)."
NO_SUCH_ROLE = (
    "Nobody on %(body)s on %(date)s has the role or job title “%(value)s”: check it against the body's "
    "memberships, or give the member's work e-mail instead."
)
ROLE_AMBIGUOUS = (
    "%(count)s members of %(body)s on %(date)s have the role or job title “%(value)s” (%(names)s): give the "
    "member's work e-mail instead."
)
MEETINGS_ON_THE_DAY = (
    "%(body)s has %(count)s meetings on %(date)s: record this register from the meeting's page instead."
)
MEETING_CANCELLED = "The meeting of %(body)s on %(date)s was cancelled, so it has no register."
MEETING_NOT_YET_HELD = "%(date)s is after today: a register can only be imported for a meeting that has been held."
ATTENDANCE_TWICE = "%(person)s's attendance at the meeting of %(body)s on %(date)s is also on row %(row)s."
ID_OF_ANOTHER_LINE = (
    "ID %(id)s is not the line of this member at this meeting: keep the ID from an export with its row, or "
    "leave it empty."
)
REGISTER_MISSING_MEMBERS = (
    "The register of %(body)s on %(date)s has no row for %(names)s. A held meeting's register covers every "
    "member of the body on that day: add a row for each (“not expected” if they were not expected)."
)

# A created meeting starts at this time: the spreadsheet gives the day; the meeting's page can change the time.
IMPORTED_MEETING_TIME = time(10, 0)


class AttendanceWord(Choice):
    """How a member attended, in the words a register or a published appendix uses."""

    WORDS = [
        (AttendanceStatus.PRESENT, "Attended"),
        (AttendanceStatus.DEPUTY, "Represented by a deputy"),
        (AttendanceStatus.APOLOGIES, "Sent apologies"),
        (AttendanceStatus.ABSENT, "Absent"),
        (AttendanceStatus.NOT_EXPECTED, "Not expected"),
    ]
    # The appendix's codes (y: the member or a representative attended; x: nobody attended, recorded as
    # absent; o: not expected) and the usual ways of saying the same.
    ALIASES = {
        "y": AttendanceStatus.PRESENT,
        "present": AttendanceStatus.PRESENT,
        "represented by": AttendanceStatus.DEPUTY,
        "represented": AttendanceStatus.DEPUTY,
        "deputy": AttendanceStatus.DEPUTY,
        "apologies": AttendanceStatus.APOLOGIES,
        "x": AttendanceStatus.ABSENT,
        "o": AttendanceStatus.NOT_EXPECTED,
    }

    def __init__(self):
        recordable = [(v, label) for v, label in AttendanceStatus.choices if v != AttendanceStatus.NOT_RECORDED]
        super().__init__(recordable, "way of attending", labels=self.WORDS)
        self.lookup.update({self._key(word): value for word, value in self.ALIASES.items()})


def _day(day):
    return f"{day:%-d %B %Y}"


class AttendanceResource(SpreadsheetResource):
    """A meeting register line per row. The meeting is found by its body and day, and created (held, at
    10:00) when the body has none that day; the member by their work e-mail, or by their role."""

    meeting_date = Column("meeting__date", "Meeting date", Day(), required=True)
    body = Column("meeting__body", "Body", ByKey(Body, "name", NO_SUCH_BODY), required=True)
    member = Column("membership__person", "Member (work e-mail)", ByKey(Person, "email", NO_SUCH_PERSON))
    role = Column("membership__person__job_title", "Role")
    status = Column("status", "Attendance", AttendanceWord(), required=True)
    deputy_name = Column("deputy_name", "Deputy's name")
    deputy_agency = Column("deputy_agency", "Deputy's agency", ByKey(Agency, "name", NO_SUCH_AGENCY))

    export_select_related = ("meeting__body", "membership__person", "deputy_agency")
    # The meeting and the member are records read from the database (get_instance, import_instance), and one line
    # per member per meeting is checked there: against the file's earlier rows and the meeting's lines read once.
    checked_links = ("meeting", "membership")
    validate_constraints = False
    example = {
        "Meeting date": "18/05/2023",
        "Body": "LSCP Partnership",
        "Member (work e-mail)": "dana.officer@met.police.uk",
        "Attendance": "Attended",
    }

    class Meta(SpreadsheetResource.Meta):
        model = Attendance
        name = "Attendance (meeting registers)"
        fields = ("id", "meeting_date", "body", "member", "role", "status", "deputy_name", "deputy_agency")

    # The whole file.

    def import_data(self, *args, **kwargs):
        # What a year of registers looks up again and again, read once per import: the body and the person each
        # name or e-mail address stands for, each body's members and meeting on a day, and each meeting's lines.
        self._members, self._meetings, self._resolved = {}, {}, None
        self._by_key, self._lines = {}, {}
        return super().import_data(*args, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        if not (result.has_errors() or result.has_validation_errors()):
            missing = []
            for (_body, day), meeting in self._meetings.items():
                if meeting is None or isinstance(meeting, ValidationError):
                    continue
                recorded = set(
                    meeting.attendances.exclude(status=AttendanceStatus.NOT_RECORDED).values_list(
                        "membership_id", flat=True
                    )
                )
                absent = [m for m in self._members_on(meeting.body, day) if m.pk not in recorded]
                if absent:
                    names = listing(f"{m.person} ({m.person.email})" for m in absent)
                    params = {"body": meeting.body, "date": _day(day), "names": names}
                    missing.append(REGISTER_MISSING_MEMBERS % params)
            if missing:
                raise ValidationError(missing)
        super().after_import(dataset, result, **kwargs)

    def _members_on(self, body, day):
        key = (body.pk, day)
        if key not in self._members:
            self._members[key] = list(
                Membership.objects.current(on=day).filter(body=body).select_related("person").order_by("person__name")
            )
        return self._members[key]

    def _meeting_on(self, body, day):
        """The body's meeting that day, None if it has none yet, or the ValidationError that says why the day's
        register cannot be imported."""
        key = (body.pk, day)
        if key not in self._meetings:
            start = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())
            meetings = list(
                Meeting.objects.filter(body=body, starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
            )
            params = {"body": body, "date": _day(day), "count": len(meetings)}
            column = self.fields["meeting_date"].column_name
            found = None
            if len(meetings) > 1:
                found = ValidationError({column: MEETINGS_ON_THE_DAY % params})
            elif meetings and meetings[0].status == MeetingStatus.CANCELLED:
                found = ValidationError({column: MEETING_CANCELLED % params})
            elif meetings:
                found = meetings[0]
            elif day > timezone.localdate():
                found = ValidationError({column: MEETING_NOT_YET_HELD % params})
            self._meetings[key] = found
        return self._meetings[key]

    # One row.

    def _cell(self, field, row):
        try:
            return field.clean(row)
        except ValueError as error:
            raise ValidationError({field.column_name: str(error)}) from None
        except KeyError:  # an optional column left out of the file
            return None

    def _record_named(self, field, row):
        """The body or person a cell names, looked up once per import for each way it is written (an import adds
        no bodies and no people); a cell that names none raises the same error each time."""
        key = (field.column_name, cell_text(row.get(field.column_name)))
        if key not in self._by_key:
            try:
                self._by_key[key] = self._cell(field, row)
            except ValidationError as error:
                self._by_key[key] = error
        found = self._by_key[key]
        if isinstance(found, ValidationError):
            raise found
        return found

    def _line(self, meeting, membership):
        """The meeting's register line for the member, if it has one: the meeting's lines read once per import."""
        if meeting.pk not in self._lines:
            self._lines[meeting.pk] = {line.membership_id: line for line in meeting.attendances.all()}
        return self._lines[meeting.pk].get(membership.pk)

    def _membership(self, row, body, day):
        members = self._members_on(body, day)
        member, role_field = self.fields["member"], self.fields["role"]
        email = cell_text(row.get(member.column_name))
        role = cell_text(row.get(role_field.column_name))
        params = {"body": body, "date": _day(day), "value": role}
        if email:
            person = self._record_named(member, row)
            matches = [m for m in members if m.person_id == person.pk]
            if not matches:
                message = ATTENDANCE_NOT_A_MEMBER % {"person": person, "body": body, "date": long_date(day)}
                raise ValidationError({member.column_name: message})
            return matches[0]
        if not role:
            raise ValidationError({member.column_name: MEMBER_NEEDED})
        key = " ".join(role.lower().split())
        matches = [m for m in members if " ".join(m.person.job_title.lower().split()) == key] or [
            m for m in members if m.get_role_display().lower() == key
        ]
        if not matches:
            raise ValidationError({role_field.column_name: NO_SUCH_ROLE % params})
        if len(matches) > 1:
            params.update(count=len(matches), names=listing(str(m.person) for m in matches))
            raise ValidationError({role_field.column_name: ROLE_AMBIGUOUS % params})
        return matches[0]

    def get_instance(self, instance_loader, row):
        """The register line the row is about: found by meeting (body and day) and member, whether or not the
        row has an ID. None when the line is new (and its meeting perhaps too)."""
        errors, cells = {}, {}
        for name, read in (("meeting_date", self._cell), ("body", self._record_named)):
            try:
                cells[name] = read(self.fields[name], row)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
        day, body = cells["meeting_date"], cells["body"]
        membership = self._membership(row, body, day)
        # Checked here, not with the row's other rules: a repeated row finds the line the first one wrote and,
        # unchanged, would be skipped before those rules run.
        first = self._first_row_with.setdefault(("line", body.pk, day, membership.pk), self._row_number)
        if first != self._row_number:
            params = {"person": membership.person, "body": body, "date": _day(day), "row": sheet_row(first)}
            raise ValidationError({self.fields["member"].column_name: ATTENDANCE_TWICE % params})
        meeting = self._meeting_on(body, day)
        if isinstance(meeting, ValidationError):
            raise meeting
        self._resolved = (body, day, meeting, membership)
        line = self._line(meeting, membership) if meeting else None
        given = super().get_instance(instance_loader, row)
        if given is not None and given != line:
            raise ValidationError({ID_COLUMN: ID_OF_ANOTHER_LINE % {"id": given.pk}})
        return line

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # The meeting and member columns say which line the row is (get_instance); they are not written to it.
        if field.attribute and "__" in field.attribute:
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        body, day, meeting, membership = self._resolved
        if meeting is None or meeting.status != MeetingStatus.HELD:
            # The register of a meeting that took place: the meeting was held.
            tz = timezone.get_current_timezone()
            meeting = meeting or Meeting(body=body, starts_at=datetime.combine(day, IMPORTED_MEETING_TIME, tzinfo=tz))
            meeting.status = MeetingStatus.HELD
            try:
                meeting.full_clean()
            except ValidationError as error:
                raise ValidationError({self.fields["meeting_date"].column_name: error.messages}) from None
            meeting.save()
            self._meetings[(body.pk, day)] = meeting
        instance.meeting = meeting
        instance.membership = membership
        if errors:
            raise ValidationError(errors)
