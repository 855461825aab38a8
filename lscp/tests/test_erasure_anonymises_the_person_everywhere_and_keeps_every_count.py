"""`manage.py erase_person <email> --yes` (and the admin action on the lists of people and delegates) erases a person
where the law allows: their registry record, delegate record and account are anonymised, in their earlier versions
too; the records the partnership keeps (memberships, attendance, actions, bookings, evaluations) stay, linked to
the placeholders, so every count is the same. Someone still working with the partnership is refused, and nothing
changes."""

import io

import pytest
from axes.models import AccessLog
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from governance.models import Action, ActionDigest, ChallengeLogEntry
from lscp.testing import sign_in
from lscp.tests.people_with_records import person_with_records
from lscp.tests.two_factor import set_up
from partnership.models import Attendance, Membership, Person
from reviews.models import DeadlineReminder
from training.models import Booking, Delegate, Evaluation, EvaluationScore

pytestmark = pytest.mark.django_db

EMAIL = "maya.osei@health.example.org"


def _counts():
    return (
        list(Attendance.objects.values("membership__agency", "status").annotate(n=Count("id")).order_by("status")),
        list(Membership.objects.values("body", "agency", "role").annotate(n=Count("id")).order_by("body")),
        list(Action.objects.values("owner_agency", "status").annotate(n=Count("id")).order_by("owner_agency")),
        ChallengeLogEntry.objects.count(),
        list(Booking.objects.values("delegate__agency", "delegate__sector", "status").annotate(n=Count("id"))),
        list(Evaluation.objects.values("stage", "practice_changed").annotate(n=Count("id"))),
        list(EvaluationScore.objects.order_by("pk").values_list("score", flat=True)),
    )


def test_the_person_is_anonymised_everywhere_and_every_count_stays(tmp_path):
    maya = person_with_records("Maya Osei", EMAIL)
    tom = person_with_records("Tom Reid", "tom.reid@police.example.org")
    set_up(maya["user"])
    set_up(tom["user"])
    before = _counts()

    out = io.StringIO()
    call_command("erase_person", EMAIL, "--yes", stdout=out)

    person = Person.objects.get(pk=maya["person"].pk)
    assert person.name == f"Anonymised person {person.pk}"
    assert (person.email, person.phone, person.job_title, person.user) == (
        f"anonymised-person-{person.pk}@anonymised.invalid",
        "",
        "",
        None,
    )
    assert not Person.history.filter(name="Maya Osei").exists()
    delegate = Delegate.objects.get(pk=maya["delegate"].pk)
    assert delegate.name == f"Anonymised delegate {delegate.pk}" and delegate.anonymised_at is not None
    assert not Delegate.history.filter(email__iexact=EMAIL).exists()
    user = User.objects.get(pk=maya["user"].pk)
    assert (user.username, user.email, user.first_name, user.has_usable_password()) == (
        f"former-user-{user.pk}",
        "",
        "",
        False,
    )
    assert not AccessLog.objects.filter(username="maya.osei").exists()
    # The authenticator's secret and the recovery codes go with the account.
    assert not TOTPDevice.objects.filter(user=user).exists() and not StaticDevice.objects.filter(user=user).exists()
    assert not ActionDigest.objects.filter(email__iexact=EMAIL).exists()
    assert not DeadlineReminder.objects.filter(sent_to__icontains=EMAIL).exists()
    # What the partnership keeps stays, pointing at the placeholder.
    assert Action.objects.get(pk=maya["action"].pk).owner_person_id == person.pk
    assert Attendance.objects.get(pk=maya["attendance"].pk).membership.person_id == person.pk
    assert _counts() == before
    # Nobody else is touched.
    assert Person.objects.get(pk=tom["person"].pk).name == "Tom Reid"
    assert Delegate.objects.get(pk=tom["delegate"].pk).email == "tom.reid@police.example.org"
    assert TOTPDevice.objects.filter(user=tom["user"]).exists()
    assert "Memberships of the partnership's bodies (1): kept." in out.getvalue()


def test_someone_still_working_with_the_partnership_is_refused_and_nothing_changes():
    maya = person_with_records("Maya Osei", EMAIL, account_active=True, membership_end=None)

    with pytest.raises(CommandError) as refused:
        call_command("erase_person", EMAIL, "--yes")

    assert "can still sign in" in str(refused.value)
    assert "is still a member of" in str(refused.value)
    assert Person.objects.get(pk=maya["person"].pk).name == "Maya Osei"
    assert Delegate.objects.get(pk=maya["delegate"].pk).anonymised_at is None


def test_an_account_the_case_review_access_log_names_is_kept_until_the_log_goes():
    maya = person_with_records("Maya Osei", EMAIL, viewed=True)

    out = io.StringIO()
    call_command("erase_person", EMAIL, "--yes", stdout=out)

    assert User.objects.get(pk=maya["user"].pk).username == "maya.osei"
    assert "is kept as it is" in out.getvalue()
    assert Person.objects.get(pk=maya["person"].pk).anonymised_at is not None


def test_without_yes_the_command_only_says_what_it_would_do():
    maya = person_with_records("Maya Osei", EMAIL)
    out = io.StringIO()
    call_command("erase_person", EMAIL, stdout=out)
    assert "Run again with --yes" in out.getvalue()
    assert Person.objects.get(pk=maya["person"].pk).name == "Maya Osei"


def test_the_business_manager_erases_from_the_peoples_list_after_seeing_what_is_kept(client, manager):
    maya = person_with_records("Maya Osei", EMAIL)
    sign_in(client, manager)
    changelist = reverse("admin:partnership_person_changelist")
    chosen = {"action": "erase_personal_data", "_selected_action": [maya["person"].pk]}

    asked = client.post(changelist, chosen)
    assert asked.status_code == 200
    assert "What is kept, and why" in asked.content.decode()
    assert Person.objects.get(pk=maya["person"].pk).anonymised_at is None

    done = client.post(changelist, {**chosen, "confirmed": "yes"})
    assert done.status_code == 302
    assert Person.objects.get(pk=maya["person"].pk).anonymised_at is not None
    assert Delegate.objects.get(pk=maya["delegate"].pk).anonymised_at is not None
