from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lscp.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Backs up the database (pg_dump) and every stored file, with a manifest of their checksums, into a new "
        "folder under BACKUP_DIR named by the time. Prints the folder's path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backup-dir", help="The folder to write the backup under, instead of BACKUP_DIR for this once."
        )

    def handle(self, *args, backup_dir=None, **options):
        try:
            path = create_backup(backup_dir=backup_dir or settings.BACKUP_DIR)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
