"""The partnership as it stands: boroughs, agencies, people, bodies, memberships, meetings, attendance."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lscp.dates import long_date, record_date
from lscp.fields import LimitedTextField
from lscp.validators import validate_document

__all__ = [
    "Sector",
    "LocalAuthority",
    "AgencyQuerySet",
    "Agency",
    "Person",
    "BodyKind",
    "BodyQuerySet",
    "Body",
    "MembershipRole",
    "MembershipQuerySet",
    "Membership",
    "MeetingKind",
    "MeetingStatus",
    "MeetingQuerySet",
    "Meeting",
    "AttendanceStatus",
    "Attendance",
    "EMAIL_TAKEN",
    "AGENCY_NAME_TAKEN",
    "MEMBERSHIP_OVERLAPS",
    "MEMBERSHIP_ENDS_BEFORE_START",
    "LOCAL_GROUP_NEEDS_BOROUGH",
    "BODY_PARENT_LOOP",
    "BODY_ACTIVE_ENDS_BEFORE_START",
    "ATTENDANCE_NOT_A_MEMBER",
    "ATTENDANCE_DEPUTY_NEEDS_NAME",
    "ATTENDANCE_DEPUTY_ONLY",
    "JOINT_MEETING_NEEDS_BODY",
    "JOINT_WITH_ITSELF",
    "HELD_MEETING_IN_FUTURE",
    "HELD_MEETING_REGISTER_INCOMPLETE",
    "HELD_MEETING_REGISTER_MISSING",
    "CHAIRING_ROLES",
    "ATTENDED",
    "MISSED",
    "EXPECTED",
    "MATRIX_CODES",
]

AGENCY_NAME_TAKEN = "There is already an agency called “%(existing)s”: names are the same whatever the capitals."
EMAIL_TAKEN = "%(email)s already belongs to %(name)s; each person has one work e-mail address."
MEMBERSHIP_OVERLAPS = "%(person)s is already a member of %(body)s from %(start)s%(end)s; end that membership first."
MEMBERSHIP_ENDS_BEFORE_START = "The membership cannot end before it starts."
LOCAL_GROUP_NEEDS_BOROUGH = "A local group belongs to a borough: choose one."
BODY_PARENT_LOOP = "A body cannot sit under itself or under one of its own groups."
BODY_ACTIVE_ENDS_BEFORE_START = "A body cannot stop before it starts."
ATTENDANCE_NOT_A_MEMBER = "%(person)s was not a member of %(body)s on %(date)s."
ATTENDANCE_DEPUTY_NEEDS_NAME = "Give the name of the deputy who attended for %(person)s."
ATTENDANCE_DEPUTY_ONLY = "A deputy's name and agency only go with “represented by a deputy”."
JOINT_MEETING_NEEDS_BODY = "Choose the body this joint meeting was held with."
JOINT_WITH_ITSELF = "A body cannot hold a joint meeting with itself."
HELD_MEETING_IN_FUTURE = "A meeting that has not happened yet cannot be marked as held."
MEETING_ALREADY_RECORDED = (
    "The %(body)s already has a meeting at %(time)s on %(date)s: open that meeting from the %(body)s's page to "
    "change it, or give this one another date or time."
)
HELD_MEETING_REGISTER_INCOMPLETE = "Record the attendance of every member before marking the meeting as held."
HELD_MEETING_REGISTER_MISSING = (
    "%(names)s had no line in the register: record the attendance of every member before marking the meeting as held."
)


class Sector(models.TextChoices):
    LA_CHILDREN = "la_children", "Local authority children's services"
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    HOUSING = "housing", "Housing"
    HEALTH_COMMISSIONER = "health_commissioner", "Health commissioner (ICB/CCG)"
    NHS_TRUST = "nhs_trust", "NHS trust"
    PRIMARY_CARE = "primary_care", "Primary care"
    POLICE = "police", "Police"
    PROBATION = "probation", "Probation"
    EDUCATION = "education", "Education"
    EARLY_YEARS = "early_years", "Early years"
    CAFCASS = "cafcass", "CAFCASS"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    COMMUNITY_SAFETY = "community_safety", "Community safety"
    OTHER = "other", "Other"


class LocalAuthority(models.Model):
    name = models.CharField(max_length=200, unique=True)
    code = models.CharField(max_length=10, unique=True, help_text="Short code, e.g. RBKC, WCC, LBHF.")
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "borough"
        verbose_name_plural = "boroughs"

    def __str__(self):
        return self.name

    def clean(self):
        self.code = (self.code or "").strip().upper()


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    statutory_partner = models.BooleanField(
        default=False, help_text="One of the safeguarding partners: local authority, health or police."
    )
    boroughs = models.ManyToManyField(LocalAuthority, related_name="agencies", blank=True)
    active = models.BooleanField(default=True)
    history = HistoricalRecords(m2m_fields=[boroughs])

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(Lower("name"), name="agency_name_unique_ci")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:agency", args=[self.pk])

    def clean(self):
        self.name = (self.name or "").strip()
        if self.name:
            clash = Agency.objects.filter(name__iexact=self.name).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"name": ValidationError(AGENCY_NAME_TAKEN, code="unique", params={"existing": clash.name})}
                )


class Person(models.Model):
    """A named professional: work contact details only."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    email = models.EmailField("work e-mail")
    phone = models.CharField("work phone", max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text="The sign-in account of this person, if they have one.",
    )
    # Set when the person was anonymised at their request (lscp/data_protection.py): the record stays, for the
    # memberships, attendance and actions that point at it, with a placeholder for the name and contact details.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(Lower("email"), name="person_email_unique_ci")]
        # The admin's list of people, in this order, reads its page from the index instead of sorting them all.
        indexes = [models.Index(fields=["name"], name="partnership_person_by_name")]

    def __str__(self):
        return self.name

    def clean(self):
        self.email = (self.email or "").strip()
        if self.email:
            clash = Person.objects.filter(email__iexact=self.email).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"email": ValidationError(EMAIL_TAKEN, code="unique", params={"email": self.email, "name": clash})}
                )


class BodyKind(models.TextChoices):
    PARTNERSHIP = "partnership", "Partnership"
    EXECUTIVE = "executive", "Executive (lead safeguarding partners)"
    STRATEGIC_PLANNING = "strategic_planning", "Strategic planning group"
    SUBGROUP = "subgroup", "Subgroup"
    LOCAL_GROUP = "local_group", "Local group"
    TASK_AND_FINISH = "task_finish", "Task-and-finish group"
    LINKED_BOARD = "linked_board", "Linked board or panel"


class BodyQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(active_from__isnull=True) | Q(active_from__lte=day)).filter(
            Q(active_to__isnull=True) | Q(active_to__gte=day)
        )


class Body(models.Model):
    """The Partnership, the Executive, a subgroup, a local group, or a linked board."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body this one reports to.",
    )
    borough = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        help_text="For a local group: the borough it covers.",
    )
    purpose = LimitedTextField(blank=True)
    terms_of_reference = LimitedTextField(blank=True, max_length=50_000)
    terms_of_reference_file = models.FileField(
        upload_to="terms-of-reference/%Y/",
        blank=True,
        validators=[validate_document],
        help_text="PDF, Word or Excel, up to 20 MB.",
    )
    meeting_frequency = models.CharField(max_length=100, blank=True, help_text="For example: quarterly.")
    active_from = models.DateField(null=True, blank=True, validators=record_date())
    active_to = models.DateField(null=True, blank=True, validators=record_date())
    history = HistoricalRecords()

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_to__gte=models.F("active_from")),
                name="body_active_dates_in_order",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:body", args=[self.pk])

    def file_download_url(self, field_name):
        return reverse("partnership:document", args=["terms-of-reference", self.pk])

    @property
    def is_active(self):
        today = timezone.localdate()
        return (self.active_from is None or self.active_from <= today) and (
            self.active_to is None or self.active_to >= today
        )

    def clean(self):
        errors = {}
        if self.kind == BodyKind.LOCAL_GROUP and not self.borough_id:
            errors["borough"] = LOCAL_GROUP_NEEDS_BOROUGH
        if self.active_from and self.active_to and self.active_to < self.active_from:
            errors["active_to"] = BODY_ACTIVE_ENDS_BEFORE_START
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                errors["parent"] = BODY_PARENT_LOOP
                break
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        if errors:
            raise ValidationError(errors)


class MembershipRole(models.TextChoices):
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair and scrutineer"
    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    ADVISER = "adviser", "Adviser"
    OBSERVER = "observer", "Observer"
    VIRTUAL = "virtual", "Virtual member"
    CO_OPTED = "co_opted", "Co-opted member"
    BUSINESS_MANAGER = "business_manager", "Business manager"


CHAIRING_ROLES = (MembershipRole.INDEPENDENT_CHAIR, MembershipRole.CHAIR, MembershipRole.CO_CHAIR)


class MembershipQuerySet(models.QuerySet):
    def current(self, *, on):
        return self.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))

    def overlapping(self, *, start, end):
        """Memberships that share at least one day with [start, end] (end None: open-ended)."""
        qs = self.filter(Q(end__isnull=True) | Q(end__gte=start))
        return qs if end is None else qs.filter(start__lte=end)

    def chairs(self):
        return self.filter(role__in=CHAIRING_ROLES)


class Membership(models.Model):
    """A person, in a role, representing an agency, on a body, from a date to a date."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name="representing",
        help_text="The agency this member represents on the body.",
    )
    start = models.DateField("from", validators=record_date())
    end = models.DateField(
        "to", null=True, blank=True, help_text="Leave empty while the membership continues.", validators=record_date()
    )
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body__name", "person__name"]
        indexes = [models.Index(fields=["body", "start", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="membership_dates_in_order"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.body}"

    def is_current_on(self, day):
        return self.start <= day and (self.end is None or self.end >= day)

    @property
    def is_chair(self):
        return self.role in CHAIRING_ROLES

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": MEMBERSHIP_ENDS_BEFORE_START})
        if self.person_id and self.body_id and self.start:
            clash = (
                Membership.objects.filter(person_id=self.person_id, body_id=self.body_id)
                .exclude(pk=self.pk)
                .overlapping(start=self.start, end=self.end)
                .first()
            )
            if clash:
                raise ValidationError(
                    MEMBERSHIP_OVERLAPS,
                    code="overlap",
                    params={
                        "person": self.person,
                        "body": self.body,
                        "start": long_date(clash.start),
                        "end": f" to {long_date(clash.end)}" if clash.end else " (continuing)",
                    },
                )


class MeetingKind(models.TextChoices):
    ORDINARY = "ordinary", "Ordinary"
    EXTRAORDINARY = "extraordinary", "Extraordinary"
    JOINT = "joint", "Joint with another body"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MeetingQuerySet(models.QuerySet):
    def in_year(self, year):
        start, end = year.datetime_range()
        return self.filter(starts_at__gte=start, starts_at__lt=end)

    def held(self):
        return self.filter(status=MeetingStatus.HELD)


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("date and time", validators=record_date())
    kind = models.CharField(max_length=20, choices=MeetingKind.choices, default=MeetingKind.ORDINARY)
    joint_with = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="joint_meetings",
        help_text="For a joint meeting: the other body.",
    )
    theme = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True, help_text="A venue, or leave empty if online only.")
    online = models.BooleanField(default=False, help_text="Held online, or with an online option.")
    papers = models.FileField(upload_to="papers/%Y/", blank=True, validators=[validate_document])
    minutes = models.FileField(upload_to="minutes/%Y/", blank=True, validators=[validate_document])
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["body", "starts_at"]), models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.body} – {long_date(self.starts_at)}"

    def get_absolute_url(self):
        return reverse("partnership:meeting", args=[self.pk])

    def file_download_url(self, field_name):
        return reverse("partnership:document", args=[field_name, self.pk])  # "papers" or "minutes"

    @property
    def date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def is_past(self):
        return self.starts_at <= timezone.now()

    def clean(self):
        errors = {}
        if self.kind == MeetingKind.JOINT and not self.joint_with_id:
            errors["joint_with"] = JOINT_MEETING_NEEDS_BODY
        if self.joint_with_id and self.joint_with_id == self.body_id:
            errors["joint_with"] = JOINT_WITH_ITSELF
        if self.status == MeetingStatus.HELD and self.starts_at and self.starts_at > timezone.now():
            errors["status"] = HELD_MEETING_IN_FUTURE
        if self._same_meeting_recorded():
            # A form sent twice (a double click, the browser's back button) would make two meetings, and every
            # attendance on the register would count twice in the year's rates.
            local = timezone.localtime(self.starts_at) if timezone.is_aware(self.starts_at) else self.starts_at
            errors[NON_FIELD_ERRORS] = MEETING_ALREADY_RECORDED % {
                "body": self.body.name,
                "time": local.strftime("%H:%M"),
                "date": long_date(local),
            }
        if errors:
            raise ValidationError(errors)

    def _same_meeting_recorded(self):
        if self.body_id is None or self.starts_at is None:
            return False
        # A cancelled meeting leaves its time free for another.
        same = Meeting.objects.filter(body_id=self.body_id, starts_at=self.starts_at)
        return same.exclude(status=MeetingStatus.CANCELLED).exclude(pk=self.pk).exists()


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    DEPUTY = "deputy", "Represented by a deputy"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    NOT_EXPECTED = "not_expected", "Not expected"
    NOT_RECORDED = "not_recorded", "Not yet recorded"


# The seeds' appendix codes: y = the member or a representative attended; x = nobody attended;
# o = a representative was not expected.
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)
MISSED = (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
EXPECTED = ATTENDED + MISSED
MATRIX_CODES = {
    AttendanceStatus.PRESENT: "y",
    AttendanceStatus.DEPUTY: "y",
    AttendanceStatus.APOLOGIES: "x",
    AttendanceStatus.ABSENT: "x",
    AttendanceStatus.NOT_EXPECTED: "o",
    AttendanceStatus.NOT_RECORDED: "",
}


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.NOT_RECORDED)
    deputy_name = models.CharField(max_length=200, blank=True)
    deputy_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="deputised_attendances"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "membership__person__name"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="one_attendance_per_member_per_meeting")
        ]

    def __str__(self):
        return f"{self.membership.person} at {self.meeting}: {self.get_status_display()}"

    @property
    def code(self):
        return MATRIX_CODES[self.status]

    def clean(self):
        # Keyed by field, so that the admin, the register and an import put each message by its own cell.
        errors = {}
        if self.meeting_id and self.membership_id:
            meeting, membership = self.meeting, self.membership
            bodies = {meeting.body_id, meeting.joint_with_id}
            if membership.body_id not in bodies or not membership.is_current_on(meeting.date):
                errors.setdefault(NON_FIELD_ERRORS, []).append(
                    ValidationError(
                        ATTENDANCE_NOT_A_MEMBER,
                        code="not_a_member",
                        params={"person": membership.person, "body": meeting.body, "date": long_date(meeting.date)},
                    )
                )
        if self.status == AttendanceStatus.DEPUTY and not self.deputy_name.strip():
            person = self.membership.person if self.membership_id else "this member"
            errors.setdefault("deputy_name", []).append(ATTENDANCE_DEPUTY_NEEDS_NAME % {"person": person})
        if self.status != AttendanceStatus.DEPUTY and (self.deputy_name.strip() or self.deputy_agency_id):
            errors.setdefault("deputy_name", []).append(ATTENDANCE_DEPUTY_ONLY)
        if errors:
            raise ValidationError(errors)
