from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lscp import data_protection


class Command(BaseCommand):
    help = (
        "Answers a subject access request: writes everything the partnership holds about the person with this "
        "e-mail address (their records in every part of the product) to a zip of CSV files, with a note to read "
        "first. Changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's e-mail address (any capitals).")
        parser.add_argument(
            "--output",
            help="The file to write (default: subject-access-<today>.zip in the current folder). An existing file "
            "is never overwritten.",
        )

    def handle(self, *args, email, output=None, **options):
        try:
            subject, gathered = data_protection.subject_and_records(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        path = Path(output or data_protection.export_filename())
        try:
            with path.open("xb") as file:
                file.write(data_protection.export(subject, gathered=gathered))
        except FileExistsError as error:
            raise CommandError(f"{path} already exists: give another file with --output.") from error
        except OSError as error:
            raise CommandError(f"{path} could not be written: {error.strerror}.") from error
        self.stdout.write(self.style.SUCCESS(f"Written to {path}:"))
        for entry, records in gathered:
            if records:
                self.stdout.write(f"  {entry.title}: {len(records)}")
