"""Backups: the database, every stored file, and a manifest that lets a restore prove it has them all, unchanged.

`manage.py backup` (`make backup`) writes a folder under BACKUP_DIR named by the time it was taken (UTC):

    lscp-backup-2025-01-31T021500Z/
        database.dump   the PostgreSQL database (pg_dump's custom format)
        files/...       every stored file (uploaded papers, minutes, evidence, built reports), under its stored name
        manifest.json   when, which migrations the database had (the latest per app), and the SHA-256 and size of the
                        database dump and of each stored file
        SHA256SUMS      the checksum of every file above, manifest.json included, as `sha256sum -c SHA256SUMS` reads it:
                        a copy can be checked where the product is not installed

The files are read through Django's storage API, so object storage is backed up as the file system is. The database is
dumped first and the files copied after: a file uploaded meanwhile is in the backup without a record pointing at it,
which is harmless, where the other order would leave a record pointing at a file the backup lacks.

`manage.py restore` (`make restore BACKUP=...`) changes nothing until it has checked every checksum, that this release
knows every migration the backup's database had, and that the database and the file store it would replace hold
nothing (unless told --force). The database is restored by pg_restore in a single transaction: all or nothing.

Only PostgreSQL is backed up. The SQLite file is the demo's, which `make demo` makes again at any time.
"""

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import OperationalError
from django.db import connection as default_connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
DATABASE_DUMP = "database.dump"
FILES = "files"
FORMAT = 1
NAME_PREFIX = "lscp-backup-"
CHUNK = 1024 * 1024
# How long pg_dump and pg_restore wait for a table someone else has locked before giving up, rather than hanging.
LOCK_WAIT = "60s"
# DATABASE_URL's query options (?sslmode=verify-full&sslrootcert=...) that pg_dump and pg_restore take from libpq's
# variables of the same name (PGSSLMODE, ...).
LIBPQ_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey")

NOT_POSTGRESQL = (
    "Backups are of a PostgreSQL database (DATABASE_URL); this site runs on the demo's SQLite file, which "
    "`make demo` makes again at any time. Copy db.sqlite3 and the media folder if you need to keep it."
)
NO_TOOL = (
    "{tool} was not found. Install PostgreSQL's client programs (the server's version or newer), or set "
    "POSTGRES_BIN_DIR to the folder that holds them (e.g. /usr/lib/postgresql/15/bin)."
)
BACKUP_INSIDE_FILE_STORE = (
    "BACKUP_DIR ({backup_dir}) is inside the file store (MEDIA_ROOT, {media_root}): each backup would hold the ones "
    "before it. Choose a folder outside it."
)
NOT_A_BACKUP = "{path} is not a backup folder: it has no {manifest}. Give the folder `make backup` wrote (unpacked)."
MANIFEST_UNREADABLE = "The backup's manifest cannot be read ({error}): nothing was restored."
DAMAGED = "This backup is damaged or incomplete, so nothing was restored:\n{problems}"
NEWER_RELEASE = (
    "This backup's database had migrations this release of the product does not have ({migrations}): it was made "
    "by a newer release. Install that release (or a later one) and restore with it. Nothing was restored."
)
HOLDS_RECORDS = (
    "The database {database} already holds records ({what}). Restoring would replace them: nothing was restored. "
    "Restore into a new, empty database instead (the safer way: the old one stays until the restore is checked), "
    "or, to replace it, stop the site and run the restore again with --force."
)
HOLDS_FILES = (
    "The file store already holds {count} files. Restoring would overwrite those with the same names and leave the "
    "others: nothing was restored. Point MEDIA_ROOT at an empty folder, or run the restore again with --force."
)
UNREACHABLE = (
    "The database {database} cannot be reached ({error}). Check DATABASE_URL; to restore into a new database, create "
    "it first (e.g. `createdb {database}`). Nothing was changed."
)
TOOL_FAILED = "{tool} failed, so {outcome}:\n{output}"

SHA256 = re.compile(r"[0-9a-f]{64}")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class RestoreResult:
    files: int
    database_bytes: int
    unapplied_migrations: int


def postgres_tool(name):
    """The path of pg_dump or pg_restore: from POSTGRES_BIN_DIR, else on PATH, else the newest Debian/Ubuntu
    server's (/usr/lib/postgresql/<version>/bin), where the client programs live when only the server is installed."""
    if settings.POSTGRES_BIN_DIR:
        candidate = Path(settings.POSTGRES_BIN_DIR) / name
        if os.access(candidate, os.X_OK):
            return str(candidate)
        raise BackupError(NO_TOOL.format(tool=name))
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if versions:
        return str(versions[-1])
    raise BackupError(NO_TOOL.format(tool=name))


def _postgres_environment(connection):
    """libpq's variables for the connection's database (the password never appears on a command line), once it is
    known to answer."""
    if connection.vendor != "postgresql":
        raise BackupError(NOT_POSTGRESQL)
    db = connection.settings_dict
    try:
        connection.ensure_connection()
    except OperationalError as error:
        raise BackupError(UNREACHABLE.format(database=db["NAME"], error=str(error).strip())) from error
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
        *((f"PG{option.upper()}", db.get("OPTIONS", {}).get(option)) for option in LIBPQ_OPTIONS),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command, *, env, outcome):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BackupError(TOOL_FAILED.format(tool=Path(command[0]).name, outcome=outcome, output=output))


def stored_file_names(storage, folder=""):
    """Every file in the storage, by its stored name (`minutes/2023/minutes.pdf`), sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a file system store nothing has been saved to yet
        return []
    names = [posixpath.join(folder, name) for name in files]
    for sub in folders:
        names.extend(stored_file_names(storage, posixpath.join(folder, sub)))
    return sorted(names)


def _copy_hashing(source, destination=None):
    """Reads an open file to its end, writing it to `destination` if given; returns the SHA-256 and size read."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        if destination is not None:
            destination.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def file_checksum(path):
    """The SHA-256 and size of a file."""
    with open(path, "rb") as source:
        return _copy_hashing(source)


def _applied_migrations(connection):
    """(app, name) of every migration applied to the connection's database. In SQL, not through the ORM: a restore's
    connection need not be one of the project's configured databases."""
    if MigrationRecorder.Migration._meta.db_table not in connection.introspection.table_names():
        return set()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {connection.ops.quote_name(MigrationRecorder.Migration._meta.db_table)}")
        return set(cursor.fetchall())


def migration_state(connection):
    """The latest migration applied to the database, per app (migration names start with their number)."""
    latest = {}
    for app, name in _applied_migrations(connection):
        latest[app] = max(name, latest.get(app, name))
    return dict(sorted(latest.items()))


def _refuse_backup_inside_file_store(backup_dir, storage):
    if isinstance(storage, FileSystemStorage):
        media_root = Path(storage.location).resolve()
        if backup_dir.resolve().is_relative_to(media_root):
            raise BackupError(BACKUP_INSIDE_FILE_STORE.format(backup_dir=backup_dir, media_root=media_root))


def _checksum_line(checksum, name):
    # sha256sum's own escaping for a name holding a backslash or a line break.
    if "\\" in name or "\n" in name:
        return f"\\{checksum}  {name.replace(chr(92), chr(92) * 2).replace(chr(10), chr(92) + 'n')}\n"
    return f"{checksum}  {name}\n"


def create_backup(*, backup_dir, connection=None, storage=None, now=None):
    """Writes a backup folder under `backup_dir` and returns its path. It appears under its final name only once
    complete: until then it is a hidden `.partial` folder, removed if anything fails."""
    connection = connection or default_connection
    storage = storage or default_storage
    env = _postgres_environment(connection)
    pg_dump = postgres_tool("pg_dump")
    backup_dir = Path(backup_dir)
    _refuse_backup_inside_file_store(backup_dir, storage)

    taken = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    name = f"{NAME_PREFIX}{taken:%Y-%m-%dT%H%M%SZ}"
    final = backup_dir / name
    if final.exists():
        raise BackupError(f"{final} already exists: one backup a second at most.")
    backup_dir.mkdir(parents=True, exist_ok=True)
    partial = backup_dir / f".{name}.partial"
    # Safeguarding records: only the account that made the backup may read it (its files too, below, so that a copy
    # of one of them keeps the restriction).
    try:
        partial.mkdir(mode=0o700)
    except FileExistsError as error:
        raise BackupError(f"Another backup is being written to {partial}: one backup a second at most.") from error
    partial.chmod(0o700)
    try:
        migrations = migration_state(connection)
        dump = partial / DATABASE_DUMP
        _run(
            [pg_dump, "--format=custom", f"--lock-wait-timeout={LOCK_WAIT}", f"--file={dump}"],
            env=env,
            outcome="no backup was made",
        )
        database_checksum, database_size = file_checksum(dump)

        stored = []
        for stored_name in stored_file_names(storage):
            target = partial / FILES / stored_name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(stored_name, "rb") as source, open(target, "wb") as destination:
                checksum, size = _copy_hashing(source, destination)
            stored.append({"name": stored_name, "sha256": checksum, "size": size})

        manifest = {
            "format": FORMAT,
            "taken_at": taken.isoformat(),
            "database": {
                "file": DATABASE_DUMP,
                "sha256": database_checksum,
                "size": database_size,
                "name": connection.settings_dict["NAME"],
                "server_version": connection.pg_version,
                "migrations": migrations,
            },
            "files": stored,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        manifest_checksum, _ = file_checksum(partial / MANIFEST)
        lines = [_checksum_line(manifest_checksum, MANIFEST), _checksum_line(database_checksum, DATABASE_DUMP)]
        lines += [_checksum_line(entry["sha256"], f"{FILES}/{entry['name']}") for entry in stored]
        (partial / CHECKSUMS).write_text("".join(lines), encoding="utf-8")
        for folder, subfolders, files in os.walk(partial):
            for sub in subfolders:
                os.chmod(os.path.join(folder, sub), 0o700)
            for file in files:
                os.chmod(os.path.join(folder, file), 0o600)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _safe_stored_name(name):
    """A stored name a restore may write: relative, no `..`, no empty or backslashed part."""
    if not isinstance(name, str) or not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _read_manifest(path):
    manifest_path = path / MANIFEST
    if not path.is_dir() or not manifest_path.is_file():
        raise BackupError(NOT_A_BACKUP.format(path=path, manifest=MANIFEST))
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(MANIFEST_UNREADABLE.format(error=error)) from error
    try:
        if manifest["format"] != FORMAT:
            raise ValueError(f"format {manifest['format']!r}, where this release reads format {FORMAT}")
        database = manifest["database"]
        entries = [(database["file"], database["sha256"], database["size"])]
        entries += [(f"{FILES}/{entry['name']}", entry["sha256"], entry["size"]) for entry in manifest["files"]]
        for name, checksum, size in entries:
            if not _safe_stored_name(name) or not SHA256.fullmatch(str(checksum)) or type(size) is not int:
                raise ValueError(f"an entry it cannot use: {name!r}")
        if not all(isinstance(app, str) and isinstance(name, str) for app, name in database["migrations"].items()):
            raise ValueError("its migrations are not names")
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise BackupError(MANIFEST_UNREADABLE.format(error=error)) from error
    return manifest, entries


def _listed_checksum(path, name):
    """The checksum SHA256SUMS gives `name`, or None."""
    try:
        lines = (path / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        checksum, _, listed = line.partition("  ")
        if listed == name:
            return checksum
    return None


def verify_backup(path):
    """Checks every file the manifest lists (the manifest itself against SHA256SUMS) and returns the manifest;
    raises BackupError listing every file missing or changed."""
    path = Path(path)
    manifest, entries = _read_manifest(path)
    problems = []
    if _listed_checksum(path, MANIFEST) != file_checksum(path / MANIFEST)[0]:
        problems.append(f"{MANIFEST}: its checksum is not the one {CHECKSUMS} gives")
    for name, checksum, size in entries:
        file = path / name
        if not file.is_file():
            problems.append(f"{name}: missing")
            continue
        actual_checksum, actual_size = file_checksum(file)
        if actual_size != size:
            problems.append(f"{name}: {actual_size} bytes where the manifest says {size}")
        elif actual_checksum != checksum:
            problems.append(f"{name}: its contents have changed (SHA-256 {actual_checksum}, manifest {checksum})")
    if problems:
        raise BackupError(DAMAGED.format(problems="\n".join(f"  {problem}" for problem in problems)))
    return manifest


def _unknown_migrations(migrations):
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [f"{app} {name}" for app, name in migrations.items() if (app, name) not in known]


def records_held(connection):
    """What the database holds that people made, in words, or "" when it holds nothing: user accounts and change
    history (every record a person edits keeps one). A database just created, or just migrated, has neither;
    the rows `migrate` itself writes (permissions, the role groups, reference lists) are not records."""
    tables = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    held = []
    users = get_user_model()._meta.db_table
    if users in tables:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {quote(users)}")
            count = cursor.fetchone()[0]
        if count:
            held.append(f"{count} user account{'s' if count != 1 else ''}")
    history = [
        model._meta.db_table
        for model in apps.get_models()
        if hasattr(model, "instance_type") and model._meta.db_table in tables  # simple_history's change history
    ]
    if history:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + " OR ".join(f"EXISTS (SELECT 1 FROM {quote(table)})" for table in history))
            if cursor.fetchone()[0]:
                held.append("a change history")
    return " and ".join(held)


def restore_backup(path, *, force=False, connection=None, storage=None):
    """Restores the backup at `path` into the connection's database and the storage, after every check."""
    connection = connection or default_connection
    storage = storage or default_storage
    path = Path(path)
    env = _postgres_environment(connection)
    pg_restore = postgres_tool("pg_restore")
    manifest = verify_backup(path)
    unknown = _unknown_migrations(manifest["database"]["migrations"])
    if unknown:
        raise BackupError(NEWER_RELEASE.format(migrations=", ".join(unknown)))
    if not force:
        held = records_held(connection)
        if held:
            raise BackupError(HOLDS_RECORDS.format(database=connection.settings_dict["NAME"], what=held))
        existing = stored_file_names(storage)
        if existing:
            raise BackupError(HOLDS_FILES.format(count=len(existing)))

    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={LOCK_WAIT}".strip()
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path / DATABASE_DUMP),
        ],
        env=env,
        outcome="the database is as it was (its restore is all or nothing) and no file was restored",
    )
    for entry in manifest["files"]:
        name = entry["name"]
        if storage.exists(name):
            storage.delete(name)
        with open(path / FILES / name, "rb") as source:
            saved = storage.save(name, File(source, name=posixpath.basename(name)))
        if saved != name:
            raise BackupError(f"The file store saved {name} as {saved}: the restore of the files stopped there.")

    this_release = MigrationLoader(None, ignore_no_migrations=True).graph.nodes
    return RestoreResult(
        files=len(manifest["files"]),
        database_bytes=manifest["database"]["size"],
        unapplied_migrations=len(set(this_release) - _applied_migrations(connection)),
    )
