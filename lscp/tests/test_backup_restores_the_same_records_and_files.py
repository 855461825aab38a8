"""`manage.py backup` and a restore, on the real PostgreSQL server: a backup restored into a fresh database (made for
the test on the same server, dropped after it) and an empty file store gives back every table's rows, the records'
values and every stored file's bytes; a backup with one byte changed, or a file missing, or from a newer release, is
refused before anything is restored; a database that holds records, or a file store that holds files, is replaced only
when the restore is forced."""

import io
import json
import uuid
from datetime import date
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection, connections

from lscp.backups import CHECKSUMS, MANIFEST, BackupError, file_checksum, restore_backup, stored_file_names
from partnership.tests.factories import AgencyFactory, MeetingFactory, MembershipFactory, PersonFactory, UserFactory

MINUTES = b"%PDF-1.7\n% the minutes of a meeting\n"
EVERY_BYTE = bytes(range(256)) * 64


def _server():
    db = connection.settings_dict
    server = psycopg2.connect(
        dbname="postgres", host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"] or None
    )
    server.autocommit = True
    return server


@pytest.fixture
def fresh_database(db):
    """A new, empty database on the test server, as a Django connection of its own; dropped after the test."""
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    server = _server()
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    target = connections["default"].__class__({**connection.settings_dict, "NAME": name}, alias="restored")
    try:
        yield target
    finally:
        try:
            target.close()
        finally:
            with server.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.close()


def _back_up(tmp_path):
    out = io.StringIO()
    call_command("backup", backup_dir=str(tmp_path / "backups"), stdout=out)
    return out.getvalue().strip()


def _row_counts(db_connection):
    """Every model's table (change histories and many-to-many tables included) with its number of rows."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    with db_connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT '{table}', count(*) FROM \"{table}\"" for table in tables))
        return dict(cursor.fetchall())


def _one_row(db_connection, sql, params):
    with db_connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)  # pg_dump is another session: it sees only committed rows
def test_a_backup_restored_into_a_fresh_database_has_the_same_records_and_files(tmp_path, fresh_database):
    user = UserFactory(username="business.manager", first_name="Eleanor", last_name="Fictional")
    agency = AgencyFactory(name="Central and North West London NHS Foundation Trust")
    person = PersonFactory(name="Priya Fictional", agency=agency, email="priya@cnwl.example.org")
    membership = MembershipFactory(person=person, start=date(2021, 4, 1))
    meeting = MeetingFactory(body=membership.body, theme="Neglect")
    meeting.minutes.save("minutes.pdf", ContentFile(MINUTES))
    default_storage.save("reports/2023-24/annual-report.pdf", ContentFile(EVERY_BYTE))

    backup = _back_up(tmp_path)
    restored_files = FileSystemStorage(location=tmp_path / "restored-media")
    result = restore_backup(backup, connection=fresh_database, storage=restored_files)

    before = _row_counts(connection)
    assert before["partnership_person"] == 1 and before["partnership_historicalmeeting"] >= 2
    assert _row_counts(fresh_database) == before
    assert result.unapplied_migrations == 0
    assert _one_row(
        fresh_database, "SELECT username, password, first_name FROM auth_user WHERE id = %s", [user.pk]
    ) == (user.username, user.password, "Eleanor")
    assert _one_row(fresh_database, "SELECT name, email FROM partnership_person WHERE id = %s", [person.pk]) == (
        "Priya Fictional",
        "priya@cnwl.example.org",
    )
    assert _one_row(fresh_database, "SELECT theme, minutes FROM partnership_meeting WHERE id = %s", [meeting.pk]) == (
        "Neglect",
        meeting.minutes.name,
    )

    names = stored_file_names(default_storage)
    assert names == sorted([meeting.minutes.name, "reports/2023-24/annual-report.pdf"])
    assert stored_file_names(restored_files) == names
    for name in names:
        with default_storage.open(name, "rb") as original, restored_files.open(name, "rb") as restored:
            assert restored.read() == original.read()


@pytest.fixture
def backup(db, tmp_path):
    """A backup of the test database (migrated, no records) and two stored files."""
    default_storage.save("minutes/2024/minutes.pdf", ContentFile(MINUTES))
    default_storage.save("reports/2023-24/annual-report.pdf", ContentFile(EVERY_BYTE))
    return _back_up(tmp_path)


def _change_one_byte(path):
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("a changed byte in the database dump", "database.dump: its contents have changed"),
        ("a changed byte in a stored file", "files/reports/2023-24/annual-report.pdf: its contents have changed"),
        ("a stored file missing", "files/minutes/2024/minutes.pdf: missing"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_is_restored(backup, tmp_path, fresh_database, damage, named):
    folder = Path(backup)
    if damage == "a changed byte in the database dump":
        _change_one_byte(folder / "database.dump")
    elif damage == "a changed byte in a stored file":
        _change_one_byte(folder / "files/reports/2023-24/annual-report.pdf")
    else:
        (folder / "files/minutes/2024/minutes.pdf").unlink()
    restored_files = FileSystemStorage(location=tmp_path / "restored-media")

    with pytest.raises(BackupError) as refusal:
        restore_backup(backup, connection=fresh_database, storage=restored_files)

    assert "damaged or incomplete, so nothing was restored" in str(refusal.value)
    assert named in str(refusal.value)
    assert fresh_database.introspection.table_names() == []
    assert stored_file_names(restored_files) == []
    with pytest.raises(CommandError, match="damaged or incomplete"):
        call_command("restore", backup, check=True, stdout=io.StringIO())


def test_an_intact_backup_passes_its_check(backup):
    out = io.StringIO()
    call_command("restore", backup, check=True, stdout=out)
    assert "complete and unchanged" in out.getvalue() and "2 stored files" in out.getvalue()


def test_a_backup_from_a_newer_release_is_refused(backup, fresh_database, tmp_path):
    folder = Path(backup)
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["database"]["migrations"]["reports"] = "9999_from_a_later_release"
    (folder / MANIFEST).write_text(json.dumps(manifest))
    # Its checksum written again too, as that release would have written it: the backup is whole.
    (folder / CHECKSUMS).write_text(
        "".join(
            f"{file_checksum(folder / MANIFEST)[0]}  {MANIFEST}\n" if line.endswith(f"  {MANIFEST}") else line + "\n"
            for line in (folder / CHECKSUMS).read_text().splitlines()
        )
    )
    restored_files = FileSystemStorage(location=tmp_path / "restored-media")

    with pytest.raises(BackupError, match="reports 9999_from_a_later_release"):
        restore_backup(backup, connection=fresh_database, storage=restored_files)
    assert fresh_database.introspection.table_names() == []


def test_a_restore_over_records_or_stored_files_is_refused_unless_forced(backup, fresh_database, tmp_path):
    restored_files = FileSystemStorage(location=tmp_path / "restored-media")
    restored_files.save("minutes/2024/minutes.pdf", ContentFile(b"minutes stored before the restore"))

    with pytest.raises(BackupError, match="The file store already holds 1 files"):
        restore_backup(backup, connection=fresh_database, storage=restored_files)
    assert fresh_database.introspection.table_names() == []

    with fresh_database.cursor() as cursor:
        cursor.execute("CREATE TABLE auth_user (id serial PRIMARY KEY, username text)")
        cursor.execute("INSERT INTO auth_user (username) VALUES ('someone')")
    with pytest.raises(BackupError, match=r"already holds records \(1 user account\)"):
        restore_backup(backup, connection=fresh_database, storage=restored_files)
    assert _one_row(fresh_database, "SELECT count(*) FROM auth_user", []) == (1,)

    restore_backup(backup, connection=fresh_database, storage=restored_files, force=True)
    assert _one_row(fresh_database, "SELECT count(*) FROM auth_user", []) == (0,)
    assert "partnership_person" in fresh_database.introspection.table_names()
    with restored_files.open("minutes/2024/minutes.pdf", "rb") as minutes:
        assert minutes.read() == MINUTES
