from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from lscp.backups import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restores a backup made by `manage.py backup`: the database (into DATABASE_URL's) and the stored files. "
        "Checks every checksum first, and changes nothing if one differs or a file is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, e.g. backups/lscp-backup-2025-01-31T021500Z")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even over a database that holds records or a file store that holds files: they are replaced.",
        )
        parser.add_argument("--check", action="store_true", help="Only check the backup's checksums; restore nothing.")

    def handle(self, *args, backup, force=False, check=False, **options):
        try:
            if check:
                manifest = verify_backup(backup)
                self.stdout.write(
                    f"The backup is complete and unchanged: its database ({manifest['taken_at']}) and "
                    f"{len(manifest['files'])} stored files match their checksums."
                )
                return
            result = restore_backup(backup, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database ({filesizeformat(result.database_bytes)} dump) and {result.files} stored files."
            )
        )
        if result.unapplied_migrations:
            self.stdout.write(
                f"This release has {result.unapplied_migrations} database migrations the backup's database had not: "
                "run `python manage.py migrate` before starting the site."
            )
