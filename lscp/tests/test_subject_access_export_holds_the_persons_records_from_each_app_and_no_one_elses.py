"""`manage.py subject_access <email>` (and the admin action on the lists of people and delegates) writes
everything held about one person: a file per kind of record, from every app that holds some, and nothing about
anyone else."""

import csv
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from lscp import data_protection
from lscp.testing import sign_in
from lscp.tests.people_with_records import person_with_records

pytestmark = pytest.mark.django_db

EMAIL = "Maya.Osei@health.example.org"
OTHER_EMAIL = "tom.reid@police.example.org"


@pytest.fixture
def maya():
    return person_with_records("Maya Osei", EMAIL)


@pytest.fixture
def tom():
    return person_with_records("Tom Reid", OTHER_EMAIL)


def _files(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def test_the_command_writes_a_readable_file_of_the_person_from_each_app_and_nothing_of_another(maya, tom, tmp_path):
    subject = data_protection.data_subject(EMAIL.lower())
    held = {entry.key for entry, records in data_protection.gather(subject) if records}
    assert {
        "lscp.accounts",
        "lscp.sign-ins",
        "lscp.changes-made",
        "partnership.person",
        "partnership.memberships",
        "partnership.attendance",
        "governance.actions",
        "governance.challenges",
        "governance.digests",
        "reviews.reminders",
        "training.delegate",
        "training.bookings",
        "training.evaluations",
        "training.account-work",
    } <= held

    output = tmp_path / "maya.zip"
    call_command("subject_access", EMAIL, output=str(output), stdout=io.StringIO())

    files = _files(output.read_bytes())
    everything = "\n".join(files.values())
    assert "read-me-first.txt" in files
    for csv_name, text in files.items():
        if csv_name.endswith(".csv"):
            assert len(list(csv.reader(io.StringIO(text)))) >= 2, f"{csv_name} has no record"
    for hers in ("Maya Osei", EMAIL, maya["membership"].body.name, "Audit of Osei's referrals", "maya.osei"):
        assert hers in everything
    assert "Maya found the case studies useful" in everything
    for his in ("Tom", "Reid", OTHER_EMAIL, tom["membership"].body.name, "Browser of Tom"):
        assert his not in everything
    # Other people's addresses beside hers are left out: her line manager's, the business team's.
    assert "lead@example.org" not in everything
    assert "business.team@lscp.example.org" not in everything


def test_the_command_never_overwrites_a_file_and_says_when_nothing_is_held(maya, tmp_path):
    output = tmp_path / "already.zip"
    output.write_bytes(b"kept")
    with pytest.raises(CommandError, match="already exists"):
        call_command("subject_access", EMAIL, output=str(output))
    assert output.read_bytes() == b"kept"
    with pytest.raises(CommandError, match="Nothing is held"):
        call_command("subject_access", "nobody@example.org", output=str(tmp_path / "nobody.zip"))
    with pytest.raises(CommandError, match="e-mail address"):
        call_command("subject_access", "not an address", output=str(tmp_path / "bad.zip"))


def test_the_business_manager_downloads_it_from_the_delegates_list(client, manager, maya):
    sign_in(client, manager)
    response = client.post(
        reverse("admin:training_delegate_changelist"),
        {"action": "download_subject_access", "_selected_action": [maya["delegate"].pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "Maya Osei" in "\n".join(_files(response.content).values())
