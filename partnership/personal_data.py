"""What the registry holds about a person (lscp/data_protection.py): their record as one of the partnership's
people (with its earlier versions), their memberships of the partnership's bodies, and their attendance at
meetings. Other apps find the person's records through `people(subject)`."""

from django.db.models import Q
from django.utils import timezone

from lscp.data_protection import PersonalData, accounts_linked_by, history_rows, records_of

from .models import Agency, Attendance, Membership, Person
from .services import anonymise_people

MEMBERSHIP_STILL_RUNNING = (
    "%(name)s is still a member of %(body)s (%(role)s): end the membership first (give its last day), so that "
    "the body's list of members stays true."
)


def people(subject):
    """The ids of the registry's records of the person (for the other apps too)."""
    return records_of(subject, Person)


def person_records(subject):
    pks = people(subject)
    rows = [
        {
            "Version of": "Now",
            "What happened": "",
            "Name": person.name,
            "Job title": person.job_title,
            "Agency": person.agency.name,
            "Work e-mail": person.email,
            "Work phone": person.phone,
        }
        for person in Person.objects.filter(pk__in=pks).select_related("agency")
    ]
    fields = {"Name": "name", "Job title": "job_title", "Agency": "agency_id", "Work e-mail": "email"}
    history = history_rows(Person, pks, {**fields, "Work phone": "phone"})
    names = dict(Agency.objects.filter(pk__in={row["Agency"] for row in history}).values_list("pk", "name"))
    for row in history:
        row["Agency"] = names.get(row["Agency"], "")
    return rows + history


def memberships(subject):
    return [
        {
            "Body": membership.body.name,
            "Role": membership.get_role_display(),
            "Representing": membership.agency.name,
            "From": membership.start,
            "To": membership.end,
        }
        for membership in Membership.objects.filter(person_id__in=people(subject))
        .select_related("body", "agency")
        .order_by("start", "body__name")
    ]


def membership_blocks(subject, by):
    today = timezone.localdate()
    running = (
        Membership.objects.filter(person_id__in=people(subject))
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("person", "body")
        .order_by("body__name")
    )
    return [
        MEMBERSHIP_STILL_RUNNING
        % {"name": membership.person.name, "body": membership.body.name, "role": membership.get_role_display()}
        for membership in running
    ]


def attendance(subject):
    # The deputy's name is another person's: only that a deputy came is said.
    return [
        {
            "Meeting of": record.meeting.body.name,
            "Date": record.meeting.starts_at,
            "Attendance": record.get_status_display(),
        }
        for record in Attendance.objects.filter(membership__person_id__in=people(subject))
        .select_related("meeting__body")
        .order_by("meeting__starts_at")
    ]


def erase_people(subject):
    count = anonymise_people(person_ids=people(subject))
    return (
        f"{count} record anonymised: name, job title, e-mail address and phone number replaced by a placeholder "
        "(“Anonymised person” and its number), here and in its earlier versions."
        if count
        else "already anonymised."
    )


KEPT_FOR_THE_BODIES = (
    "The partnership is a public body: who sat on its bodies and came to its meetings is part of its record (and of "
    "its published attendance figures). It stays, with the anonymised placeholder in place of the person."
)

PERSONAL_DATA = [
    PersonalData(
        "partnership.person",
        "Record in the partnership's list of people, and its earlier versions",
        person_records,
        erase=erase_people,
        erasure="Name, job title, e-mail address and phone number replaced by a placeholder (“Anonymised person” and "
        "its number), here and in every earlier version; the agency stays, so the partnership's figures stay the "
        "same.",
        accounts=accounts_linked_by(Person),
        covers=(
            "partnership.Person.name",
            "partnership.Person.email",
            "partnership.Person.phone",
            "partnership.Person.job_title",
            "partnership.Person.user",
        ),
    ),
    PersonalData(
        "partnership.memberships",
        "Memberships of the partnership's bodies",
        memberships,
        kept_because=KEPT_FOR_THE_BODIES,
        blocks=membership_blocks,
        covers=("partnership.Membership.person",),
    ),
    PersonalData(
        "partnership.attendance",
        "Attendance at meetings",
        attendance,
        kept_because=KEPT_FOR_THE_BODIES + " Minutes and papers are documents kept as they were written.",
        covers=("partnership.Attendance.membership",),
    ),
]
